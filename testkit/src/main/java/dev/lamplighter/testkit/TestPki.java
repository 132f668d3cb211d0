package dev.lamplighter.testkit;

import java.io.IOException;
import java.security.KeyPair;
import java.time.Clock;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Generated PKI for tests, made in memory when a test runs so that no key store is committed: CAs
 * (roots and intermediates), device certificates (valid, expired, not yet valid, revoked, issued by
 * another CA, self-signed), CSRs (RSA, EC, tampered, weak) and RegisterCACertificate verification
 * certificates. Validity follows the clock given here, so a test can move time.
 *
 * <pre>{@code
 * TestPki pki = new TestPki(clock);
 * TestCertificate device = pki.rootCa().issue("CN=device-1, O=Acme");
 * TestCertificate stranger = pki.newRootCa("Other CA").issue("CN=device-1");
 * TestCsr csr = pki.csr(TestKeyType.EC_P256, "CN=sensor-7");
 * }</pre>
 *
 * <p>Generated with Bouncy Castle and the JDK's providers, independently of Lamplighter's own PKI
 * code, so tests do not check that code against itself.
 */
public final class TestPki {
  public static final String ORGANIZATION = "Lamplighter Tests";

  private final Clock clock;
  private TestCa rootCa;

  public TestPki(Clock clock) {
    this.clock = clock;
  }

  public Clock clock() {
    return clock;
  }

  /** This PKI's root CA, {@code CN=Test Root CA, O=Lamplighter Tests}, made on first use. */
  public synchronized TestCa rootCa() {
    if (rootCa == null) {
      rootCa = newRootCa("Test Root CA");
    }
    return rootCa;
  }

  /** Another, unrelated root CA, for the wrong-CA cases. */
  public TestCa newRootCa(String commonName) {
    TestCertificate certificate =
        new TestCertificateBuilder(clock, null, caSubject(commonName)).ca().issue();
    return new TestCa(clock, certificate, null);
  }

  /** A self-signed certificate to build. */
  public TestCertificateBuilder selfSignedCertificate(String subject) {
    return new TestCertificateBuilder(clock, null, subject);
  }

  /** A self-signed end-entity certificate, valid now. */
  public TestCertificate selfSigned(String subject) {
    return selfSignedCertificate(subject).issue();
  }

  /** A valid CSR for a key of {@code type} (RSA keys are shared, see {@link TestKeyType}). */
  public TestCsr csr(TestKeyType type, String subject) {
    KeyPair keys = type.keyPair();
    return new TestCsr(TestPem.encode("CERTIFICATE REQUEST", csrDer(type, keys, subject)), keys);
  }

  /** A well-formed EC P-256 CSR whose signature does not verify (its last byte is flipped). */
  public TestCsr csrWithTamperedSignature(String subject) {
    KeyPair keys = TestKeyType.EC_P256.keyPair();
    byte[] der = csrDer(TestKeyType.EC_P256, keys, subject);
    der[der.length - 1] ^= 0x01;
    return new TestCsr(TestPem.encode("CERTIFICATE REQUEST", der), keys);
  }

  /** A valid CSR for a 1024-bit RSA key, which CreateCertificateFromCsr refuses. */
  public TestCsr csrWithWeakRsaKey(String subject) {
    return csr(TestKeyType.RSA_1024, subject);
  }

  private static byte[] csrDer(TestKeyType type, KeyPair keys, String subject) {
    try {
      return new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keys.getPublic())
          .build(new JcaContentSignerBuilder(type.signatureAlgorithm()).build(keys.getPrivate()))
          .getEncoded();
    } catch (OperatorCreationException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String caSubject(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.O, ORGANIZATION)
        .addRDN(BCStyle.CN, commonName)
        .build()
        .toString();
  }
}
