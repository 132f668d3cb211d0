package dev.lamplighter.security.pki;

import java.security.PublicKey;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/** The extensions that make a certificate a root CA, an issuing CA, a device or a server. */
enum CertificateProfile {
  /** The self-signed root: signs only the issuing CA, so one level below it at most. */
  ROOT_CA {
    @Override
    void addExtensions(X509v3CertificateBuilder builder, PublicKey subjectKey)
        throws CertIOException {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(1));
      builder.addExtension(Extension.keyUsage, true, caKeyUsage());
    }
  },
  /** The CA that signs device and server certificates, and no further CA. */
  ISSUING_CA {
    @Override
    void addExtensions(X509v3CertificateBuilder builder, PublicKey subjectKey)
        throws CertIOException {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
      builder.addExtension(Extension.keyUsage, true, caKeyUsage());
    }
  },
  /** A device: TLS client authentication only. */
  DEVICE {
    @Override
    void addExtensions(X509v3CertificateBuilder builder, PublicKey subjectKey)
        throws CertIOException {
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
    }
  },
  /**
   * A TLS server. An RSA key may also be used for RSA key exchange (keyEncipherment), which TLS 1.2
   * clients with RSA cipher suites require.
   */
  SERVER {
    @Override
    void addExtensions(X509v3CertificateBuilder builder, PublicKey subjectKey)
        throws CertIOException {
      int usage = KeyUsage.digitalSignature;
      if (subjectKey.getAlgorithm().equals("RSA")) {
        usage |= KeyUsage.keyEncipherment;
      }
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
      builder.addExtension(
          Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    }
  };

  abstract void addExtensions(X509v3CertificateBuilder builder, PublicKey subjectKey)
      throws CertIOException;

  private static KeyUsage caKeyUsage() {
    return new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign);
  }
}
