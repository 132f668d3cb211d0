package dev.lamplighter.security.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.testkit.MutableClock;
import dev.lamplighter.testkit.TestKeyType;
import dev.lamplighter.testkit.TestPki;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertPathValidatorException;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {
  private static final Instant YEAR_2049_END = Instant.parse("2049-12-31T23:59:59Z");

  private static KeysAndCertificate sharedKeysAndCertificate;

  private final MutableClock clock = new MutableClock(SharedCa.CREATED);
  private final CertificateAuthority ca = SharedCa.at(clock);

  /** One CreateKeysAndCertificate answer for the tests that inspect it (RSA keys are slow). */
  private KeysAndCertificate keysAndCertificate() {
    synchronized (CertificateAuthorityTest.class) {
      if (sharedKeysAndCertificate == null) {
        sharedKeysAndCertificate = ca.createKeysAndCertificate();
      }
      return sharedKeysAndCertificate;
    }
  }

  @Test
  void create_makesSelfSignedRsa3072RootValidAtLeastUntil2049() {
    ParsedCertificate root = SharedCa.created().rootCertificate();

    assertThat(root.isSelfSigned()).isTrue();
    assertThat(root.isCa()).isTrue();
    assertThat(root.x509().getBasicConstraints()).isEqualTo(1);
    assertThat(root.x509().getKeyUsage()[5]).as("keyCertSign").isTrue();
    assertThat(root.x509().getSigAlgName()).isEqualTo("SHA256withRSA");
    assertThat(((RSAPublicKey) root.publicKey()).getModulus().bitLength()).isEqualTo(3072);
    assertThat(root.subject().toString()).isEqualTo("CN=Lamplighter Root CA,O=Acme Test");
    assertThat(root.notBefore()).isEqualTo(SharedCa.CREATED);
    // 20 years from 2025 would end in 2045, before the device certificates under it
    assertThat(root.notAfter()).isEqualTo(YEAR_2049_END);
  }

  @Test
  void create_makesIssuingCaSignedByRootForTenYears() {
    CertificateAuthority created = SharedCa.created();
    ParsedCertificate issuing = created.issuingCertificate();

    assertThat(issuing.isIssuedBy(created.rootCertificate())).isTrue();
    assertThat(issuing.isCa()).isTrue();
    assertThat(issuing.x509().getBasicConstraints()).isZero();
    assertThat(((RSAPublicKey) issuing.publicKey()).getModulus().bitLength()).isEqualTo(3072);
    assertThat(issuing.subject().toString()).isEqualTo("CN=Lamplighter Issuing CA,O=Acme Test");
    assertThat(issuing.notAfter()).isEqualTo(Instant.parse("2035-06-01T12:00:00Z"));
    assertThat(created.chainPem()).isEqualTo(issuing.pem() + created.rootCertificatePem());
  }

  @Test
  void create_withBlankOrganization_isRejected() {
    assertThatThrownBy(
            () -> CertificateAuthority.create(" ", Clock.systemUTC(), new SecureRandom()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("organization");
  }

  @Test
  void exportAndRestore_keepsBothCertificates() {
    CaMaterial material = SharedCa.created().export();

    CertificateAuthority restored =
        CertificateAuthority.restore(material, clock, new SecureRandom());

    assertThat(restored.rootCertificate()).isEqualTo(SharedCa.created().rootCertificate());
    assertThat(restored.issuingCertificate()).isEqualTo(SharedCa.created().issuingCertificate());
    assertThat(restored.export()).isEqualTo(material);
  }

  @Test
  void restoredCa_issuesCertificatesThatChainToTheOriginalRoot() throws Exception {
    CertificateAuthority restored =
        CertificateAuthority.restore(SharedCa.created().export(), clock, new SecureRandom());

    IssuedCertificate device =
        restored.signCsr(new TestPki(clock).csr(TestKeyType.EC_P256, "CN=restored").pem());

    Chains.validate(
        clock.instant(),
        SharedCa.created().rootCertificate(),
        device.certificate(),
        SharedCa.created().issuingCertificate());
  }

  @Test
  void restore_withKeysSwapped_isRejected() {
    CaMaterial material = SharedCa.created().export();
    CaMaterial swapped =
        new CaMaterial(
            material.rootCertificatePem(),
            material.issuingCertificatePem(),
            material.issuingPrivateKey(),
            material.rootPrivateKey());

    assertThatThrownBy(() -> CertificateAuthority.restore(swapped, clock, new SecureRandom()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("root key does not match");
  }

  @Test
  void restore_withIssuingCertificateNotSignedByRoot_isRejected() {
    CaMaterial material = SharedCa.created().export();
    String stranger = new TestPki(clock).newRootCa("Stranger").certificatePem();
    CaMaterial mixed =
        new CaMaterial(
            material.rootCertificatePem(),
            stranger,
            material.rootPrivateKey(),
            material.issuingPrivateKey());

    assertThatThrownBy(() -> CertificateAuthority.restore(mixed, clock, new SecureRandom()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a CA of the root");
  }

  @Test
  void caMaterial_toString_hidesTheKeys() {
    CaMaterial material = SharedCa.created().export();

    assertThat(material.toString())
        .doesNotContain(Base64.getEncoder().encodeToString(material.issuingPrivateKey()))
        .contains("hidden");
  }

  @Test
  void createKeysAndCertificate_issuesDeviceCertificateThatChainsToTheRoot() throws Exception {
    KeysAndCertificate created = keysAndCertificate();
    ParsedCertificate device = created.certificate().certificate();

    Chains.validate(clock.instant(), ca.rootCertificate(), device, ca.issuingCertificate());
    assertThat(device.subject().toString()).isEqualTo("CN=Lamplighter Device Certificate");
    assertThat(device.issuer()).isEqualTo(ca.issuingCertificate().subject());
    assertThat(device.isCa()).isFalse();
    assertThat(device.x509().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
    assertThat(device.x509().getKeyUsage()[0]).as("digitalSignature").isTrue();
    assertThat(device.notBefore()).isEqualTo(SharedCa.CREATED);
    assertThat(device.notAfter()).isEqualTo(YEAR_2049_END);
    assertThat(device.serialNumber().signum()).isPositive();
    assertThat(device.serialNumber().bitLength()).isLessThanOrEqualTo(128);
    assertThat(created.certificatePem()).isEqualTo(device.pem());
    assertThat(created.certificateId())
        .isEqualTo(
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(device.der())));
  }

  @Test
  void createKeysAndCertificate_returnsPkcs1PrivateKeyOfTheCertificatesPublicKey()
      throws Exception {
    KeysAndCertificate created = keysAndCertificate();
    RSAPublicKey certificateKey = (RSAPublicKey) created.certificate().certificate().publicKey();

    assertThat(created.privateKeyPem())
        .startsWith("-----BEGIN RSA PRIVATE KEY-----\n")
        .endsWith("-----END RSA PRIVATE KEY-----\n");
    RSAPrivateKey pkcs1 =
        RSAPrivateKey.getInstance(onlyBlock(created.privateKeyPem(), "RSA PRIVATE KEY"));
    assertThat(pkcs1.getModulus()).isEqualTo(certificateKey.getModulus());
    assertThat(pkcs1.getModulus().bitLength()).isEqualTo(2048);

    PrivateKey privateKey =
        KeyFactory.getInstance("RSA")
            .generatePrivate(
                new RSAPrivateCrtKeySpec(
                    pkcs1.getModulus(),
                    pkcs1.getPublicExponent(),
                    pkcs1.getPrivateExponent(),
                    pkcs1.getPrime1(),
                    pkcs1.getPrime2(),
                    pkcs1.getExponent1(),
                    pkcs1.getExponent2(),
                    pkcs1.getCoefficient()));
    byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(privateKey);
    signer.update(message);
    Signature verifier = Signature.getInstance("SHA256withRSA");
    verifier.initVerify(certificateKey);
    verifier.update(message);
    assertThat(verifier.verify(signer.sign())).isTrue();
  }

  @Test
  void createKeysAndCertificate_returnsPublicKeyPemOfTheCertificate() {
    KeysAndCertificate created = keysAndCertificate();

    assertThat(created.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
    assertThat(onlyBlock(created.publicKeyPem(), "PUBLIC KEY"))
        .isEqualTo(created.certificate().certificate().publicKey().getEncoded());
    assertThat(created.toString()).doesNotContain("PRIVATE KEY").contains("hidden");
  }

  @Test
  void createKeysAndCertificate_makesANewKeyAndSerialEachTime() {
    KeysAndCertificate first = keysAndCertificate();
    KeysAndCertificate second = ca.createKeysAndCertificate();

    assertThat(second.publicKeyPem()).isNotEqualTo(first.publicKeyPem());
    assertThat(second.certificate().certificate().serialNumber())
        .isNotEqualTo(first.certificate().certificate().serialNumber());
  }

  @Test
  void issuingCertificateRenewal_isDueAfterTwoThirdsOfItsValidity() {
    assertThat(ca.issuingCertificateRenewalDue()).isFalse();

    clock.set(Instant.parse("2032-01-01T00:00:00Z"));
    assertThat(ca.issuingCertificateRenewalDue()).isFalse();

    clock.set(Instant.parse("2032-03-01T00:00:00Z"));
    assertThat(ca.issuingCertificateRenewalDue()).isTrue();
  }

  @Test
  void renewedIssuingCertificate_keepsEarlierDeviceCertificatesChainingToTheRoot()
      throws Exception {
    ParsedCertificate device =
        ca.signCsr(new TestPki(clock).csr(TestKeyType.EC_P256, "CN=old").pem()).certificate();
    clock.set(Instant.parse("2033-01-01T00:00:00Z"));

    CertificateAuthority renewed = ca.renewIssuingCertificate();
    Instant afterFirstIssuingCaEnded = Instant.parse("2036-01-01T00:00:00Z");

    ParsedCertificate newIssuing = renewed.issuingCertificate();
    assertThat(newIssuing).isNotEqualTo(ca.issuingCertificate());
    assertThat(newIssuing.publicKey()).isEqualTo(ca.issuingCertificate().publicKey());
    assertThat(newIssuing.notAfter()).isEqualTo(Instant.parse("2043-01-01T00:00:00Z"));
    assertThat(renewed.issuingCertificateRenewalDue()).isFalse();
    Chains.validate(afterFirstIssuingCaEnded, ca.rootCertificate(), device, newIssuing);
    assertThatThrownBy(
            () ->
                Chains.validate(
                    afterFirstIssuingCaEnded,
                    ca.rootCertificate(),
                    device,
                    ca.issuingCertificate()))
        .isInstanceOf(CertPathValidatorException.class);
  }

  @Test
  void renewedCa_survivesExportAndRestore() {
    clock.set(Instant.parse("2033-01-01T00:00:00Z"));
    CertificateAuthority renewed = ca.renewIssuingCertificate();

    assertThatCode(() -> CertificateAuthority.restore(renewed.export(), clock, new SecureRandom()))
        .doesNotThrowAnyException();
  }

  static byte[] onlyBlock(String pem, String label) {
    List<Pem.Block> blocks = Pem.decode(pem);
    assertThat(blocks).singleElement().extracting(Pem.Block::label).isEqualTo(label);
    return blocks.get(0).der();
  }
}
