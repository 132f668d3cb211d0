package dev.lamplighter.security.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.testkit.MutableClock;
import dev.lamplighter.testkit.SequentialIdSource;
import dev.lamplighter.testkit.TestCa;
import dev.lamplighter.testkit.TestPki;
import org.junit.jupiter.api.Test;

class CaRegistrationTest {
  private final TestPki pki = new TestPki(MutableClock.at("2030-01-01T00:00:00Z"));
  private final TestCa ca = pki.rootCa();
  private final TestCa otherCa = pki.newRootCa("Other CA");
  private final ParsedCertificate caCertificate = ParsedCertificate.parse(ca.certificatePem());
  private final String code = CaRegistration.newRegistrationCode(IdSource.secure());
  private final String wrongCode = CaRegistration.newRegistrationCode(IdSource.secure());

  @Test
  void proof_signedByTheCaOverTheRegistrationCode_isAccepted() {
    ParsedCertificate verification = parse(ca.verificationCertificate(code).pem());

    assertThatCode(() -> CaRegistration.verifyProof(caCertificate, verification, code))
        .doesNotThrowAnyException();
  }

  @Test
  void proof_signedByTheCaOverAnotherCode_failsRegistrationCodeValidation() {
    ParsedCertificate verification = parse(ca.verificationCertificate(wrongCode).pem());

    assertThatThrownBy(() -> CaRegistration.verifyProof(caCertificate, verification, code))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.REGISTRATION_CODE_VALIDATION))
        .hasMessageContaining("not the registration code")
        .hasMessageNotContaining(code);
  }

  @Test
  void proof_signedByAnotherKeyOverTheRegistrationCode_failsCertificateValidation() {
    ParsedCertificate verification = parse(otherCa.verificationCertificate(code).pem());

    assertThatThrownBy(() -> CaRegistration.verifyProof(caCertificate, verification, code))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CERTIFICATE_VALIDATION))
        .hasMessageContaining("not signed by the CA certificate's key");
  }

  @Test
  void proof_signedByAnotherKeyOverAnotherCode_failsCertificateValidationFirst() {
    ParsedCertificate verification = parse(otherCa.verificationCertificate(wrongCode).pem());

    assertThatThrownBy(() -> CaRegistration.verifyProof(caCertificate, verification, code))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.CERTIFICATE_VALIDATION));
  }

  @Test
  void proof_withoutCommonName_failsRegistrationCodeValidation() {
    ParsedCertificate verification = parse(ca.issue("O=No Common Name").pem());

    assertThatThrownBy(() -> CaRegistration.verifyProof(caCertificate, verification, code))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.REGISTRATION_CODE_VALIDATION))
        .hasMessageContaining("no common name");
  }

  @Test
  void registrationCode_is64LowerCaseHexCharacters() {
    assertThat(code).matches("[0-9a-f]{64}");
    assertThat(wrongCode).isNotEqualTo(code);
  }

  @Test
  void registrationCode_takesItsBitsFromTheIdSource() {
    String predictable = CaRegistration.newRegistrationCode(new SequentialIdSource());

    assertThat(predictable).startsWith("0102030405").endsWith("1f20").hasSize(64);
  }

  private static ParsedCertificate parse(String pem) {
    return ParsedCertificate.parse(pem);
  }
}
