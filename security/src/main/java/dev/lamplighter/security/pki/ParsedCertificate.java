package dev.lamplighter.security.pki;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One X.509 certificate as RegisterCertificate, RegisterCertificateWithoutCA and
 * RegisterCACertificate receive it, with the values Lamplighter stores and evaluates: the
 * certificate id, names, validity and the signature checks.
 *
 * <p>Immutable and thread-safe. Equal when the DER is equal (the certificate ids are equal).
 */
public final class ParsedCertificate {
  /** The longest certificate PEM AWS accepts (the {@code CertificatePem} shape). */
  public static final int MAX_PEM_LENGTH = 65_536;

  /** Why a certificate is not valid at some instant. */
  public enum ValidityProblem {
    EXPIRED,
    NOT_YET_VALID
  }

  private final X509Certificate x509;
  private final byte[] der;
  private final String certificateId;
  private final DistinguishedName subject;
  private final DistinguishedName issuer;
  private final List<AlternativeName> subjectAlternativeNames;
  private final List<AlternativeName> issuerAlternativeNames;

  private ParsedCertificate(X509Certificate x509) throws CertificateException {
    this.x509 = x509;
    this.der = x509.getEncoded();
    this.certificateId = sha256Hex(der);
    this.subject = DistinguishedName.of(x509.getSubjectX500Principal());
    this.issuer = DistinguishedName.of(x509.getIssuerX500Principal());
    this.subjectAlternativeNames = AlternativeName.of(x509.getSubjectAlternativeNames());
    this.issuerAlternativeNames = AlternativeName.of(x509.getIssuerAlternativeNames());
  }

  /**
   * Parses exactly one PEM-encoded X.509 certificate; text around the block is ignored.
   *
   * @throws ServiceException CERTIFICATE_VALIDATION naming the problem: empty or too long input, no
   *     PEM block, more than one block, a block that is not a CERTIFICATE (a key, a CSR), or DER
   *     that is not an X.509 certificate
   */
  public static ParsedCertificate parse(String pem) {
    if (pem == null || pem.isBlank()) {
      throw invalid("the certificate PEM is empty");
    }
    if (pem.length() > MAX_PEM_LENGTH) {
      throw invalid("the certificate PEM is longer than %d characters", MAX_PEM_LENGTH);
    }
    List<Pem.Block> blocks;
    try {
      blocks = Pem.decode(pem);
    } catch (IllegalArgumentException e) {
      throw invalid("the certificate is not valid PEM: %s", e.getMessage());
    }
    if (blocks.isEmpty()) {
      throw invalid("no PEM block found; expected one -----BEGIN CERTIFICATE----- block");
    }
    if (blocks.size() > 1) {
      throw invalid("expected exactly one PEM block, found %d", blocks.size());
    }
    Pem.Block block = blocks.get(0);
    if (!block.label().equals(Pem.CERTIFICATE)) {
      throw invalid("expected a CERTIFICATE, found a %s", block.label());
    }
    return fromDer(block.der());
  }

  private static ParsedCertificate fromDer(byte[] der) {
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      X509Certificate x509 =
          (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
      if (!Arrays.equals(x509.getEncoded(), der)) {
        throw invalid("the certificate has data after its DER encoding");
      }
      return new ParsedCertificate(x509);
    } catch (CertificateException | IllegalArgumentException e) {
      throw invalid("not a valid X.509 certificate: %s", e.getMessage());
    }
  }

  /** Wraps a certificate Lamplighter built itself. */
  static ParsedCertificate of(X509Certificate x509) {
    try {
      return new ParsedCertificate(x509);
    } catch (CertificateException e) {
      throw new IllegalStateException("a certificate Lamplighter issued does not encode", e);
    }
  }

  /** The SHA-256 fingerprint of the DER, 64 lower-case hex characters, as AWS IoT ids it. */
  public String certificateId() {
    return certificateId;
  }

  /** The certificate in PEM with 64-character lines and a final newline. */
  public String pem() {
    return Pem.encode(Pem.CERTIFICATE, der);
  }

  public byte[] der() {
    return der.clone();
  }

  public X509Certificate x509() {
    return x509;
  }

  public DistinguishedName subject() {
    return subject;
  }

  public DistinguishedName issuer() {
    return issuer;
  }

  public List<AlternativeName> subjectAlternativeNames() {
    return subjectAlternativeNames;
  }

  public List<AlternativeName> issuerAlternativeNames() {
    return issuerAlternativeNames;
  }

  public BigInteger serialNumber() {
    return x509.getSerialNumber();
  }

  public Instant notBefore() {
    return x509.getNotBefore().toInstant();
  }

  public Instant notAfter() {
    return x509.getNotAfter().toInstant();
  }

  /** Whether the basic constraints extension marks this certificate as a CA. */
  public boolean isCa() {
    return x509.getBasicConstraints() >= 0;
  }

  public PublicKey publicKey() {
    return x509.getPublicKey();
  }

  /** Whether subject and issuer are the same name and the certificate verifies with its own key. */
  public boolean isSelfSigned() {
    return x509.getSubjectX500Principal().equals(x509.getIssuerX500Principal())
        && isSignedWith(publicKey());
  }

  /**
   * Whether {@code ca} issued this certificate: this certificate's issuer is {@code ca}'s subject
   * and its signature verifies with {@code ca}'s public key. Neither validity nor {@code ca}'s
   * basic constraints are checked here.
   */
  public boolean isIssuedBy(ParsedCertificate ca) {
    return x509.getIssuerX500Principal().equals(ca.x509.getSubjectX500Principal())
        && isSignedWith(ca.publicKey());
  }

  /** Whether the certificate's signature verifies with {@code key}. */
  public boolean isSignedWith(PublicKey key) {
    try {
      x509.verify(key);
      return true;
    } catch (GeneralSecurityException | ProviderException e) {
      return false;
    }
  }

  /** Why the certificate is not valid at {@code now}, or empty when it is. Both ends inclusive. */
  public Optional<ValidityProblem> validityProblem(Instant now) {
    if (now.isBefore(notBefore())) {
      return Optional.of(ValidityProblem.NOT_YET_VALID);
    }
    if (now.isAfter(notAfter())) {
      return Optional.of(ValidityProblem.EXPIRED);
    }
    return Optional.empty();
  }

  /**
   * Checks that the certificate is valid at {@code now}.
   *
   * @throws ServiceException CERTIFICATE_VALIDATION when it has expired or is not yet valid
   */
  public void requireValidAt(Instant now) {
    Optional<ValidityProblem> problem = validityProblem(now);
    if (problem.isPresent()) {
      throw switch (problem.get()) {
        case EXPIRED -> invalid("the certificate expired at %s", notAfter());
        case NOT_YET_VALID -> invalid("the certificate is not valid before %s", notBefore());
      };
    }
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static ServiceException invalid(String format, Object... args) {
    return ErrorCode.CERTIFICATE_VALIDATION.exception(format, args);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ParsedCertificate certificate
        && certificateId.equals(certificate.certificateId);
  }

  @Override
  public int hashCode() {
    return certificateId.hashCode();
  }

  @Override
  public String toString() {
    return "Certificate[" + certificateId + ", subject=" + subject + "]";
  }
}
