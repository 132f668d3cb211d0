package dev.lamplighter.security.pki;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A certificate the server's CA issued, with the issuing CA certificate that a TLS peer needs to
 * build the chain up to the root.
 */
public record IssuedCertificate(ParsedCertificate certificate, ParsedCertificate issuer) {

  public IssuedCertificate {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(issuer, "issuer");
  }

  public String certificateId() {
    return certificate.certificateId();
  }

  public String certificatePem() {
    return certificate.pem();
  }

  /** The certificate followed by the issuing CA, as a TLS server presents them. */
  public String chainPem() {
    return certificate.pem() + issuer.pem();
  }

  /**
   * When to replace the certificate: once two thirds of its validity have passed, which leaves a
   * third (30 days of a 90-day certificate) for retries before it expires.
   */
  public Instant renewAfter() {
    return renewAfter(certificate);
  }

  static Instant renewAfter(ParsedCertificate certificate) {
    Duration lifetime = Duration.between(certificate.notBefore(), certificate.notAfter());
    return certificate.notBefore().plus(lifetime.multipliedBy(2).dividedBy(3));
  }
}
