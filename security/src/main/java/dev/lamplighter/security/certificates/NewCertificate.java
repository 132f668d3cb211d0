package dev.lamplighter.security.certificates;

/**
 * A certificate created with its key pair. The private key exists only in this object and the
 * response that carries it.
 */
public record NewCertificate(Certificate certificate, String publicKeyPem, String privateKeyPem) {
  @Override
  public String toString() {
    return "NewCertificate[" + certificate.certificateId() + ", privateKey=(hidden)]";
  }
}
