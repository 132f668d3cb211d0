package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.testkit.TestCa;
import dev.lamplighter.testkit.TestPki;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.AutoRegistrationStatus;
import software.amazon.awssdk.services.iot.model.CACertificateStatus;
import software.amazon.awssdk.services.iot.model.CertificateStateException;
import software.amazon.awssdk.services.iot.model.CertificateValidationException;
import software.amazon.awssdk.services.iot.model.RegistrationCodeValidationException;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/** Registration codes and CA certificates through the AWS SDK for Java v2. */
class CaCertificatesIT {
  private static TestServer server;
  private static IotClient iot;
  private static final TestPki PKI = new TestPki(Clock.systemUTC());

  @BeforeAll
  static void start() {
    server = TestServer.start();
    iot = server.iot();
  }

  @AfterAll
  static void stop() {
    iot.close();
    server.close();
  }

  @Test
  void registrationCode_isStable_untilDeleted() {
    String code = iot.getRegistrationCode().registrationCode();

    assertThat(code).matches("[0-9a-f]{64}");
    assertThat(iot.getRegistrationCode().registrationCode()).isEqualTo(code);
    iot.deleteRegistrationCode();
    assertThat(iot.getRegistrationCode().registrationCode()).isNotEqualTo(code);
  }

  @Test
  void caWithAProofOverTheCode_registers_andIsDescribedListedAndUpdated() {
    TestCa ca = PKI.newRootCa("Registered CA");
    String code = iot.getRegistrationCode().registrationCode();

    var registered =
        iot.registerCACertificate(
            b ->
                b.caCertificate(ca.certificatePem())
                    .verificationCertificate(ca.verificationCertificate(code).pem())
                    .setAsActive(true)
                    .allowAutoRegistration(true)
                    .registrationConfig(c -> c.templateName("lamp-template")));

    var described = iot.describeCACertificate(b -> b.certificateId(registered.certificateId()));
    assertThat(described.certificateDescription().status()).isEqualTo(CACertificateStatus.ACTIVE);
    assertThat(described.certificateDescription().autoRegistrationStatus())
        .isEqualTo(AutoRegistrationStatus.ENABLE);
    assertThat(described.registrationConfig().templateName()).isEqualTo("lamp-template");
    assertThat(iot.listCACertificates(b -> b.templateName("lamp-template")).certificates())
        .extracting(c -> c.certificateId())
        .containsExactly(registered.certificateId());

    iot.updateCACertificate(
        b ->
            b.certificateId(registered.certificateId())
                .newStatus(CACertificateStatus.INACTIVE)
                .newAutoRegistrationStatus(AutoRegistrationStatus.DISABLE));
    var updated = iot.describeCACertificate(b -> b.certificateId(registered.certificateId()));
    assertThat(updated.certificateDescription().status()).isEqualTo(CACertificateStatus.INACTIVE);
    assertThat(updated.certificateDescription().autoRegistrationStatus())
        .isEqualTo(AutoRegistrationStatus.DISABLE);
    assertThatThrownBy(
            () ->
                iot.registerCACertificate(
                    b ->
                        b.caCertificate(ca.certificatePem())
                            .verificationCertificate(ca.verificationCertificate(code).pem())))
        .isInstanceOf(ResourceAlreadyExistsException.class);
  }

  @Test
  void wrongCode_wrongSigner_andNotACa_areRefused() {
    TestCa ca = PKI.newRootCa("Careless CA");
    TestCa other = PKI.newRootCa("Other CA");
    String code = iot.getRegistrationCode().registrationCode();
    String wrongCode = "0".repeat(64);

    assertThatThrownBy(
            () ->
                iot.registerCACertificate(
                    b ->
                        b.caCertificate(ca.certificatePem())
                            .verificationCertificate(ca.verificationCertificate(wrongCode).pem())))
        .isInstanceOf(RegistrationCodeValidationException.class);
    assertThatThrownBy(
            () ->
                iot.registerCACertificate(
                    b ->
                        b.caCertificate(ca.certificatePem())
                            .verificationCertificate(other.verificationCertificate(code).pem())))
        .isInstanceOf(CertificateValidationException.class);
    assertThatThrownBy(
            () ->
                iot.registerCACertificate(
                    b ->
                        b.caCertificate(ca.issue("CN=leaf").pem())
                            .verificationCertificate(ca.verificationCertificate(code).pem())))
        .isInstanceOf(CertificateValidationException.class);
    assertThatThrownBy(() -> iot.describeCACertificate(b -> b.certificateId("a".repeat(64))))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void sniOnlyCa_needsNoProof_andAnActiveCaCannotBeDeleted() {
    TestCa ca = PKI.newRootCa("SNI CA");

    String id =
        iot.registerCACertificate(
                b ->
                    b.caCertificate(ca.certificatePem())
                        .certificateMode("SNI_ONLY")
                        .setAsActive(true))
            .certificateId();

    assertThatThrownBy(() -> iot.deleteCACertificate(b -> b.certificateId(id)))
        .isInstanceOf(CertificateStateException.class);
    iot.updateCACertificate(b -> b.certificateId(id).newStatus(CACertificateStatus.INACTIVE));
    iot.deleteCACertificate(b -> b.certificateId(id));
    assertThatThrownBy(() -> iot.describeCACertificate(b -> b.certificateId(id)))
        .isInstanceOf(ResourceNotFoundException.class);
  }
}
