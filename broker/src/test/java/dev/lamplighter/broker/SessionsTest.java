package dev.lamplighter.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.lamplighter.broker.extension.Message;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sessions across connections: persistent and clean sessions, client-id takeover, wills, the
 * embedder's disconnect, and the QoS 1 in-flight window.
 */
class SessionsTest {
  private final TestBroker broker = TestBroker.plain();

  @AfterEach
  void stop() {
    broker.close();
  }

  @Test
  void persistentSession_onMqtt311_receivesMessagesPublishedWhileOfflineInOrder() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    MqttClient subscriber = paho("sensor-1", received);
    try {
      MqttConnectOptions persistent = pahoOptions(false);
      IMqttToken first = subscriber.connectWithResult(persistent);
      assertThat(first.getSessionPresent()).isFalse();
      subscriber.subscribe("sensors/#", 1);
      subscriber.disconnect();
      broker.awaitEvent("disconnected sensor-1 CLIENT_INITIATED_DISCONNECT");

      Mqtt3BlockingClient publisher = connected3("publisher");
      for (int i = 1; i <= 5; i++) {
        publisher
            .publishWith()
            .topic("sensors/1")
            .payload(("reading-" + i).getBytes(StandardCharsets.UTF_8))
            .qos(MqttQos.AT_LEAST_ONCE)
            .send();
      }

      IMqttToken second = subscriber.connectWithResult(persistent);

      assertThat(second.getSessionPresent()).isTrue();
      await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 5);
      assertThat(received)
          .containsExactly("reading-1", "reading-2", "reading-3", "reading-4", "reading-5");
    } finally {
      closeQuietly(subscriber);
    }
  }

  @Test
  void cleanSession_onMqtt311_discardsSubscriptionsAndQueuedMessages() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    MqttClient subscriber = paho("sensor-1", received);
    try {
      subscriber.connect(pahoOptions(false));
      subscriber.subscribe("sensors/#", 1);
      subscriber.disconnect();
      broker.awaitEvent("disconnected sensor-1 CLIENT_INITIATED_DISCONNECT");
      broker.broker.publish(TestBroker.NAMESPACE, message("sensors/1", "while-offline"));

      IMqttToken clean = subscriber.connectWithResult(pahoOptions(true));
      subscriber.subscribe("marker", 1);
      broker.broker.publish(TestBroker.NAMESPACE, message("marker", "marker"));
      broker.broker.publish(TestBroker.NAMESPACE, message("sensors/1", "after-clean"));

      assertThat(clean.getSessionPresent()).isFalse();
      await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("marker"));
      assertThat(received).containsExactly("marker");
    } finally {
      closeQuietly(subscriber);
    }
  }

  @Test
  void sessionExpiry_onMqtt5_keepsTheSessionAcrossConnections() throws Exception {
    Mqtt5BlockingClient subscriber = broker.v5("sensor-5");
    Mqtt5ConnAck first =
        subscriber.connectWith().cleanStart(true).sessionExpiryInterval(600).send();
    subscriber.subscribeWith().topicFilter("sensors/#").qos(MqttQos.AT_LEAST_ONCE).send();
    subscriber.disconnect();
    broker.awaitEvent("disconnected sensor-5 CLIENT_INITIATED_DISCONNECT");
    broker.broker.publish(TestBroker.NAMESPACE, message("sensors/1", "one"));
    broker.broker.publish(TestBroker.NAMESPACE, message("sensors/1", "two"));

    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      Mqtt5ConnAck second =
          subscriber.connectWith().cleanStart(false).sessionExpiryInterval(600).send();

      assertThat(first.isSessionPresent()).isFalse();
      assertThat(second.isSessionPresent()).isTrue();
      assertThat(RoutingTest.payload(publishes.receive(5, TimeUnit.SECONDS).orElseThrow()))
          .isEqualTo("one");
      assertThat(RoutingTest.payload(publishes.receive(5, TimeUnit.SECONDS).orElseThrow()))
          .isEqualTo("two");
    }
  }

  @Test
  void sessionWithoutExpiry_onMqtt5_endsWithTheConnection() {
    Mqtt5BlockingClient subscriber = broker.v5("sensor-5");
    subscriber.connectWith().cleanStart(false).send();
    subscriber.subscribeWith().topicFilter("sensors/#").qos(MqttQos.AT_LEAST_ONCE).send();
    subscriber.disconnect();
    broker.awaitEvent("disconnected sensor-5 CLIENT_INITIATED_DISCONNECT");

    Mqtt5ConnAck again = subscriber.connectWith().cleanStart(false).send();

    assertThat(again.isSessionPresent()).isFalse();
  }

  @Test
  void sameClientId_takesOverAndClosesTheOlderConnection() {
    Mqtt3BlockingClient older = connected3("lamp-1");
    Mqtt3BlockingClient newer = broker.v3("lamp-1");

    newer.connect();

    broker.awaitEvent("disconnected lamp-1 DUPLICATE_CLIENTID");
    await().atMost(Duration.ofSeconds(5)).until(() -> !older.getState().isConnected());
    assertThat(newer.getState().isConnected()).isTrue();
    assertThat(broker.broker.isConnected(TestBroker.NAMESPACE, "lamp-1")).isTrue();
  }

  @Test
  void takeover_onMqtt5_tellsTheOlderConnectionSessionTakenOver() {
    RawMqttClient older = broker.raw();
    older.connect(connect(MqttVersion.MQTT_5, "lamp-1"));

    connected3("lamp-1");

    MqttMessage disconnect = older.receive(MqttMessageType.DISCONNECT);
    assertThat(disconnect).isNotNull();
    assertThat(
            ((MqttReasonCodeAndPropertiesVariableHeader) disconnect.variableHeader()).reasonCode()
                & 0xFF)
        .isEqualTo(0x8E);
    await().atMost(Duration.ofSeconds(5)).until(() -> !older.isOpen());
  }

  @Test
  void will_isPublishedWhenTheConnectionDrops() throws Exception {
    Mqtt5BlockingClient watcher = connected5("watcher");
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        watcher.publishes(MqttGlobalPublishFilter.ALL)) {
      watcher.subscribeWith().topicFilter("lamps/+/status").qos(MqttQos.AT_LEAST_ONCE).send();
      RawMqttClient lamp = broker.raw();
      lamp.connect(connectWithWill("lamp-1", "lamps/lamp-1/status", "gone"));

      lamp.kill();

      Mqtt5Publish will = publishes.receive(5, TimeUnit.SECONDS).orElseThrow();
      assertThat(will.getTopic().toString()).isEqualTo("lamps/lamp-1/status");
      assertThat(RoutingTest.payload(will)).isEqualTo("gone");
      broker.awaitEvent("disconnected lamp-1 CONNECTION_LOST");
    }
  }

  @Test
  void will_isNotPublishedAfterANormalDisconnect() throws Exception {
    Mqtt5BlockingClient watcher = connected5("watcher");
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        watcher.publishes(MqttGlobalPublishFilter.ALL)) {
      watcher.subscribeWith().topicFilter("lamps/+/status").qos(MqttQos.AT_LEAST_ONCE).send();
      RawMqttClient lamp = broker.raw();
      lamp.connect(connectWithWill("lamp-1", "lamps/lamp-1/status", "gone"));

      lamp.send(
          new MqttMessage(
              new MqttFixedHeader(
                  MqttMessageType.DISCONNECT, false, MqttQoS.AT_MOST_ONCE, false, 0)));
      broker.awaitEvent("disconnected lamp-1 CLIENT_INITIATED_DISCONNECT");
      broker.broker.publish(TestBroker.NAMESPACE, message("lamps/marker/status", "marker"));

      assertThat(RoutingTest.payload(publishes.receive(5, TimeUnit.SECONDS).orElseThrow()))
          .isEqualTo("marker");
    }
  }

  @Test
  void disconnectWithWillMessage_onMqtt5_publishesTheWill() throws Exception {
    Mqtt5BlockingClient watcher = connected5("watcher");
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        watcher.publishes(MqttGlobalPublishFilter.ALL)) {
      watcher.subscribeWith().topicFilter("lamps/+/status").qos(MqttQos.AT_LEAST_ONCE).send();
      RawMqttClient lamp = broker.raw();
      lamp.connect(
          MqttMessageBuilders.connect()
              .protocolVersion(MqttVersion.MQTT_5)
              .clientId("lamp-1")
              .cleanSession(true)
              .keepAlive(60)
              .willFlag(true)
              .willQoS(MqttQoS.AT_LEAST_ONCE)
              .willTopic("lamps/lamp-1/status")
              .willMessage("gone".getBytes(StandardCharsets.UTF_8))
              .build());

      lamp.send(
          new MqttMessage(
              new MqttFixedHeader(
                  MqttMessageType.DISCONNECT, false, MqttQoS.AT_MOST_ONCE, false, 0),
              new MqttReasonCodeAndPropertiesVariableHeader(
                  (byte) 0x04, MqttProperties.NO_PROPERTIES)));

      Mqtt5Publish will = publishes.receive(5, TimeUnit.SECONDS).orElseThrow();
      assertThat(RoutingTest.payload(will)).isEqualTo("gone");
      broker.awaitEvent("disconnected lamp-1 CLIENT_INITIATED_DISCONNECT");
    }
  }

  @Test
  void serverDisconnect_closesTheClientsConnection() {
    Mqtt3BlockingClient lamp = connected3("lamp-1");

    boolean found = broker.broker.disconnect(TestBroker.NAMESPACE, "lamp-1", false, false);

    assertThat(found).isTrue();
    broker.awaitEvent("disconnected lamp-1 SERVER_INITIATED_DISCONNECT");
    await().atMost(Duration.ofSeconds(5)).until(() -> !lamp.getState().isConnected());
    assertThat(broker.broker.isConnected(TestBroker.NAMESPACE, "lamp-1")).isFalse();
  }

  @Test
  void serverDisconnect_withDiscardSession_dropsThePersistentSession() {
    Mqtt3BlockingClient lamp = broker.v3("lamp-1");
    lamp.connectWith().cleanSession(false).send();
    lamp.subscribeWith().topicFilter("lamps/#").qos(MqttQos.AT_LEAST_ONCE).send();

    broker.broker.disconnect(TestBroker.NAMESPACE, "lamp-1", true, false);
    broker.awaitEvent("disconnected lamp-1 SERVER_INITIATED_DISCONNECT");
    await().atMost(Duration.ofSeconds(5)).until(() -> !lamp.getState().isConnected());

    assertThat(lamp.connectWith().cleanSession(false).send().isSessionPresent()).isFalse();
  }

  @Test
  void serverDisconnect_publishesTheWillOnlyWhenAsked() throws Exception {
    Mqtt5BlockingClient watcher = connected5("watcher");
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        watcher.publishes(MqttGlobalPublishFilter.ALL)) {
      watcher.subscribeWith().topicFilter("lamps/+/status").qos(MqttQos.AT_LEAST_ONCE).send();
      broker.raw().connect(connectWithWill("quiet", "lamps/quiet/status", "quiet-will"));
      broker.raw().connect(connectWithWill("loud", "lamps/loud/status", "loud-will"));

      broker.broker.disconnect(TestBroker.NAMESPACE, "quiet", false, false);
      broker.awaitEvent("disconnected quiet SERVER_INITIATED_DISCONNECT");
      broker.broker.disconnect(TestBroker.NAMESPACE, "loud", false, true);

      Mqtt5Publish first = publishes.receive(5, TimeUnit.SECONDS).orElseThrow();
      assertThat(RoutingTest.payload(first)).isEqualTo("loud-will");
    }
  }

  @Test
  void takeover_ofAPersistentSession_keepsItsSubscriptions() throws Exception {
    Mqtt3BlockingClient older = broker.v3("lamp-1");
    older.connectWith().cleanSession(false).send();
    older.subscribeWith().topicFilter("lamps/#").qos(MqttQos.AT_LEAST_ONCE).send();
    Mqtt3BlockingClient newer = broker.v3("lamp-1");

    try (Mqtt3BlockingClient.Mqtt3Publishes publishes =
        newer.publishes(MqttGlobalPublishFilter.ALL)) {
      assertThat(newer.connectWith().cleanSession(false).send().isSessionPresent()).isTrue();
      broker.broker.publish(TestBroker.NAMESPACE, message("lamps/1", "after-takeover"));

      assertThat(publishes.receive(5, TimeUnit.SECONDS).orElseThrow().getPayloadAsBytes())
          .isEqualTo("after-takeover".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void unacknowledgedMessages_areRedeliveredWithDupOnReconnect() {
    RawMqttClient first = broker.raw();
    first.connect(persistentConnect("lamp-1"));
    first.send(
        MqttMessageBuilders.subscribe()
            .messageId(1)
            .addSubscription(MqttQoS.AT_LEAST_ONCE, "lamps/#")
            .build());
    assertThat(first.receive(MqttMessageType.SUBACK)).isNotNull();
    broker.broker.publish(TestBroker.NAMESPACE, message("lamps/1", "unacked"));
    MqttPublishMessage original = (MqttPublishMessage) first.receive(MqttMessageType.PUBLISH);
    assertThat(original.fixedHeader().isDup()).isFalse();

    first.kill();
    broker.awaitEvent("disconnected lamp-1 CONNECTION_LOST");
    RawMqttClient second = broker.raw();
    MqttConnAckMessage connack = second.connect(persistentConnect("lamp-1"));

    assertThat(connack.variableHeader().isSessionPresent()).isTrue();
    MqttPublishMessage again = (MqttPublishMessage) second.receive(MqttMessageType.PUBLISH);
    assertThat(again.fixedHeader().isDup()).isTrue();
    assertThat(again.variableHeader().packetId()).isEqualTo(original.variableHeader().packetId());
    assertThat(again.payload().toString(StandardCharsets.UTF_8)).isEqualTo("unacked");
  }

  @Test
  void serverDisconnect_ofAnUnknownClient_returnsFalse() {
    assertThat(broker.broker.disconnect(TestBroker.NAMESPACE, "nobody", false, false)).isFalse();
  }

  @Test
  void qos1Delivery_stopsAtAHundredUnacknowledgedMessages() {
    Mqtt5BlockingClient slow = connected5("slow");
    List<Mqtt5Publish> received = new CopyOnWriteArrayList<>();
    slow.toAsync().publishes(MqttGlobalPublishFilter.ALL, received::add, true);
    slow.subscribeWith().topicFilter("bulk/#").qos(MqttQos.AT_LEAST_ONCE).send();

    for (int i = 0; i < 150; i++) {
      broker.broker.publish(TestBroker.NAMESPACE, message("bulk/" + i, "m" + i));
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 100);
    await()
        .during(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(2))
        .until(() -> received.size() == 100);
    List.copyOf(received).forEach(Mqtt5Publish::acknowledge);
    await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 150);
    received.subList(100, 150).forEach(Mqtt5Publish::acknowledge);
    assertThat(received)
        .extracting(RoutingTest::payload)
        .startsWith("m0", "m1", "m2")
        .endsWith("m149");
  }

  private static Message message(String topic, String payload) {
    return Message.of(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
  }

  private static MqttMessage connect(MqttVersion version, String clientId) {
    return MqttMessageBuilders.connect()
        .protocolVersion(version)
        .clientId(clientId)
        .cleanSession(true)
        .keepAlive(60)
        .build();
  }

  private static MqttMessage persistentConnect(String clientId) {
    return MqttMessageBuilders.connect()
        .protocolVersion(MqttVersion.MQTT_3_1_1)
        .clientId(clientId)
        .cleanSession(false)
        .keepAlive(60)
        .build();
  }

  private static MqttMessage connectWithWill(String clientId, String topic, String payload) {
    return MqttMessageBuilders.connect()
        .protocolVersion(MqttVersion.MQTT_3_1_1)
        .clientId(clientId)
        .cleanSession(true)
        .keepAlive(60)
        .willFlag(true)
        .willQoS(MqttQoS.AT_LEAST_ONCE)
        .willTopic(topic)
        .willMessage(payload.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private MqttClient paho(String clientId, List<String> received) throws MqttException {
    MqttClient client =
        new MqttClient("tcp://127.0.0.1:" + broker.port(), clientId, new MemoryPersistence());
    client.setCallback(
        new MqttCallback() {
          @Override
          public void connectionLost(Throwable cause) {}

          @Override
          public void messageArrived(
              String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
            received.add(new String(message.getPayload(), StandardCharsets.UTF_8));
          }

          @Override
          public void deliveryComplete(IMqttDeliveryToken token) {}
        });
    return client;
  }

  private static MqttConnectOptions pahoOptions(boolean cleanSession) {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(cleanSession);
    options.setAutomaticReconnect(false);
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    return options;
  }

  private static void closeQuietly(MqttClient client) {
    try {
      if (client.isConnected()) {
        client.disconnect();
      }
      client.close();
    } catch (MqttException e) {
      // Already closed by the test.
    }
  }

  private Mqtt5BlockingClient connected5(String clientId) {
    Mqtt5BlockingClient client = broker.v5(clientId);
    client.connect();
    return client;
  }

  private Mqtt3BlockingClient connected3(String clientId) {
    Mqtt3BlockingClient client = broker.v3(clientId);
    client.connect();
    return client;
  }
}
