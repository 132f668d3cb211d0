package dev.lamplighter.testkit;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;

/** A generated certificate with its key pair. */
public record TestCertificate(X509Certificate x509, KeyPair keyPair) {

  public byte[] der() {
    try {
      return x509.getEncoded();
    } catch (CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The certificate as one {@code -----BEGIN CERTIFICATE-----} block. */
  public String pem() {
    return TestPem.encode("CERTIFICATE", der());
  }

  /** The private key as {@code -----BEGIN PRIVATE KEY-----} (PKCS#8). */
  public String privateKeyPem() {
    return TestPem.encode("PRIVATE KEY", keyPair.getPrivate().getEncoded());
  }

  public BigInteger serialNumber() {
    return x509.getSerialNumber();
  }

  @Override
  public String toString() {
    return "TestCertificate[" + x509.getSubjectX500Principal() + ", serial=" + serialNumber() + "]";
  }
}
