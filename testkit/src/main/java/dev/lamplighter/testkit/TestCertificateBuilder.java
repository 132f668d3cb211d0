package dev.lamplighter.testkit;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * One certificate to generate, issued by a {@link TestCa} or self-signed. By default it is valid
 * from an hour ago to a year ahead of the clock, has a fresh EC P-256 key, and is a TLS client (end
 * entity) certificate.
 */
public final class TestCertificateBuilder {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private final TestCa issuer;
  private final X500Name subject;
  private final List<GeneralName> alternativeNames = new ArrayList<>();
  private Instant notBefore;
  private Instant notAfter;
  private TestKeyType keyType = TestKeyType.EC_P256;
  private KeyPair keyPair;
  private boolean ca;
  private boolean server;

  TestCertificateBuilder(Clock clock, TestCa issuer, String subject) {
    this.clock = clock;
    this.issuer = issuer;
    this.subject = new X500Name(subject);
  }

  public TestCertificateBuilder validity(Instant from, Instant to) {
    this.notBefore = from;
    this.notAfter = to;
    return this;
  }

  /** Valid from now (the clock's) for {@code duration}. */
  public TestCertificateBuilder validFor(Duration duration) {
    Instant now = now();
    return validity(now, now.plus(duration));
  }

  public TestCertificateBuilder keyType(TestKeyType type) {
    this.keyType = type;
    this.keyPair = null;
    return this;
  }

  public TestCertificateBuilder keyPair(KeyPair keys) {
    this.keyPair = keys;
    return this;
  }

  public TestCertificateBuilder dnsNames(String... names) {
    return add(GeneralName.dNSName, names);
  }

  public TestCertificateBuilder ipAddresses(String... addresses) {
    return add(GeneralName.iPAddress, addresses);
  }

  public TestCertificateBuilder emails(String... addresses) {
    return add(GeneralName.rfc822Name, addresses);
  }

  public TestCertificateBuilder uris(String... uris) {
    return add(GeneralName.uniformResourceIdentifier, uris);
  }

  /** Makes it a CA certificate (basic constraints CA, key usage keyCertSign and cRLSign). */
  public TestCertificateBuilder ca() {
    this.ca = true;
    return this;
  }

  /** Makes it a TLS server certificate (extended key usage serverAuth instead of clientAuth). */
  public TestCertificateBuilder server() {
    this.server = true;
    return this;
  }

  private TestCertificateBuilder add(int tag, String... values) {
    for (String value : values) {
      alternativeNames.add(new GeneralName(tag, value));
    }
    return this;
  }

  public TestCertificate issue() {
    Instant now = now();
    Instant from = notBefore != null ? notBefore : now.minus(Duration.ofHours(1));
    Instant to = notAfter != null ? notAfter : now.plus(Duration.ofDays(365));
    KeyPair keys = keyPair != null ? keyPair : keyType.keyPair();
    X500Name issuerName = issuer == null ? subject : issuer.name();
    PublicKey issuerKey = issuer == null ? keys.getPublic() : issuer.keyPair().getPublic();
    PrivateKey signingKey = issuer == null ? keys.getPrivate() : issuer.keyPair().getPrivate();
    try {
      JcaX509ExtensionUtils keyIds = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuerName,
              new BigInteger(64, RANDOM).add(BigInteger.ONE),
              Date.from(from),
              Date.from(to),
              subject,
              keys.getPublic());
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          keyIds.createSubjectKeyIdentifier(keys.getPublic()));
      builder.addExtension(
          Extension.authorityKeyIdentifier, false, keyIds.createAuthorityKeyIdentifier(issuerKey));
      if (ca) {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(
            Extension.extendedKeyUsage,
            false,
            new ExtendedKeyUsage(
                server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
      }
      if (!alternativeNames.isEmpty()) {
        builder.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(alternativeNames.toArray(GeneralName[]::new)));
      }
      String algorithm =
          signingKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
      return new TestCertificate(
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(new JcaContentSignerBuilder(algorithm).build(signingKey))),
          keys);
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException(e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.SECONDS);
  }
}
