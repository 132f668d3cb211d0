package dev.lamplighter.gateway.auth;

import static dev.lamplighter.gateway.auth.Devices.connect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.broker.extension.Authentication;
import dev.lamplighter.broker.extension.ConnectRefusal;
import dev.lamplighter.broker.extension.ConnectRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.gateway.Namespaces;
import dev.lamplighter.security.certificates.CaCertificateStatus;
import dev.lamplighter.security.certificates.CaCertificateUpdate;
import dev.lamplighter.security.certificates.Certificate;
import dev.lamplighter.security.certificates.CertificateMode;
import dev.lamplighter.security.certificates.CertificateStatus;
import dev.lamplighter.security.certificates.NewCaRegistration;
import dev.lamplighter.security.certificates.RegistrationConfig;
import dev.lamplighter.testkit.TestCa;
import dev.lamplighter.testkit.TestPki;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateAuthenticatorTest {
  private static final String CONNECT_ANY =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "iot:Connect", "Resource": "*"}]}
      """;

  @TempDir static Path dir;
  private static TestBackend backend;
  private static TestPki pki;
  private static ConnectionAuthorization authorization;

  private Scope scope;

  @BeforeAll
  static void startBackend() {
    backend = new TestBackend(dir);
    pki = new TestPki(backend.clock);
    authorization =
        ConnectionAuthorization.create(
            backend.security.certificates(),
            backend.security.caCertificates(),
            backend.security.policies(),
            backend.security::certificateAuthority,
            backend.store.changeLog(),
            connection -> {},
            backend.clock,
            Duration.ofMillis(50));
  }

  @AfterAll
  static void stopBackend() {
    authorization.close();
    backend.close();
  }

  @BeforeEach
  void newScope() {
    scope = TestBackend.newScope();
    backend.security.policies().create(scope, "connect-any", CONNECT_ANY, List.of());
  }

  @AfterEach
  void resetClock() {
    backend.clock.set(TestBackend.START);
  }

  private Certificate serverIssued() {
    Certificate certificate =
        backend.security.certificates().createKeysAndCertificate(scope, true).certificate();
    allowConnect(certificate);
    return certificate;
  }

  private void allowConnect(Certificate certificate) {
    backend
        .security
        .policies()
        .attach(
            scope, "connect-any", TestBackend.certificateArn(scope, certificate.certificateId()));
  }

  private Authentication authenticate(ConnectRequest request) {
    return authorization.authenticator().authenticate(request);
  }

  private static void assertRefused(Authentication result, String detail) {
    assertThat(result).isInstanceOf(Authentication.Refused.class);
    Authentication.Refused refused = (Authentication.Refused) result;
    assertThat(refused.reason()).isEqualTo(ConnectRefusal.NOT_AUTHORIZED);
    assertThat(refused.detail()).contains(detail);
  }

  private String registerCa(TestCa ca) {
    String code = backend.security.caCertificates().registrationCode(scope);
    return backend
        .security
        .caCertificates()
        .register(
            scope,
            new NewCaRegistration(
                ca.certificatePem(),
                ca.verificationCertificate(code).pem(),
                true,
                false,
                RegistrationConfig.none(),
                CertificateMode.DEFAULT),
            List.of())
        .certificateId();
  }

  @Test
  void registeredActiveCertificate_isAccepted_inItsScopesNamespace() {
    Certificate certificate = serverIssued();

    Authentication result = authenticate(connect("lamp-1", certificate.pem()));

    assertThat(result).isInstanceOf(Authentication.Accepted.class);
    Authentication.Accepted accepted = (Authentication.Accepted) result;
    assertThat(accepted.namespace()).isEqualTo(Namespaces.of(scope));
    assertThat(accepted.principal()).isEqualTo(certificate.certificateId());
    assertThat(authorization.connections().get(Namespaces.of(scope), "lamp-1")).isNotNull();
  }

  @Test
  void sourceIpCondition_admitsAClientFromTheRange_andRefusesOneFromOutside() {
    backend
        .security
        .policies()
        .create(
            scope,
            "connect-from-docs-range",
            """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "iot:Connect", "Resource": "*",
               "Condition": {"IpAddress": {"aws:SourceIp": "192.0.2.0/24"}}}]}
            """,
            List.of());
    backend
        .security
        .policies()
        .create(
            scope,
            "connect-from-private-range",
            """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "iot:Connect", "Resource": "*",
               "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}]}
            """,
            List.of());
    Certificate inRange =
        backend.security.certificates().createKeysAndCertificate(scope, true).certificate();
    Certificate outOfRange =
        backend.security.certificates().createKeysAndCertificate(scope, true).certificate();
    backend
        .security
        .policies()
        .attach(
            scope,
            "connect-from-docs-range",
            TestBackend.certificateArn(scope, inRange.certificateId()));
    backend
        .security
        .policies()
        .attach(
            scope,
            "connect-from-private-range",
            TestBackend.certificateArn(scope, outOfRange.certificateId()));

    // Devices.connect comes from 192.0.2.10.
    assertThat(authenticate(connect("lamp-in", inRange.pem())))
        .isInstanceOf(Authentication.Accepted.class);
    assertRefused(authenticate(connect("lamp-out", outOfRange.pem())), "iot:Connect");
  }

  @Test
  void sourceIp_isTheAddressLiteral_ipv4MappedAsIpv4_withoutAnIpv6Zone() throws Exception {
    assertThat(CertificateAuthenticator.sourceIp(new InetSocketAddress("127.0.0.1", 1)))
        .isEqualTo("127.0.0.1");
    assertThat(
            CertificateAuthenticator.sourceIp(
                new InetSocketAddress(
                    InetAddress.getByAddress(
                        new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 10, 1, 2, 3}),
                    1)))
        .isEqualTo("10.1.2.3");
    assertThat(
            CertificateAuthenticator.sourceIp(
                new InetSocketAddress(
                    Inet6Address.getByAddress(
                        null, InetAddress.getByName("fe80::1").getAddress(), 2),
                    1)))
        .isEqualTo("fe80:0:0:0:0:0:0:1");
    assertThat(CertificateAuthenticator.sourceIp(null)).isNull();
    assertThat(CertificateAuthenticator.sourceIp(InetSocketAddress.createUnresolved("x", 1)))
        .isNull();
  }

  @Test
  void inactiveCertificate_isRefused() {
    Certificate certificate = serverIssued();
    backend
        .security
        .certificates()
        .updateStatus(scope, certificate.certificateId(), CertificateStatus.INACTIVE);

    assertRefused(authenticate(connect("lamp-1", certificate.pem())), "INACTIVE");
  }

  @Test
  void revokedCertificate_isRefused() {
    Certificate certificate = serverIssued();
    backend
        .security
        .certificates()
        .updateStatus(scope, certificate.certificateId(), CertificateStatus.REVOKED);

    assertRefused(authenticate(connect("lamp-1", certificate.pem())), "REVOKED");
  }

  @Test
  void expiredCertificate_isRefused() {
    Certificate certificate = serverIssued();
    backend.clock.set(certificate.notAfter().plusSeconds(1));

    assertRefused(authenticate(connect("lamp-1", certificate.pem())), "expired");
  }

  @Test
  void notYetValidCertificate_isRefused() {
    Certificate certificate = serverIssued();
    backend.clock.set(certificate.notBefore().minusSeconds(60));

    assertRefused(authenticate(connect("lamp-1", certificate.pem())), "not valid before");
  }

  @Test
  void unknownCertificate_isRefused() {
    assertRefused(
        authenticate(connect("lamp-1", pki.selfSigned("CN=stranger").x509())), "is not registered");
  }

  @Test
  void noClientCertificate_isRefused() {
    ConnectRequest request = connect("lamp-1", serverIssued().pem());
    ConnectRequest bare =
        new ConnectRequest(
            request.clientId(),
            request.protocolVersion(),
            true,
            60,
            null,
            List.of(),
            request.remoteAddress(),
            null,
            request.will());

    assertRefused(authenticate(bare), "no client certificate");
  }

  @Test
  void certificateOfARegisteredCa_isAccepted_rightAfterTheCaIsRegistered() {
    TestCa ca = pki.newRootCa("Fleet CA " + scope.account());
    registerCa(ca);
    String devicePem = ca.issue("CN=lamp-1").pem();
    Certificate device =
        backend.security.certificates().register(scope, devicePem, null, CertificateStatus.ACTIVE);
    allowConnect(device);

    assertThat(authenticate(connect("lamp-1", devicePem)))
        .isInstanceOf(Authentication.Accepted.class);
  }

  @Test
  void certificateOfACaSetInactive_isRefused() {
    TestCa ca = pki.newRootCa("Fleet CA " + scope.account());
    String caId = registerCa(ca);
    String devicePem = ca.issue("CN=lamp-1").pem();
    allowConnect(
        backend.security.certificates().register(scope, devicePem, null, CertificateStatus.ACTIVE));
    backend
        .security
        .caCertificates()
        .update(
            scope, caId, new CaCertificateUpdate(CaCertificateStatus.INACTIVE, null, null, false));

    assertRefused(authenticate(connect("lamp-1", devicePem)), "is INACTIVE");
  }

  @Test
  void certificateRegisteredWithoutCa_isAccepted() {
    String pem = pki.newRootCa("Other CA " + scope.account()).issue("CN=lamp-1").pem();
    allowConnect(
        backend.security.certificates().registerWithoutCa(scope, pem, CertificateStatus.ACTIVE));

    assertThat(authenticate(connect("lamp-1", pem))).isInstanceOf(Authentication.Accepted.class);
  }

  @Test
  void certificateWithoutAPolicyAllowingConnect_isRefused() {
    Certificate certificate =
        backend.security.certificates().createKeysAndCertificate(scope, true).certificate();

    assertRefused(authenticate(connect("lamp-1", certificate.pem())), "iot:Connect");
  }
}
