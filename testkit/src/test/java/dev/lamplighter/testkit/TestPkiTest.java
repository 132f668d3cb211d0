package dev.lamplighter.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SignatureException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;

class TestPkiTest {
  private final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
  private final TestPki pki = new TestPki(clock);
  private final Date now = Date.from(clock.instant());

  @Test
  void issuedCertificate_isValidNowAndSignedByItsCa() throws Exception {
    TestCertificate device = pki.rootCa().issue("CN=device-1");

    device.x509().checkValidity(now);
    device.x509().verify(pki.rootCa().keyPair().getPublic());
    assertThat(pki.rootCa()).isSameAs(pki.rootCa());
  }

  @Test
  void expiredAndNotYetValidCertificates_areSoAtTheClocksTime() {
    TestCertificate expired = pki.rootCa().issueExpired("CN=old");
    TestCertificate future = pki.rootCa().issueNotYetValid("CN=new");

    assertThatThrownBy(() -> expired.x509().checkValidity(now))
        .isInstanceOf(CertificateExpiredException.class);
    assertThatThrownBy(() -> future.x509().checkValidity(now))
        .isInstanceOf(CertificateNotYetValidException.class);
  }

  @Test
  void anotherRoot_doesNotVerifyTheFirstRootsCertificates() {
    TestCertificate device = pki.rootCa().issue("CN=device-1");
    TestCa other = pki.newRootCa("Test Root CA");

    assertThatThrownBy(() -> device.x509().verify(other.keyPair().getPublic()))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void intermediate_isACaSignedByItsParent() throws Exception {
    TestCa intermediate = pki.rootCa().intermediate("Test Intermediate CA");

    intermediate.certificate().x509().verify(pki.rootCa().keyPair().getPublic());
    assertThat(intermediate.certificate().x509().getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThat(intermediate.chainPem()).endsWith(pki.rootCa().certificatePem());
  }

  @Test
  void revokedCertificate_isRememberedByItsCa() {
    TestCertificate revoked = pki.rootCa().issueRevoked("CN=stolen");
    TestCertificate fine = pki.rootCa().issue("CN=fine");

    assertThat(pki.rootCa().isRevoked(revoked)).isTrue();
    assertThat(pki.rootCa().isRevoked(fine)).isFalse();
    assertThat(pki.rootCa().revokedSerialNumbers()).containsExactly(revoked.serialNumber());
  }

  @Test
  void verificationCertificate_carriesTheCodeAsCommonName() {
    TestCertificate verification = pki.rootCa().verificationCertificate("abc123");

    assertThat(verification.x509().getSubjectX500Principal().getName()).isEqualTo("CN=abc123");
  }

  @Test
  void csrs_verifyUnlessTampered() throws Exception {
    assertThat(verifies(pki.csr(TestKeyType.EC_P256, "CN=a"))).isTrue();
    assertThat(verifies(pki.csr(TestKeyType.RSA_2048, "CN=a"))).isTrue();
    assertThat(verifies(pki.csrWithTamperedSignature("CN=a"))).isFalse();
  }

  @Test
  void weakCsr_hasA1024BitRsaKey() {
    TestCsr weak = pki.csrWithWeakRsaKey("CN=a");

    assertThat(((RSAPublicKey) weak.keyPair().getPublic()).getModulus().bitLength())
        .isEqualTo(1024);
  }

  private static boolean verifies(TestCsr csr) throws Exception {
    String body =
        csr.pem()
            .replace("-----BEGIN CERTIFICATE REQUEST-----", "")
            .replace("-----END CERTIFICATE REQUEST-----", "");
    PKCS10CertificationRequest request =
        new PKCS10CertificationRequest(Base64.getMimeDecoder().decode(body));
    return request.isSignatureValid(
        new JcaContentVerifierProviderBuilder().build(csr.keyPair().getPublic()));
  }
}
