package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import dev.lamplighter.server.it.MqttDevices.Device;
import dev.lamplighter.testkit.TestCa;
import dev.lamplighter.testkit.TestCertificate;
import dev.lamplighter.testkit.TestPki;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iot.model.CACertificateStatus;
import software.amazon.awssdk.services.iot.model.CertificateStatus;

/**
 * A compromised device is cut as soon as the registry says so: after UpdateCertificate, a CA
 * deactivated, a policy detached or its default version changed, or the thing detached, the live
 * connection is closed, and a connection whose rights shrink loses the subscriptions they no longer
 * allow. Each test logs how long the cut took after the API answered (the target is under a second;
 * {@code bench/} is where it is measured, this test only requires it to happen).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RevocationIT {
  private static final Logger LOG = LoggerFactory.getLogger(RevocationIT.class);
  private static final Duration CUT = Duration.ofSeconds(10);
  private static final String CONNECT_ONLY =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "iot:Connect",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:client/${iot:Connection.Thing.ThingName}"}]}
      """;

  private final Map<String, Long> measured = new ConcurrentHashMap<>();
  private TestServer server;
  private MqttDevices devices;

  @BeforeAll
  void start() {
    server = TestServer.start();
    devices = new MqttDevices(server);
    devices.createPolicy("own-topics", Policies.OWN_TOPICS);
  }

  @AfterAll
  void stop() {
    LOG.info("Revocation to disconnect, in ms after the API answered: {}", measured);
    server.close();
  }

  @Test
  void certificateMadeInactive_cutsTheDevice() {
    Device lamp = devices.register("revoke-inactive", "own-topics");
    cutAfter(
        "UpdateCertificate INACTIVE",
        lamp,
        () ->
            devices
                .iot()
                .updateCertificate(
                    b ->
                        b.certificateId(lamp.certificateId())
                            .newStatus(CertificateStatus.INACTIVE)));
  }

  @Test
  void certificateRevoked_cutsTheDevice() {
    Device lamp = devices.register("revoke-revoked", "own-topics");
    cutAfter(
        "UpdateCertificate REVOKED",
        lamp,
        () ->
            devices
                .iot()
                .updateCertificate(
                    b ->
                        b.certificateId(lamp.certificateId())
                            .newStatus(CertificateStatus.REVOKED)));
  }

  @Test
  void policyDetached_cutsTheDevice() {
    Device lamp = devices.register("revoke-detach", "own-topics");
    cutAfter(
        "DetachPolicy",
        lamp,
        () ->
            devices
                .iot()
                .detachPolicy(b -> b.policyName("own-topics").target(lamp.certificateArn())));
  }

  @Test
  void defaultVersionWithoutConnect_cutsTheDevice() {
    devices.createPolicy("versioned", Policies.OWN_TOPICS);
    Device lamp = devices.register("revoke-version", "versioned");
    cutAfter(
        "CreatePolicyVersion (default) without iot:Connect",
        lamp,
        () ->
            devices
                .iot()
                .createPolicyVersion(
                    b ->
                        b.policyName("versioned")
                            .setAsDefault(true)
                            .policyDocument(Policies.DENY_FIRMWARE)));
  }

  @Test
  void thingDetached_cutsTheDevice() {
    Device lamp = devices.register("revoke-thing", "own-topics");
    cutAfter(
        "DetachThingPrincipal",
        lamp,
        () ->
            devices
                .iot()
                .detachThingPrincipal(
                    b -> b.thingName(lamp.name()).principal(lamp.certificateArn())));
  }

  @Test
  void caDeactivated_cutsTheDevicesItIssued() {
    TestCa ca = new TestPki(Clock.systemUTC()).newRootCa("Lamp maker CA");
    String code = devices.iot().getRegistrationCode().registrationCode();
    String caId =
        devices
            .iot()
            .registerCACertificate(
                b ->
                    b.caCertificate(ca.certificatePem())
                        .verificationCertificate(ca.verificationCertificate(code).pem())
                        .setAsActive(true))
            .certificateId();
    TestCertificate issued = ca.issue("CN=revoke-ca");
    var registered =
        devices
            .iot()
            .registerCertificate(
                b ->
                    b.certificatePem(issued.pem())
                        .caCertificatePem(ca.certificatePem())
                        .status(CertificateStatus.ACTIVE));
    devices.iot().createThing(b -> b.thingName("revoke-ca"));
    devices.iot().attachPolicy(b -> b.policyName("own-topics").target(registered.certificateArn()));
    devices
        .iot()
        .attachThingPrincipal(b -> b.thingName("revoke-ca").principal(registered.certificateArn()));
    Device lamp =
        new Device(
            "revoke-ca",
            registered.certificateArn(),
            registered.certificateId(),
            issued.pem(),
            issued.privateKeyPem());
    cutAfter(
        "UpdateCACertificate INACTIVE",
        lamp,
        () ->
            devices
                .iot()
                .updateCACertificate(
                    b -> b.certificateId(caId).newStatus(CACertificateStatus.INACTIVE)));
  }

  @Test
  void rightsShrunk_dropTheSubscriptionsTheyNoLongerAllow_andKeepTheConnection() throws Exception {
    devices.createPolicy("shrinking", Policies.OWN_TOPICS);
    Device lamp = devices.register("shrink-1", "shrinking");
    Mqtt3BlockingClient device = devices.v3(lamp);
    device.connect();
    try (Mqtt3BlockingClient.Mqtt3Publishes publishes =
        device.publishes(MqttGlobalPublishFilter.ALL)) {
      device
          .subscribeWith()
          .topicFilter("lights/shrink-1/commands")
          .qos(MqttQos.AT_LEAST_ONCE)
          .send();
      publishOverHttp("lights/shrink-1/commands", "before");
      assertThat(publishes.receive(10, TimeUnit.SECONDS)).isPresent();

      // Receive stays allowed everywhere; only Subscribe goes. A message that no longer arrives
      // shows the subscription itself was removed.
      devices
          .iot()
          .createPolicyVersion(
              b ->
                  b.policyName("shrinking")
                      .setAsDefault(true)
                      .policyDocument(
                          CONNECT_ONLY.replace(
                              "]}",
                              ",{\"Effect\":\"Allow\",\"Action\":\"iot:Receive\",\"Resource\":\"*\"}]}")));
      Awaitility.await()
          .atMost(CUT)
          .untilAsserted(
              () -> {
                publishOverHttp("lights/shrink-1/commands", "probe");
                assertThat(publishes.receive(300, TimeUnit.MILLISECONDS)).isEmpty();
              });
      assertThat(device.getState().isConnected()).isTrue();
    } finally {
      device.disconnect();
    }
  }

  private void publishOverHttp(String topic, String payload) {
    try (var iotData = server.iotData()) {
      iotData.publish(
          b ->
              b.topic(topic)
                  .qos(1)
                  .payload(
                      software.amazon.awssdk.core.SdkBytes.fromString(
                          payload, StandardCharsets.UTF_8)));
    }
  }

  /** Connects {@code lamp}, runs {@code change}, and waits for the device to be cut. */
  private void cutAfter(String change, Device lamp, Runnable revoke) {
    AtomicLong cutAt = new AtomicLong();
    Mqtt3BlockingClient device =
        Mqtt3Client.builder()
            .identifier(lamp.name())
            .serverHost("127.0.0.1")
            .serverPort(devices.port())
            .sslConfig(devices.tls(lamp))
            .addDisconnectedListener(context -> cutAt.compareAndSet(0, System.nanoTime()))
            .buildBlocking();
    device.connect();
    assertThat(device.getState().isConnected()).isTrue();
    revoke.run();
    long answered = System.nanoTime();
    Awaitility.await().atMost(CUT).until(() -> cutAt.get() != 0);
    measured.put(change, TimeUnit.NANOSECONDS.toMillis(cutAt.get() - answered));
  }
}
