package dev.lamplighter.security.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.testkit.MutableClock;
import dev.lamplighter.testkit.TestKeyType;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerCertificateTest {
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

  private final MutableClock clock = new MutableClock(SharedCa.CREATED);
  private final CertificateAuthority ca = SharedCa.at(clock);
  private final PublicKey ecKey = TestKeyType.EC_P256.keyPair().getPublic();

  @Test
  void serverCertificate_carriesDnsNamesAndIpAddressesAsSubjectAlternativeNames() {
    ParsedCertificate server =
        ca.issueServerCertificate(
                List.of("iot.example.com", "*.iot.example.com"),
                List.of("10.0.0.7", "::1"),
                Duration.ofDays(90),
                ecKey)
            .certificate();

    assertThat(server.subjectAlternativeNames())
        .containsExactly(
            new AlternativeName(AlternativeName.Type.DNS_NAME, "iot.example.com"),
            new AlternativeName(AlternativeName.Type.DNS_NAME, "*.iot.example.com"),
            new AlternativeName(AlternativeName.Type.IP_ADDRESS, "10.0.0.7"),
            new AlternativeName(AlternativeName.Type.IP_ADDRESS, "0:0:0:0:0:0:0:1"));
    assertThat(server.subject().first(DnAttribute.COMMON_NAME)).hasValue("iot.example.com");
  }

  @Test
  void serverCertificate_isForServerAuthenticationOnlyAndChainsToTheRoot() throws Exception {
    IssuedCertificate issued =
        ca.issueServerCertificate(List.of("localhost"), List.of(), Duration.ofDays(90), ecKey);
    ParsedCertificate server = issued.certificate();

    assertThat(server.x509().getExtendedKeyUsage()).containsExactly(SERVER_AUTH);
    boolean[] keyUsage = server.x509().getKeyUsage();
    assertThat(keyUsage[0]).as("digitalSignature").isTrue();
    assertThat(keyUsage[2]).as("keyEncipherment, for EC keys").isFalse();
    assertThat(keyUsage[5]).as("keyCertSign").isFalse();
    assertThat(server.isCa()).isFalse();
    assertThat(server.publicKey()).isEqualTo(ecKey);
    Chains.validate(clock.instant(), ca.rootCertificate(), server, ca.issuingCertificate());
    assertThat(issued.chainPem()).isEqualTo(server.pem() + ca.issuingCertificate().pem());
  }

  @Test
  void serverCertificate_withRsaKey_allowsKeyEncipherment() {
    PublicKey rsaKey = TestKeyType.RSA_2048.keyPair().getPublic();

    ParsedCertificate server =
        ca.issueServerCertificate(List.of("localhost"), List.of(), Duration.ofDays(90), rsaKey)
            .certificate();

    assertThat(server.x509().getKeyUsage()[2]).as("keyEncipherment").isTrue();
  }

  @Test
  void serverCertificate_lastsTheValidityAndIsDueForRenewalAfterTwoThirds() {
    IssuedCertificate issued =
        ca.issueServerCertificate(List.of("localhost"), List.of(), Duration.ofDays(90), ecKey);

    assertThat(issued.certificate().notBefore()).isEqualTo(SharedCa.CREATED);
    assertThat(issued.certificate().notAfter())
        .isEqualTo(SharedCa.CREATED.plus(Duration.ofDays(90)));
    assertThat(issued.renewAfter()).isEqualTo(SharedCa.CREATED.plus(Duration.ofDays(60)));
  }

  @Test
  void serverCertificate_neverOutlivesTheIssuingCa() {
    IssuedCertificate issued =
        ca.issueServerCertificate(
            List.of("localhost"), List.of(), Duration.ofDays(365 * 30), ecKey);

    assertThat(issued.certificate().notAfter()).isEqualTo(ca.issuingCertificate().notAfter());
  }

  @Test
  void serverCertificate_withoutNames_isRejected() {
    assertThatThrownBy(
            () -> ca.issueServerCertificate(List.of(), List.of(), Duration.ofDays(90), ecKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a DNS name or IP address");
  }

  @Test
  void serverCertificate_withMalformedNames_isRejected() {
    assertThatThrownBy(
            () ->
                ca.issueServerCertificate(
                    List.of("bad name"), List.of(), Duration.ofDays(90), ecKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a DNS name: bad name");
    assertThatThrownBy(
            () ->
                ca.issueServerCertificate(
                    List.of(), List.of("10.0.0.300"), Duration.ofDays(90), ecKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an IP address: 10.0.0.300");
  }

  @Test
  void serverCertificate_withNonPositiveValidity_isRejected() {
    assertThatThrownBy(
            () -> ca.issueServerCertificate(List.of("localhost"), List.of(), Duration.ZERO, ecKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("validity");
  }
}
