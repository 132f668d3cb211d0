package dev.lamplighter.security.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Signs certificates with one CA key: random 128-bit serial numbers, subject and authority key
 * identifiers, and the extensions of a {@link CertificateProfile}. Uses the JDK's providers only.
 */
final class CertificateSigner {
  /** What to put into one certificate. */
  record Template(
      X500Name subject,
      PublicKey subjectKey,
      Instant notBefore,
      Instant notAfter,
      CertificateProfile profile,
      List<GeneralName> alternativeNames) {}

  private final X500Name issuer;
  private final PublicKey issuerKey;
  private final PrivateKey signingKey;
  private final SecureRandom random;

  CertificateSigner(
      X500Name issuer, PublicKey issuerKey, PrivateKey signingKey, SecureRandom random) {
    this.issuer = issuer;
    this.issuerKey = issuerKey;
    this.signingKey = signingKey;
    this.random = random;
  }

  /** A signer for certificates issued by {@code ca}, whose private key is {@code signingKey}. */
  static CertificateSigner of(ParsedCertificate ca, PrivateKey signingKey, SecureRandom random) {
    return new CertificateSigner(
        X500Name.getInstance(ca.x509().getSubjectX500Principal().getEncoded()),
        ca.publicKey(),
        signingKey,
        random);
  }

  ParsedCertificate sign(Template template) {
    try {
      JcaX509ExtensionUtils keyIds = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer,
              randomSerial(),
              Date.from(template.notBefore()),
              Date.from(template.notAfter()),
              template.subject(),
              template.subjectKey());
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          keyIds.createSubjectKeyIdentifier(template.subjectKey()));
      builder.addExtension(
          Extension.authorityKeyIdentifier, false, keyIds.createAuthorityKeyIdentifier(issuerKey));
      template.profile().addExtensions(builder, template.subjectKey());
      if (!template.alternativeNames().isEmpty()) {
        builder.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(template.alternativeNames().toArray(GeneralName[]::new)));
      }
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(
                      new JcaContentSignerBuilder(Keys.signatureAlgorithm(signingKey))
                          .setSecureRandom(random)
                          .build(signingKey)));
      return ParsedCertificate.of(certificate);
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("cannot sign a certificate: " + e.getMessage(), e);
    }
  }

  /** A positive serial of up to 128 random bits (RFC 5280 allows 20 octets). */
  private BigInteger randomSerial() {
    byte[] bytes = new byte[16];
    BigInteger serial;
    do {
      random.nextBytes(bytes);
      serial = new BigInteger(1, bytes);
    } while (serial.signum() == 0);
    return serial;
  }
}
