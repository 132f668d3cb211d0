package dev.lamplighter.security.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.testkit.MutableClock;
import dev.lamplighter.testkit.TestCa;
import dev.lamplighter.testkit.TestCertificate;
import dev.lamplighter.testkit.TestPki;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class ParsedCertificateTest {
  private final MutableClock clock = MutableClock.at("2030-01-01T00:00:00Z");
  private final TestPki pki = new TestPki(clock);
  private final TestCa root = pki.rootCa();

  @Test
  void certificateId_isSha256OfTheDerInLowerCaseHex() throws Exception {
    TestCertificate device = root.issue("CN=device-1");

    ParsedCertificate parsed = ParsedCertificate.parse(device.pem());

    String expected =
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(device.der()));
    assertThat(parsed.certificateId()).isEqualTo(expected).matches("[0-9a-f]{64}");
  }

  @Test
  void parse_roundTripsPemAndExposesTheCertificate() {
    TestCertificate device = root.issue("CN=device-1");

    ParsedCertificate parsed = ParsedCertificate.parse(device.pem());

    assertThat(parsed.pem()).isEqualTo(device.pem());
    assertThat(parsed.der()).isEqualTo(device.der());
    assertThat(parsed.x509()).isEqualTo(device.x509());
    assertThat(parsed.serialNumber()).isEqualTo(device.serialNumber());
    assertThat(parsed.publicKey()).isEqualTo(device.keyPair().getPublic());
    assertThat(parsed.notBefore()).isEqualTo(device.x509().getNotBefore().toInstant());
    assertThat(parsed.notAfter()).isEqualTo(device.x509().getNotAfter().toInstant());
    assertThat(parsed).isEqualTo(ParsedCertificate.parse(device.pem()));
  }

  @Test
  void parse_ignoresTextAroundTheBlock() {
    TestCertificate device = root.issue("CN=device-1");

    ParsedCertificate parsed =
        ParsedCertificate.parse("Certificate:\n    Subject: CN=device-1\n" + device.pem() + "\n\n");

    assertThat(parsed.subject().commonName()).hasValue("device-1");
  }

  @Test
  void parse_acceptsWindowsLineEndings() {
    TestCertificate device = root.issue("CN=device-1");

    ParsedCertificate parsed = ParsedCertificate.parse(device.pem().replace("\n", "\r\n"));

    assertThat(parsed.der()).isEqualTo(device.der());
  }

  @Test
  void parse_garbage_isRejected() {
    assertCertificateValidation(() -> ParsedCertificate.parse("hello, I am a certificate"))
        .hasMessageContaining("no PEM block found");
  }

  @Test
  void parse_empty_isRejected() {
    assertCertificateValidation(() -> ParsedCertificate.parse("  \n"))
        .hasMessageContaining("empty");
  }

  @Test
  void parse_twoCertificates_isRejected() {
    String two = root.issue("CN=a").pem() + root.issue("CN=b").pem();

    assertCertificateValidation(() -> ParsedCertificate.parse(two))
        .hasMessageContaining("exactly one PEM block, found 2");
  }

  @Test
  void parse_privateKeyInsteadOfCertificate_isRejected() {
    String key = root.issue("CN=device-1").privateKeyPem();

    assertCertificateValidation(() -> ParsedCertificate.parse(key))
        .hasMessageContaining("expected a CERTIFICATE, found a PRIVATE KEY");
  }

  @Test
  void parse_brokenBase64_isRejected() {
    String broken = "-----BEGIN CERTIFICATE-----\nMIIB$$$\n-----END CERTIFICATE-----\n";

    assertCertificateValidation(() -> ParsedCertificate.parse(broken))
        .hasMessageContaining("not valid base64");
  }

  @Test
  void parse_unclosedBlock_isRejected() {
    String pem = root.issue("CN=device-1").pem();
    String unclosed = pem.substring(0, pem.indexOf("-----END"));

    assertCertificateValidation(() -> ParsedCertificate.parse(unclosed))
        .hasMessageContaining("not closed");
  }

  @Test
  void parse_derThatIsNotACertificate_isRejected() {
    String pem = Pem.encode(Pem.CERTIFICATE, new byte[] {0x30, 0x03, 0x02, 0x01, 0x05});

    assertCertificateValidation(() -> ParsedCertificate.parse(pem))
        .hasMessageContaining("not a valid X.509 certificate");
  }

  @Test
  void parse_derWithTrailingBytes_isRejected() {
    byte[] der = root.issue("CN=device-1").der();
    byte[] padded = Arrays.copyOf(der, der.length + 2);

    assertCertificateValidation(() -> ParsedCertificate.parse(Pem.encode(Pem.CERTIFICATE, padded)))
        .hasMessageContaining("data after");
  }

  @Test
  void parse_longerThanAwsAllows_isRejected() {
    String pem = root.issue("CN=device-1").pem() + " ".repeat(ParsedCertificate.MAX_PEM_LENGTH);

    assertCertificateValidation(() -> ParsedCertificate.parse(pem))
        .hasMessageContaining("longer than 65536");
  }

  @Test
  void subjectAttributes_areFoundByShortNamePolicyNameAndOid() {
    TestCertificate device =
        root.issue(
            "C=US, ST=Washington, L=Seattle, O=Acme, OU=Sensors, OU=Fleet, CN=device-1,"
                + " SERIALNUMBER=SN-42");

    DistinguishedName subject = ParsedCertificate.parse(device.pem()).subject();

    assertThat(subject.values("CN")).containsExactly("device-1");
    assertThat(subject.values("CommonName")).containsExactly("device-1");
    assertThat(subject.values("2.5.4.3")).containsExactly("device-1");
    assertThat(subject.values("O")).containsExactly("Acme");
    assertThat(subject.values("OU")).containsExactly("Sensors", "Fleet");
    assertThat(subject.first(DnAttribute.ORGANIZATIONAL_UNIT)).hasValue("Sensors");
    assertThat(subject.values("C")).containsExactly("US");
    assertThat(subject.values("ST")).containsExactly("Washington");
    assertThat(subject.values("L")).containsExactly("Seattle");
    assertThat(subject.values("serialNumber")).containsExactly("SN-42");
    assertThat(subject.values(DnAttribute.TITLE)).isEmpty();
    assertThat(subject.first(DnAttribute.TITLE)).isEmpty();
  }

  @Test
  void subjectAttributes_unknownName_isAnError() {
    DistinguishedName subject = ParsedCertificate.parse(root.issue("CN=d").pem()).subject();

    assertThatThrownBy(() -> subject.values("Favourite Colour"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void issuerAttributes_nameTheIssuingCa() {
    DistinguishedName issuer = ParsedCertificate.parse(root.issue("CN=device-1").pem()).issuer();

    assertThat(issuer.values(DnAttribute.COMMON_NAME)).containsExactly("Test Root CA");
    assertThat(issuer.values(DnAttribute.ORGANIZATION)).containsExactly(TestPki.ORGANIZATION);
  }

  @Test
  void subjectAlternativeNames_areListedByKind() {
    TestCertificate device =
        root.certificate("CN=device-1")
            .dnsNames("device-1.example.com")
            .ipAddresses("192.0.2.10")
            .emails("ops@example.com")
            .uris("urn:device:1")
            .issue();

    ParsedCertificate parsed = ParsedCertificate.parse(device.pem());

    assertThat(parsed.subjectAlternativeNames())
        .containsExactly(
            new AlternativeName(AlternativeName.Type.DNS_NAME, "device-1.example.com"),
            new AlternativeName(AlternativeName.Type.IP_ADDRESS, "192.0.2.10"),
            new AlternativeName(AlternativeName.Type.RFC822_NAME, "ops@example.com"),
            new AlternativeName(AlternativeName.Type.URI, "urn:device:1"));
    assertThat(parsed.issuerAlternativeNames()).isEmpty();
  }

  @Test
  void validityProblem_isEmptyForAValidCertificate() {
    ParsedCertificate parsed = ParsedCertificate.parse(root.issue("CN=d").pem());

    assertThat(parsed.validityProblem(clock.instant())).isEmpty();
  }

  @Test
  void validityProblem_ofAnExpiredCertificate_isExpired() {
    ParsedCertificate parsed = ParsedCertificate.parse(root.issueExpired("CN=d").pem());

    assertThat(parsed.validityProblem(clock.instant()))
        .hasValue(ParsedCertificate.ValidityProblem.EXPIRED);
    assertCertificateValidation(() -> parsed.requireValidAt(clock.instant()))
        .hasMessageContaining("expired at");
  }

  @Test
  void validityProblem_ofANotYetValidCertificate_isNotYetValid() {
    ParsedCertificate parsed = ParsedCertificate.parse(root.issueNotYetValid("CN=d").pem());

    assertThat(parsed.validityProblem(clock.instant()))
        .hasValue(ParsedCertificate.ValidityProblem.NOT_YET_VALID);
    assertCertificateValidation(() -> parsed.requireValidAt(clock.instant()))
        .hasMessageContaining("not valid before");
  }

  @Test
  void validityProblem_followsTheClock() {
    ParsedCertificate parsed = ParsedCertificate.parse(root.issue("CN=d").pem());

    clock.advance(Duration.ofDays(366));

    assertThat(parsed.validityProblem(clock.instant()))
        .hasValue(ParsedCertificate.ValidityProblem.EXPIRED);
  }

  @Test
  void validityProblem_boundsAreInclusive() {
    ParsedCertificate parsed = ParsedCertificate.parse(root.issue("CN=d").pem());

    assertThat(parsed.validityProblem(parsed.notBefore())).isEmpty();
    assertThat(parsed.validityProblem(parsed.notAfter())).isEmpty();
    assertThat(parsed.validityProblem(parsed.notAfter().plusSeconds(1))).isPresent();
    assertThat(parsed.validityProblem(parsed.notBefore().minusSeconds(1))).isPresent();
  }

  @Test
  void isIssuedBy_isTrueForTheIssuingCa() {
    ParsedCertificate ca = ParsedCertificate.parse(root.certificatePem());
    ParsedCertificate device = ParsedCertificate.parse(root.issue("CN=d").pem());

    assertThat(device.isIssuedBy(ca)).isTrue();
    assertThat(ca.isIssuedBy(device)).isFalse();
  }

  @Test
  void isIssuedBy_isFalseForAnotherCa() {
    ParsedCertificate other = ParsedCertificate.parse(pki.newRootCa("Other CA").certificatePem());
    ParsedCertificate device = ParsedCertificate.parse(root.issue("CN=d").pem());

    assertThat(device.isIssuedBy(other)).isFalse();
  }

  @Test
  void isIssuedBy_checksTheSignatureNotJustTheName() {
    ParsedCertificate impostor =
        ParsedCertificate.parse(pki.newRootCa("Test Root CA").certificatePem());
    ParsedCertificate device = ParsedCertificate.parse(root.issue("CN=d").pem());

    assertThat(impostor.subject())
        .isEqualTo(ParsedCertificate.parse(root.certificatePem()).subject());
    assertThat(device.isIssuedBy(impostor)).isFalse();
  }

  @Test
  void isIssuedBy_followsAnIntermediate() {
    TestCa intermediate = root.intermediate("Test Intermediate CA");
    ParsedCertificate rootCa = ParsedCertificate.parse(root.certificatePem());
    ParsedCertificate intermediateCa = ParsedCertificate.parse(intermediate.certificatePem());
    ParsedCertificate device = ParsedCertificate.parse(intermediate.issue("CN=d").pem());

    assertThat(device.isIssuedBy(intermediateCa)).isTrue();
    assertThat(device.isIssuedBy(rootCa)).isFalse();
    assertThat(intermediateCa.isIssuedBy(rootCa)).isTrue();
    assertThat(intermediateCa.isCa()).isTrue();
  }

  @Test
  void isSelfSigned_andIsCa_distinguishRootsDevicesAndSelfSignedDevices() {
    ParsedCertificate ca = ParsedCertificate.parse(root.certificatePem());
    ParsedCertificate device = ParsedCertificate.parse(root.issue("CN=d").pem());
    ParsedCertificate selfSigned = ParsedCertificate.parse(pki.selfSigned("CN=lonely").pem());

    assertThat(ca.isSelfSigned()).isTrue();
    assertThat(ca.isCa()).isTrue();
    assertThat(device.isSelfSigned()).isFalse();
    assertThat(device.isCa()).isFalse();
    assertThat(selfSigned.isSelfSigned()).isTrue();
    assertThat(selfSigned.isCa()).isFalse();
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertCertificateValidation(
      Runnable call) {
    return assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CERTIFICATE_VALIDATION));
  }
}
