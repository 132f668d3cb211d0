package dev.lamplighter.bench.broker;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The broker suite's key material, made when a run starts so that nothing is committed: ECDSA P-256
 * keys (the curve of Lamplighter's own server certificate and of the devices), CSRs for
 * CreateCertificateFromCsr, and for Mosquitto a CA with a server certificate for the loopback
 * interface and client certificates.
 */
public final class BrokerPki {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String SIGNATURE = "SHA256withECDSA";

  /** A certificate with its key. */
  record Issued(X509Certificate certificate, KeyPair keys) {
    String certificatePem() {
      return pem(certificate);
    }

    String privateKeyPem() {
      return BrokerPki.privateKeyPem(keys.getPrivate());
    }
  }

  private BrokerPki() {}

  public static KeyPair p256() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A PKCS#10 request in PEM for {@code keys}, subject {@code CN=commonName}. */
  public static String csrPem(KeyPair keys, String commonName) {
    try {
      return pem(
          new JcaPKCS10CertificationRequestBuilder(
                  new X500Name("CN=" + commonName), keys.getPublic())
              .build(new JcaContentSignerBuilder(SIGNATURE).build(keys.getPrivate())));
    } catch (OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  static Issued ca(String commonName) {
    KeyPair keys = p256();
    return new Issued(build(null, keys, commonName, Kind.CA), keys);
  }

  /** A server certificate for {@code localhost} and 127.0.0.1, issued by {@code ca}. */
  static Issued server(Issued ca) {
    KeyPair keys = p256();
    return new Issued(build(ca, keys, "localhost", Kind.SERVER), keys);
  }

  /** A client certificate for {@code keys}, issued by {@code ca}. */
  static Issued client(Issued ca, KeyPair keys, String commonName) {
    return new Issued(build(ca, keys, commonName, Kind.CLIENT), keys);
  }

  private enum Kind {
    CA,
    SERVER,
    CLIENT
  }

  private static X509Certificate build(Issued issuer, KeyPair keys, String commonName, Kind kind) {
    X500Name subject = new X500Name("CN=" + commonName + ", O=Lamplighter bench");
    X500Name issuerName =
        issuer == null
            ? subject
            : X500Name.getInstance(issuer.certificate().getSubjectX500Principal().getEncoded());
    Instant now = Instant.now();
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuerName,
              new BigInteger(64, RANDOM).add(BigInteger.ONE),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(Duration.ofDays(30))),
              subject,
              keys.getPublic());
      switch (kind) {
        case CA -> {
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
          builder.addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        }
        case SERVER -> {
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
          builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
          builder.addExtension(
              Extension.extendedKeyUsage,
              false,
              new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
          builder.addExtension(
              Extension.subjectAlternativeName,
              false,
              new GeneralNames(
                  new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"),
                    new GeneralName(GeneralName.iPAddress, "127.0.0.1")
                  }));
        }
        case CLIENT -> {
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
          builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
          builder.addExtension(
              Extension.extendedKeyUsage,
              false,
              new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        }
      }
      java.security.PrivateKey signer =
          issuer == null ? keys.getPrivate() : issuer.keys().getPrivate();
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A private key in PKCS#8 PEM ({@code PRIVATE KEY}), which OpenSSL and the JDK both read with its
   * curve; Bouncy Castle's writer would give SEC1 without the public key.
   */
  public static String privateKeyPem(java.security.PrivateKey key) {
    String base64 =
        java.util.Base64.getMimeEncoder(
                64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
  }

  static String pem(Object object) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return out.toString();
  }
}
