package dev.lamplighter.security.certificates;

/** How a certificate is presented: with its CA registered (DEFAULT) or by SNI only. */
public enum CertificateMode {
  DEFAULT,
  SNI_ONLY
}
