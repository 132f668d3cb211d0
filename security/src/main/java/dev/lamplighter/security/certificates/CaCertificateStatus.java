package dev.lamplighter.security.certificates;

/** The statuses of a registered CA certificate. */
public enum CaCertificateStatus {
  ACTIVE,
  INACTIVE
}
