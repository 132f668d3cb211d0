package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3SubAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt3.message.subscribe.suback.Mqtt3SubAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import dev.lamplighter.server.it.MqttDevices.Device;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.iot.model.CertificateStatus;

/**
 * Devices with certificates and least-privilege policies made through the AWS SDK, talking over the
 * broker with mutual TLS: their own topics work, everything else is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MqttDevicesIT {
  private static final String MONITOR_POLICY =
      """
      {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "iot:Connect",
         "Resource": "arn:aws:iot:eu-west-1:111122223333:client/${iot:Connection.Thing.ThingName}"},
        {"Effect": "Allow", "Action": "iot:Subscribe",
         "Resource": ["arn:aws:iot:eu-west-1:111122223333:topicfilter/lights/*",
                      "arn:aws:iot:eu-west-1:111122223333:topicfilter/$aws/events/*"]},
        {"Effect": "Allow", "Action": "iot:Receive",
         "Resource": ["arn:aws:iot:eu-west-1:111122223333:topic/lights/*",
                      "arn:aws:iot:eu-west-1:111122223333:topic/$aws/events/*"]}
      ]}
      """;

  private final ObjectMapper json = new ObjectMapper();
  private TestServer server;
  private MqttDevices devices;
  private Device lamp1;
  private Device lamp2;
  private Device monitor;

  @BeforeAll
  void start() {
    server = TestServer.start();
    devices = new MqttDevices(server);
    devices.createPolicy("own-topics", Policies.OWN_TOPICS);
    devices.createPolicy("monitor", MONITOR_POLICY);
    lamp1 = devices.register("lamp-1", "own-topics");
    lamp2 = devices.register("lamp-2", "own-topics");
    monitor = devices.register("monitor", "monitor");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void deviceMessage_onItsOwnTopic_reachesAnotherDevice() {
    Mqtt3BlockingClient watcher = devices.v3(monitor);
    watcher.connect();
    try (Mqtt3BlockingClient.Mqtt3Publishes publishes =
        watcher.publishes(MqttGlobalPublishFilter.ALL)) {
      watcher.subscribeWith().topicFilter("lights/+/state").qos(MqttQos.AT_LEAST_ONCE).send();
      Mqtt3BlockingClient lamp = devices.v3(lamp1);
      lamp.connect();
      lamp.publishWith()
          .topic("lights/lamp-1/state")
          .qos(MqttQos.AT_LEAST_ONCE)
          .payload("{\"on\":true}".getBytes(StandardCharsets.UTF_8))
          .send();
      Optional<Mqtt3Publish> received = publishes.receive(10, TimeUnit.SECONDS);
      assertThat(received).isPresent();
      assertThat(received.get().getTopic().toString()).isEqualTo("lights/lamp-1/state");
      assertThat(new String(received.get().getPayloadAsBytes(), StandardCharsets.UTF_8))
          .isEqualTo("{\"on\":true}");
      lamp.disconnect();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    } finally {
      watcher.disconnect();
    }
  }

  @Test
  void publish_onAnotherThingsTopic_closesMqtt311Connection() {
    Mqtt3BlockingClient lamp = devices.v3(lamp1);
    lamp.connect();
    lamp.publishWith().topic("lights/lamp-2/state").qos(MqttQos.AT_MOST_ONCE).send();
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !lamp.getState().isConnected());
  }

  @Test
  void publish_onAnotherThingsTopic_getsNotAuthorizedPubAckOnMqtt5() {
    Mqtt5BlockingClient lamp = devices.v5(lamp1);
    lamp.connect();
    assertThatThrownBy(
            () -> lamp.publishWith().topic("lights/lamp-2/state").qos(MqttQos.AT_LEAST_ONCE).send())
        .isInstanceOfSatisfying(
            Mqtt5PubAckException.class,
            e ->
                assertThat(e.getMqttMessage().getReasonCode())
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED));
    assertThat(lamp.getState().isConnected()).isTrue();
    lamp.disconnect();
  }

  /** A policy allowing every MQTT action on the {@code ip/} topics from {@code range} only. */
  private static String fromRange(String range) {
    return """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow",
           "Action": ["iot:Connect", "iot:Publish", "iot:Subscribe", "iot:Receive"],
           "Resource": "*",
           "Condition": {"IpAddress": {"aws:SourceIp": "%s"}}}]}
        """
        .formatted(range);
  }

  @Test
  void sourceIpCondition_allowsALoopbackClient_toConnectSubscribeAndPublish() throws Exception {
    devices.createPolicy("from-loopback", fromRange("127.0.0.0/8"));
    Device local = devices.register("ip-local", "from-loopback");
    Mqtt3BlockingClient client = devices.v3(local);

    client.connect();
    try (Mqtt3BlockingClient.Mqtt3Publishes publishes =
        client.publishes(MqttGlobalPublishFilter.ALL)) {
      client.subscribeWith().topicFilter("ip/loopback").qos(MqttQos.AT_LEAST_ONCE).send();
      client
          .publishWith()
          .topic("ip/loopback")
          .payload("here".getBytes(StandardCharsets.UTF_8))
          .qos(MqttQos.AT_LEAST_ONCE)
          .send();
      Optional<Mqtt3Publish> received = publishes.receive(10, TimeUnit.SECONDS);
      assertThat(received).isPresent();
      assertThat(new String(received.get().getPayloadAsBytes(), StandardCharsets.UTF_8))
          .isEqualTo("here");
    }
    client.disconnect();
  }

  @Test
  void sourceIpCondition_ofAnotherRange_refusesTheConnect_andThePublish() {
    devices.createPolicy("from-private-range", fromRange("10.0.0.0/8"));
    Device remote = devices.register("ip-remote", "from-private-range");

    assertThatThrownBy(() -> devices.v3(remote).connect())
        .isInstanceOfSatisfying(
            Mqtt3ConnAckException.class,
            e ->
                assertThat(e.getMqttMessage().getReturnCode())
                    .isEqualTo(Mqtt3ConnAckReturnCode.NOT_AUTHORIZED));

    devices.createPolicy(
        "connect-anywhere-publish-from-private-range",
        """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": "iot:Connect", "Resource": "*"},
          {"Effect": "Allow", "Action": "iot:Publish", "Resource": "*",
           "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}]}
        """);
    Device publisher =
        devices.register("ip-publisher", "connect-anywhere-publish-from-private-range");
    Mqtt5BlockingClient client = devices.v5(publisher);
    client.connect();
    assertThatThrownBy(
            () -> client.publishWith().topic("ip/private").qos(MqttQos.AT_LEAST_ONCE).send())
        .isInstanceOfSatisfying(
            Mqtt5PubAckException.class,
            e ->
                assertThat(e.getMqttMessage().getReasonCode())
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED));
    client.disconnect();
  }

  @Test
  void subscribe_toAnotherThingsTopics_isRefusedInSubAck() {
    Mqtt3BlockingClient lamp = devices.v3(lamp1);
    lamp.connect();
    assertThatThrownBy(
            () ->
                lamp.subscribeWith()
                    .topicFilter("lights/lamp-2/#")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send())
        .isInstanceOfSatisfying(
            Mqtt3SubAckException.class,
            e ->
                assertThat(e.getMqttMessage().getReturnCodes())
                    .containsExactly(Mqtt3SubAckReturnCode.FAILURE));
    lamp.disconnect();
  }

  @Test
  void connect_withAnotherThingsClientId_isNotAuthorized() {
    Mqtt3BlockingClient impostor =
        com.hivemq.client.mqtt.mqtt3.Mqtt3Client.builder()
            .identifier("lamp-2")
            .serverHost("127.0.0.1")
            .serverPort(devices.port())
            .sslConfig(devices.tls(lamp1))
            .buildBlocking();
    assertThatThrownBy(impostor::connect)
        .isInstanceOfSatisfying(
            Mqtt3ConnAckException.class,
            e ->
                assertThat(e.getMqttMessage().getReturnCode())
                    .isEqualTo(Mqtt3ConnAckReturnCode.NOT_AUTHORIZED));
  }

  @Test
  void inactiveCertificate_cannotConnect_andActiveAgainCan() {
    Device lamp3 = devices.register("lamp-3", "own-topics");
    devices
        .iot()
        .updateCertificate(
            b -> b.certificateId(lamp3.certificateId()).newStatus(CertificateStatus.INACTIVE));
    assertThatThrownBy(() -> devices.v3(lamp3).connect())
        .isInstanceOfSatisfying(
            Mqtt3ConnAckException.class,
            e ->
                assertThat(e.getMqttMessage().getReturnCode())
                    .isEqualTo(Mqtt3ConnAckReturnCode.NOT_AUTHORIZED));
    devices
        .iot()
        .updateCertificate(
            b -> b.certificateId(lamp3.certificateId()).newStatus(CertificateStatus.ACTIVE));
    Mqtt3BlockingClient lamp = devices.v3(lamp3);
    lamp.connect();
    assertThat(lamp.getState().isConnected()).isTrue();
    lamp.disconnect();
  }

  @Test
  void retainedMessage_isDeliveredToALateSubscriber() throws Exception {
    Mqtt3BlockingClient lamp = devices.v3(lamp2);
    lamp.connect();
    lamp.publishWith()
        .topic("lights/lamp-2/config")
        .qos(MqttQos.AT_LEAST_ONCE)
        .retain(true)
        .payload("dim=40".getBytes(StandardCharsets.UTF_8))
        .send();
    lamp.disconnect();

    Mqtt3BlockingClient late = devices.v3(lamp2);
    late.connect();
    try (Mqtt3BlockingClient.Mqtt3Publishes publishes =
        late.publishes(MqttGlobalPublishFilter.ALL)) {
      late.subscribeWith().topicFilter("lights/lamp-2/config").qos(MqttQos.AT_LEAST_ONCE).send();
      Optional<Mqtt3Publish> received = publishes.receive(10, TimeUnit.SECONDS);
      assertThat(received).isPresent();
      assertThat(received.get().isRetain()).isTrue();
      assertThat(new String(received.get().getPayloadAsBytes(), StandardCharsets.UTF_8))
          .isEqualTo("dim=40");
    } finally {
      late.disconnect();
    }
  }

  @Test
  void presenceEvents_tellWhenADeviceConnectsAndDisconnects() throws Exception {
    Mqtt3BlockingClient watcher = devices.v3(monitor);
    watcher.connect();
    try (Mqtt3BlockingClient.Mqtt3Publishes publishes =
        watcher.publishes(MqttGlobalPublishFilter.ALL)) {
      watcher
          .subscribeWith()
          .topicFilter("$aws/events/presence/+/lamp-2")
          .qos(MqttQos.AT_LEAST_ONCE)
          .send();
      Mqtt3BlockingClient lamp = devices.v3(lamp2);
      lamp.connect();
      lamp.disconnect();

      Mqtt3Publish connected = publishes.receive(10, TimeUnit.SECONDS).orElseThrow();
      assertThat(connected.getTopic().toString())
          .isEqualTo("$aws/events/presence/connected/lamp-2");
      JsonNode event = json.readTree(connected.getPayloadAsBytes());
      assertThat(event.get("eventType").asText()).isEqualTo("connected");
      assertThat(event.get("clientId").asText()).isEqualTo("lamp-2");
      assertThat(event.get("principalIdentifier").asText()).isEqualTo(lamp2.certificateId());
      assertThat(event.get("ipAddress").asText()).isEqualTo("127.0.0.1");

      Mqtt3Publish disconnected = publishes.receive(10, TimeUnit.SECONDS).orElseThrow();
      assertThat(disconnected.getTopic().toString())
          .isEqualTo("$aws/events/presence/disconnected/lamp-2");
      JsonNode gone = json.readTree(disconnected.getPayloadAsBytes());
      assertThat(gone.get("disconnectReason").asText()).isEqualTo("CLIENT_INITIATED_DISCONNECT");
      assertThat(gone.get("clientInitiatedDisconnect").asBoolean()).isTrue();
    } finally {
      watcher.disconnect();
    }
  }

  @Test
  void clientsCannotPublishOnReservedEventTopics() {
    Mqtt5BlockingClient lamp = devices.v5(lamp1);
    lamp.connect();
    assertThatThrownBy(
            () ->
                lamp.publishWith()
                    .topic("$aws/events/presence/connected/lamp-1")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .send())
        .isInstanceOfSatisfying(
            Mqtt5PubAckException.class,
            e ->
                assertThat(e.getMqttMessage().getReasonCode())
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED));
    lamp.disconnect();
  }
}
