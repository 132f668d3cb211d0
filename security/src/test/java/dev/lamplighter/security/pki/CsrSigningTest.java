package dev.lamplighter.security.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.testkit.MutableClock;
import dev.lamplighter.testkit.TestCsr;
import dev.lamplighter.testkit.TestKeyType;
import dev.lamplighter.testkit.TestPki;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.assertj.core.api.AbstractThrowableAssert;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CsrSigningTest {
  private final MutableClock clock = new MutableClock(SharedCa.CREATED);
  private final CertificateAuthority ca = SharedCa.at(clock);
  private final TestPki pki = new TestPki(clock);

  @ParameterizedTest
  @EnumSource(
      value = TestKeyType.class,
      names = {"RSA_2048", "EC_P256", "EC_P384", "EC_P521"})
  void signCsr_withSupportedKey_issuesDeviceCertificateForTheCsrKey(TestKeyType type)
      throws Exception {
    TestCsr csr = pki.csr(type, "CN=sensor-7");

    IssuedCertificate issued = ca.signCsr(csr.pem());

    ParsedCertificate device = issued.certificate();
    assertThat(device.publicKey()).isEqualTo(csr.keyPair().getPublic());
    assertThat(device.isCa()).isFalse();
    assertThat(device.x509().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    Chains.validate(clock.instant(), ca.rootCertificate(), device, ca.issuingCertificate());
    assertThat(issued.issuer()).isEqualTo(ca.issuingCertificate());
  }

  @Test
  void signCsr_keepsTheCsrSubject() {
    TestCsr csr = pki.csr(TestKeyType.EC_P256, "C=DE, O=Acme, OU=Sensors, CN=sensor-7");

    ParsedCertificate device = ca.signCsr(csr.pem()).certificate();

    assertThat(device.subject().toString()).isEqualTo("CN=sensor-7,OU=Sensors,O=Acme,C=DE");
    assertThat(device.subject().first(DnAttribute.COMMON_NAME)).hasValue("sensor-7");
  }

  @Test
  void signCsr_sameCsrTwice_givesDistinctCertificates() {
    TestCsr csr = pki.csr(TestKeyType.EC_P256, "CN=sensor-7");

    IssuedCertificate first = ca.signCsr(csr.pem());
    IssuedCertificate second = ca.signCsr(csr.pem());

    assertThat(second.certificateId()).isNotEqualTo(first.certificateId());
  }

  @Test
  void signCsr_withTamperedSignature_isRefused() {
    String csr = pki.csrWithTamperedSignature("CN=sensor-7").pem();

    assertInvalidRequest(() -> ca.signCsr(csr)).hasMessageContaining("signature");
  }

  @Test
  void signCsr_withWeak1024BitRsaKey_isRefused() {
    String csr = pki.csrWithWeakRsaKey("CN=sensor-7").pem();

    assertInvalidRequest(() -> ca.signCsr(csr))
        .hasMessageContaining("1024-bit RSA key")
        .hasMessageContaining("2048");
  }

  @Test
  void signCsr_withEd25519Key_isRefused() throws Exception {
    KeyPair keys = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    byte[] der =
        new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=sensor-7"), keys.getPublic())
            .build(new JcaContentSignerBuilder("Ed25519").build(keys.getPrivate()))
            .getEncoded();

    assertInvalidRequest(() -> ca.signCsr(Pem.encode(Pem.CERTIFICATE_REQUEST, der)))
        .hasMessageContaining("key algorithm");
  }

  @Test
  void signCsr_withGarbage_isRefused() {
    assertInvalidRequest(() -> ca.signCsr("not a CSR at all"))
        .hasMessageContaining("found 0 PEM blocks");
  }

  @Test
  void signCsr_withCorruptDer_isRefused() {
    String csr = Pem.encode(Pem.CERTIFICATE_REQUEST, new byte[] {0x30, 0x03, 0x02, 0x01});

    assertInvalidRequest(() -> ca.signCsr(csr)).hasMessageContaining("PKCS#10");
  }

  @Test
  void signCsr_withCertificateInsteadOfCsr_isRefused() {
    String certificate = pki.rootCa().certificatePem();

    assertInvalidRequest(() -> ca.signCsr(certificate))
        .hasMessageContaining("expected a CERTIFICATE REQUEST, found a CERTIFICATE");
  }

  @Test
  void signCsr_longerThan4096Characters_isRefused() {
    String csr = pki.csr(TestKeyType.EC_P256, "CN=sensor-7").pem() + " ".repeat(4096);

    assertInvalidRequest(() -> ca.signCsr(csr)).hasMessageContaining("4096");
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertInvalidRequest(
      Runnable call) {
    return assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ServiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
  }
}
