package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.testkit.TestKeyType;
import dev.lamplighter.testkit.TestPki;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CertificateStateException;
import software.amazon.awssdk.services.iot.model.CertificateStatus;
import software.amazon.awssdk.services.iot.model.CertificateValidationException;
import software.amazon.awssdk.services.iot.model.CreateKeysAndCertificateResponse;
import software.amazon.awssdk.services.iot.model.DeleteConflictException;
import software.amazon.awssdk.services.iot.model.DescribeCertificateResponse;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;

/** Device certificates through the AWS SDK for Java v2. */
class CertificatesIT {
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
  void createKeysAndCertificate_returnsTheKeyOnce_andTheCertificateChainsToTheServersRoot()
      throws Exception {
    CreateKeysAndCertificateResponse created =
        iot.createKeysAndCertificate(b -> b.setAsActive(true));

    assertThat(created.certificateId()).matches("[0-9a-f]{64}");
    assertThat(created.certificateArn())
        .isEqualTo("arn:aws:iot:eu-west-1:111122223333:cert/" + created.certificateId());
    assertThat(created.keyPair().privateKey()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    assertThat(created.keyPair().publicKey()).startsWith("-----BEGIN PUBLIC KEY-----");
    DescribeCertificateResponse described =
        iot.describeCertificate(b -> b.certificateId(created.certificateId()));
    assertThat(described.certificateDescription().status()).isEqualTo(CertificateStatus.ACTIVE);
    assertThat(described.certificateDescription().certificatePem())
        .isEqualTo(created.certificatePem());
    assertThat(described.certificateDescription().ownedBy()).isEqualTo(TestServer.ROOT_ACCOUNT);
    assertThat(described.certificateDescription().validity().notAfter())
        .isAfter(java.time.Instant.now());

    RawApi raw = new RawApi(server.endpoint());
    HttpResponse<String> root = raw.unsigned("GET", "/root-ca.pem");
    HttpResponse<String> chain = raw.unsigned("GET", "/ca-chain.pem");
    assertThat(root.statusCode()).isEqualTo(200);
    assertThat(chain.body()).endsWith(root.body());
    assertThatCode(() -> validateChain(created.certificatePem() + chain.body(), root.body()))
        .doesNotThrowAnyException();
  }

  @Test
  void certificateFromCsr_keepsTheSubject_andABadCsrIsInvalid() {
    var csr = PKI.csr(TestKeyType.EC_P256, "CN=lamp-csr-1");

    var created = iot.createCertificateFromCsr(b -> b.certificateSigningRequest(csr.pem()));

    assertThat(created.certificatePem()).isNotBlank();
    assertThat(
            iot.describeCertificate(b -> b.certificateId(created.certificateId()))
                .certificateDescription()
                .status())
        .isEqualTo(CertificateStatus.INACTIVE);
    assertThatThrownBy(
            () ->
                iot.createCertificateFromCsr(
                    b -> b.certificateSigningRequest(PKI.csrWithTamperedSignature("CN=x").pem())))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(
            () ->
                iot.createCertificateFromCsr(
                    b -> b.certificateSigningRequest(PKI.csrWithWeakRsaKey("CN=x").pem())))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void revokedIsFinal_andPendingStatusesCannotBeSet() {
    String id = iot.createKeysAndCertificate(b -> b.setAsActive(true)).certificateId();

    iot.updateCertificate(b -> b.certificateId(id).newStatus(CertificateStatus.REVOKED));

    assertThatThrownBy(
            () ->
                iot.updateCertificate(b -> b.certificateId(id).newStatus(CertificateStatus.ACTIVE)))
        .isInstanceOfSatisfying(
            CertificateStateException.class, e -> assertThat(e.statusCode()).isEqualTo(406));
    String other = iot.createKeysAndCertificate(b -> b.setAsActive(false)).certificateId();
    assertThatThrownBy(
            () ->
                iot.updateCertificate(
                    b -> b.certificateId(other).newStatus(CertificateStatus.PENDING_TRANSFER)))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void delete_refusesActive_attachedToThings_andAttachedToPoliciesUnlessForced() {
    String id = iot.createKeysAndCertificate(b -> b.setAsActive(true)).certificateId();
    String arn =
        iot.describeCertificate(b -> b.certificateId(id)).certificateDescription().certificateArn();
    iot.createThing(b -> b.thingName("cert-holder"));
    iot.attachThingPrincipal(b -> b.thingName("cert-holder").principal(arn));
    iot.createPolicy(b -> b.policyName("DeleteMe").policyDocument(Policies.CONNECT_ANY));
    iot.attachPolicy(b -> b.policyName("DeleteMe").target(arn));

    assertThatThrownBy(() -> iot.deleteCertificate(b -> b.certificateId(id)))
        .isInstanceOf(CertificateStateException.class)
        .hasMessageContaining("deactivated");
    iot.updateCertificate(b -> b.certificateId(id).newStatus(CertificateStatus.INACTIVE));
    assertThatThrownBy(() -> iot.deleteCertificate(b -> b.certificateId(id)))
        .isInstanceOf(DeleteConflictException.class);
    iot.detachThingPrincipal(b -> b.thingName("cert-holder").principal(arn));
    assertThatThrownBy(() -> iot.deleteCertificate(b -> b.certificateId(id)))
        .isInstanceOf(DeleteConflictException.class)
        .hasMessageContaining("policies");

    iot.deleteCertificate(b -> b.certificateId(id).forceDelete(true));

    assertThatThrownBy(() -> iot.describeCertificate(b -> b.certificateId(id)))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(iot.listTargetsForPolicy(b -> b.policyName("DeleteMe")).targets()).isEmpty();
  }

  @Test
  void registerWithoutCa_isSniOnly_andTwiceIsAlreadyExists() {
    String pem = PKI.selfSigned("CN=sni-device").pem();

    var registered = iot.registerCertificateWithoutCA(b -> b.certificatePem(pem));

    var description =
        iot.describeCertificate(b -> b.certificateId(registered.certificateId()))
            .certificateDescription();
    assertThat(description.certificateModeAsString()).isEqualTo("SNI_ONLY");
    assertThat(description.status()).isEqualTo(CertificateStatus.INACTIVE);
    assertThatThrownBy(() -> iot.registerCertificateWithoutCA(b -> b.certificatePem(pem)))
        .isInstanceOf(ResourceAlreadyExistsException.class)
        .hasMessageStartingWith("The certificate is already provisioned or registered (Service");
    assertThatThrownBy(
            () -> iot.registerCertificateWithoutCA(b -> b.certificatePem("not a certificate")))
        .isInstanceOf(CertificateValidationException.class);
  }

  @Test
  void registerCertificate_needsItsCaRegistered_andValid() {
    var ca = PKI.newRootCa("Fleet CA");
    String code = iot.getRegistrationCode().registrationCode();
    String caId =
        iot.registerCACertificate(
                b ->
                    b.caCertificate(ca.certificatePem())
                        .verificationCertificate(ca.verificationCertificate(code).pem())
                        .setAsActive(true))
            .certificateId();

    String devicePem = ca.issue("CN=fleet-lamp-1").pem();
    String deviceId =
        iot.registerCertificate(b -> b.certificatePem(devicePem).status(CertificateStatus.ACTIVE))
            .certificateId();
    assertThatThrownBy(() -> iot.registerCertificate(b -> b.certificatePem(devicePem)))
        .isInstanceOf(ResourceAlreadyExistsException.class)
        .hasMessageStartingWith("The certificate is already provisioned or registered (Service");

    assertThat(
            iot.describeCertificate(b -> b.certificateId(deviceId))
                .certificateDescription()
                .caCertificateId())
        .isEqualTo(caId);
    assertThat(iot.listCertificatesByCA(b -> b.caCertificateId(caId)).certificates())
        .extracting(c -> c.certificateId())
        .containsExactly(deviceId);
    var stranger = PKI.newRootCa("Stranger CA");
    assertThatThrownBy(
            () -> iot.registerCertificate(b -> b.certificatePem(stranger.issue("CN=x").pem())))
        .isInstanceOf(CertificateValidationException.class);
    assertThatThrownBy(
            () -> iot.registerCertificate(b -> b.certificatePem(ca.issueExpired("CN=old").pem())))
        .isInstanceOf(CertificateValidationException.class);
    assertThatThrownBy(
            () ->
                iot.registerCertificate(b -> b.certificatePem(ca.issueNotYetValid("CN=new").pem())))
        .isInstanceOf(CertificateValidationException.class);
  }

  @Test
  void listCertificates_pagesByCreationInBothOrders() {
    try (IotClient fresh =
        server.iot(
            TestServer.ROOT_KEY,
            TestServer.ROOT_SECRET,
            software.amazon.awssdk.regions.Region.AP_SOUTHEAST_2)) {
      List<String> created = new java.util.ArrayList<>();
      for (int i = 0; i < 5; i++) {
        created.add(fresh.createKeysAndCertificate(b -> b.setAsActive(false)).certificateId());
      }

      List<String> ascending =
          fresh
              .listCertificatesPaginator(b -> b.ascendingOrder(true).pageSize(2))
              .certificates()
              .stream()
              .map(c -> c.certificateId())
              .toList();
      List<String> descending =
          fresh.listCertificatesPaginator(b -> b.pageSize(2)).certificates().stream()
              .map(c -> c.certificateId())
              .toList();

      assertThat(ascending).containsExactlyElementsOf(created);
      assertThat(descending).containsExactlyElementsOf(reversed(created));
    }
  }

  private static List<String> reversed(List<String> list) {
    List<String> copy = new java.util.ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static void validateChain(String certificatePem, String rootPem) throws Exception {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    X509Certificate root =
        (X509Certificate)
            factory.generateCertificate(
                new ByteArrayInputStream(rootPem.getBytes(StandardCharsets.US_ASCII)));
    // A certification path ends below its trust anchor.
    List<? extends java.security.cert.Certificate> chain =
        factory
            .generateCertificates(
                new ByteArrayInputStream(certificatePem.getBytes(StandardCharsets.US_ASCII)))
            .stream()
            .filter(certificate -> !certificate.equals(root))
            .toList();
    PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
    parameters.setRevocationEnabled(false);
    CertPathValidator.getInstance("PKIX").validate(factory.generateCertPath(chain), parameters);
  }
}
