package dev.lamplighter.gateway.auth;

import static dev.lamplighter.gateway.auth.Devices.connect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.broker.extension.Authentication;
import dev.lamplighter.broker.extension.ConnectionAuthority;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.MqttConnection;
import dev.lamplighter.registry.NewThing;
import dev.lamplighter.registry.NewThingGroup;
import dev.lamplighter.security.certificates.Certificate;
import dev.lamplighter.security.certificates.CertificateStatus;
import dev.lamplighter.security.principals.ThingPrincipalType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyAuthorityTest {
  private static final String THING_POLICY =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "iot:Connect",
         "Resource": "arn:aws:iot:*:*:client/${iot:Connection.Thing.ThingName}"},
        {"Effect": "Allow", "Action": "iot:Publish",
         "Resource": "arn:aws:iot:*:*:topic/things/${iot:Connection.Thing.ThingName}/*"},
        {"Effect": "Allow", "Action": "iot:Subscribe",
         "Resource": "arn:aws:iot:*:*:topicfilter/things/${iot:ClientId}/*"},
        {"Effect": "Allow", "Action": "iot:Receive",
         "Resource": "arn:aws:iot:*:*:topic/things/${iot:ClientId}/*"}]}
      """;

  @TempDir static Path dir;
  private static TestBackend backend;
  private static ConnectionAuthorization authorization;
  private static final List<LiveConnection> closed = new CopyOnWriteArrayList<>();

  private Scope scope;
  private Certificate certificate;

  @BeforeAll
  static void startBackend() {
    backend = new TestBackend(dir);
    authorization =
        ConnectionAuthorization.create(
            backend.security.certificates(),
            backend.security.caCertificates(),
            backend.security.policies(),
            backend.security::certificateAuthority,
            backend.store.changeLog(),
            closed::add,
            backend.clock,
            Duration.ofMillis(50));
  }

  @AfterAll
  static void stopBackend() {
    authorization.close();
    backend.close();
  }

  @BeforeEach
  void deviceWithThing() {
    scope = TestBackend.newScope();
    backend.security.policies().create(scope, "things", THING_POLICY, List.of());
    certificate =
        backend.security.certificates().createKeysAndCertificate(scope, true).certificate();
    String arn = TestBackend.certificateArn(scope, certificate.certificateId());
    backend.security.policies().attach(scope, "things", arn);
    backend.registry.things().create(scope, new NewThing("lamp-1", null, null, null));
    backend
        .security
        .principals()
        .attach(scope, "lamp-1", arn, ThingPrincipalType.NON_EXCLUSIVE_THING);
    authorization.follower().startAtHead();
    closed.clear();
  }

  private ConnectionAuthority connectAs(String clientId) {
    Authentication result =
        authorization.authenticator().authenticate(connect(clientId, certificate.pem()));
    assertThat(result).isInstanceOf(Authentication.Accepted.class);
    return ((Authentication.Accepted) result).authority();
  }

  @Test
  void thingPolicy_allowsTheThingsOwnTopics_andRefusesOthers() {
    ConnectionAuthority authority = connectAs("lamp-1");

    assertThat(authority.mayPublish("things/lamp-1/state")).isTrue();
    assertThat(authority.mayPublish("things/lamp-2/state")).isFalse();
    assertThat(authority.maySubscribe("things/lamp-1/commands")).isTrue();
    assertThat(authority.maySubscribe("things/lamp-2/commands")).isFalse();
    assertThat(authority.mayReceive("things/lamp-1/commands")).isTrue();
    assertThat(authority.mayReceive("things/lamp-2/commands")).isFalse();
  }

  @Test
  void clientIdThatIsNotTheThing_failsConnect_whenThePolicyNamesTheThing() {
    backend.registry.things().create(scope, new NewThing("lamp-2", null, null, null));
    backend
        .security
        .principals()
        .attach(
            scope,
            "lamp-2",
            TestBackend.certificateArn(scope, certificate.certificateId()),
            ThingPrincipalType.NON_EXCLUSIVE_THING);

    Authentication result =
        authorization.authenticator().authenticate(connect("intruder", certificate.pem()));

    assertThat(result).isInstanceOf(Authentication.Refused.class);
  }

  @Test
  void policyOfAnAncestorGroup_appliesToTheThing() {
    backend
        .security
        .policies()
        .create(
            scope,
            "fleet",
            """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Action": "iot:Publish",
               "Resource": "arn:aws:iot:*:*:topic/fleet/broadcast"}]}
            """,
            List.of());
    backend.registry.thingGroups().create(scope, new NewThingGroup("city", null, null, null, null));
    backend
        .registry
        .thingGroups()
        .create(scope, new NewThingGroup("district", "city", null, null, null));
    backend.registry.thingGroups().addThing(scope, "district", "lamp-1", false);
    backend.security.policies().attach(scope, "fleet", TestBackend.groupArn(scope, "city"));

    assertThat(connectAs("lamp-1").mayPublish("fleet/broadcast")).isTrue();
  }

  @Test
  void newDefaultPolicyVersion_replacesCachedDecisions_afterTheFollowerReadsIt() {
    ConnectionAuthority authority = connectAs("lamp-1");
    assertThat(authority.mayPublish("alerts/lamp-1")).isFalse();

    backend
        .security
        .policies()
        .createVersion(
            scope,
            "things",
            THING_POLICY.replace("topic/things/${iot:Connection.Thing.ThingName}/*", "topic/*"),
            true);
    authorization.follower().poll();

    assertThat(authority.mayPublish("alerts/lamp-1")).isTrue();
    assertThat(closed).isEmpty();
  }

  @Test
  void deactivatedCertificate_revokesRights_andClosesTheConnection() {
    ConnectionAuthority authority = connectAs("lamp-1");
    assertThat(authority.mayPublish("things/lamp-1/state")).isTrue();

    backend
        .security
        .certificates()
        .updateStatus(scope, certificate.certificateId(), CertificateStatus.INACTIVE);
    authorization.follower().poll();

    assertThat(authority.mayPublish("things/lamp-1/state")).isFalse();
    assertThat(closed).extracting(LiveConnection::clientId).containsExactly("lamp-1");
  }

  @Test
  void detachedPolicy_closesTheConnection_thatNoLongerPassesConnect() {
    connectAs("lamp-1");

    backend
        .security
        .policies()
        .detach(scope, "things", TestBackend.certificateArn(scope, certificate.certificateId()));
    authorization.follower().poll();

    assertThat(closed).extracting(LiveConnection::clientId).containsExactly("lamp-1");
  }

  @Test
  void thingConnectivityEntries_leaveLiveConnectionsAlone() {
    connectAs("lamp-1");
    long changes = authorization.connections().changeCount(scope);

    backend
        .registry
        .thingConnectivity()
        .recordConnected(scope, "lamp-1", new MqttConnection(backend.clock.millis(), 1));
    int read = authorization.follower().poll();

    assertThat(read).isEqualTo(1);
    assertThat(authorization.connections().changeCount(scope)).isEqualTo(changes);
    assertThat(closed).isEmpty();
  }
}
