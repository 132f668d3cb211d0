package dev.lamplighter.security.pki;

import java.util.Objects;

/**
 * The answer to CreateKeysAndCertificate: a device certificate and its freshly generated RSA key
 * pair. The private key exists only in this value; the server hands it to the caller once and keeps
 * no copy.
 *
 * @param certificate the device certificate
 * @param publicKeyPem {@code -----BEGIN PUBLIC KEY-----} (X.509 SubjectPublicKeyInfo)
 * @param privateKeyPem {@code -----BEGIN RSA PRIVATE KEY-----} (PKCS#1), as AWS IoT returns it
 */
public record KeysAndCertificate(
    IssuedCertificate certificate, String publicKeyPem, String privateKeyPem) {

  public KeysAndCertificate {
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(publicKeyPem, "publicKeyPem");
    Objects.requireNonNull(privateKeyPem, "privateKeyPem");
  }

  public String certificateId() {
    return certificate.certificateId();
  }

  public String certificatePem() {
    return certificate.certificatePem();
  }

  @Override
  public String toString() {
    return "KeysAndCertificate[" + certificate.certificateId() + ", privateKeyPem=(hidden)]";
  }
}
