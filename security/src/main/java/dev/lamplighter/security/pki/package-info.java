/**
 * X.509 for the AWS IoT certificate operations: the server's own certificate authority ({@link
 * dev.lamplighter.security.pki.CertificateAuthority}: CreateKeysAndCertificate,
 * CreateCertificateFromCsr, the TLS listener's certificate), parsing registered certificates
 * ({@link dev.lamplighter.security.pki.ParsedCertificate}: certificate ids, names for policy
 * variables, validity, issuer checks), the RegisterCACertificate proof of possession ({@link
 * dev.lamplighter.security.pki.CaRegistration}) and PEM ({@link dev.lamplighter.security.pki.Pem}).
 *
 * <p>Uses Bouncy Castle's ASN.1 and certificate builders over the JDK's own JCA providers; no
 * security provider is registered. Stores nothing: the caller seals and stores the CA material and
 * the certificates.
 */
package dev.lamplighter.security.pki;
