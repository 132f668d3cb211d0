package dev.lamplighter.testkit;

import java.math.BigInteger;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * A generated certificate authority (root or intermediate) that issues test certificates: valid,
 * expired, not yet valid, revoked, and RegisterCACertificate verification certificates.
 *
 * <p>Revocation is only state kept here for the test to consult (the server's record of a revoked
 * certificate is its registry status, not a CRL).
 */
public final class TestCa {
  private final Clock clock;
  private final TestCertificate certificate;
  private final TestCa parent;
  private final Set<BigInteger> revoked = ConcurrentHashMap.newKeySet();

  TestCa(Clock clock, TestCertificate certificate, TestCa parent) {
    this.clock = clock;
    this.certificate = certificate;
    this.parent = parent;
  }

  public TestCertificate certificate() {
    return certificate;
  }

  public String certificatePem() {
    return certificate.pem();
  }

  public KeyPair keyPair() {
    return certificate.keyPair();
  }

  /** This CA's certificate followed by its parents' up to the root. */
  public String chainPem() {
    return parent == null ? certificatePem() : certificatePem() + parent.chainPem();
  }

  X500Name name() {
    return X500Name.getInstance(certificate.x509().getSubjectX500Principal().getEncoded());
  }

  /** A CA certificate named {@code CN=commonName, O=Lamplighter Tests} signed by this CA. */
  public TestCa intermediate(String commonName) {
    TestCertificate issued = certificate(TestPki.caSubject(commonName)).ca().issue();
    return new TestCa(clock, issued, this);
  }

  /** A certificate to build, issued by this CA. */
  public TestCertificateBuilder certificate(String subject) {
    return new TestCertificateBuilder(clock, this, subject);
  }

  /** A certificate valid now (from an hour ago to a year ahead). */
  public TestCertificate issue(String subject) {
    return certificate(subject).issue();
  }

  /** A certificate that ended a day ago. */
  public TestCertificate issueExpired(String subject) {
    Instant now = clock.instant();
    return certificate(subject)
        .validity(now.minus(Duration.ofDays(366)), now.minus(Duration.ofDays(1)))
        .issue();
  }

  /** A certificate that starts a day from now. */
  public TestCertificate issueNotYetValid(String subject) {
    Instant now = clock.instant();
    return certificate(subject)
        .validity(now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(366)))
        .issue();
  }

  /** A certificate valid now and already marked revoked here. */
  public TestCertificate issueRevoked(String subject) {
    TestCertificate issued = issue(subject);
    revoke(issued);
    return issued;
  }

  /**
   * A RegisterCACertificate verification certificate: subject {@code CN=registrationCode}, signed
   * by this CA's key. Pass a wrong code, or call it on another CA, for the failure cases.
   */
  public TestCertificate verificationCertificate(String registrationCode) {
    String subject =
        new X500NameBuilder(BCStyle.INSTANCE)
            .addRDN(BCStyle.CN, registrationCode)
            .build()
            .toString();
    return certificate(subject).issue();
  }

  public void revoke(TestCertificate issued) {
    revoked.add(issued.serialNumber());
  }

  public boolean isRevoked(TestCertificate issued) {
    return revoked.contains(issued.serialNumber());
  }

  public Set<BigInteger> revokedSerialNumbers() {
    return Set.copyOf(revoked);
  }

  @Override
  public String toString() {
    return "TestCa[" + certificate.x509().getSubjectX500Principal() + "]";
  }
}
