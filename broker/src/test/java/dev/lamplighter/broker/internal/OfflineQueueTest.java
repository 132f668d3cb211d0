package dev.lamplighter.broker.internal;

import static dev.lamplighter.broker.internal.MqttConnectionHandlerTest.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.broker.extension.Message.MessageProperties;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a persistent session keeps while its client is offline: QoS 1 messages only, at most the
 * broker's queue limit, and none past their MQTT 5 message expiry; checked across two embedded
 * connections to one broker with the broker's time moved by the test.
 */
class OfflineQueueTest {
  private final EmbeddedConnection first = EmbeddedConnection.open();
  private EmbeddedConnection second;

  @AfterEach
  void closeChannels() {
    first.close();
    if (second != null) {
      second.close();
    }
  }

  @Test
  void qos1MessagesAreQueuedAndQos0MessagesDropped_whileOffline() {
    goOffline();
    route(Message.of("lamps/1", bytes("qos0"), 0, false));
    route(Message.of("lamps/1", bytes("qos1"), 1, false));

    List<String> payloads = new ArrayList<>();
    for (MqttPublishMessage publish : reconnect()) {
      payloads.add(publish.payload().toString(StandardCharsets.UTF_8));
      publish.release();
    }

    assertThat(payloads).containsExactly("qos1");
  }

  @Test
  void queuedMessage_pastItsExpiry_isNotDelivered() {
    goOffline();
    route(expiring("short", Duration.ofSeconds(10)));
    route(expiring("long", Duration.ofSeconds(60)));

    first.clock.advance(Duration.ofSeconds(20));
    List<MqttPublishMessage> delivered = reconnect();

    assertThat(delivered).hasSize(1);
    MqttPublishMessage publish = delivered.get(0);
    assertThat(publish.payload().toString(StandardCharsets.UTF_8)).isEqualTo("long");
    MqttProperties.MqttProperty<?> expiry =
        publish
            .variableHeader()
            .properties()
            .getProperty(MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value());
    assertThat(expiry.value()).isEqualTo(40);
    publish.release();
  }

  @Test
  void offlineQueue_keepsAtMostTheBrokersLimit() {
    goOffline();
    for (int i = 0; i < 1005; i++) {
      route(Message.of("lamps/" + i, bytes("m" + i), 1, false));
    }

    int delivered = 0;
    List<MqttPublishMessage> batch = reconnect();
    while (!batch.isEmpty()) {
      for (MqttPublishMessage publish : batch) {
        delivered++;
        second.send(puback(publish.variableHeader().packetId()));
        publish.release();
      }
      batch = publishes(second.receiveAll());
    }

    assertThat(delivered).isEqualTo(1000);
  }

  /**
   * Guards a fixed bug: a queued message too large for the client stayed in flight for ever, so
   * with a receive maximum of 1 nothing after it was delivered.
   */
  @Test
  void queuedMessage_overTheClientsMaximumPacketSize_isSkippedWithoutBlockingTheRest() {
    goOffline();
    route(Message.of("lamps/1", new byte[500], 1, false));
    route(Message.of("lamps/1", bytes("small-1"), 1, false));
    route(Message.of("lamps/1", bytes("small-2"), 1, false));

    List<String> payloads = new ArrayList<>();
    List<MqttPublishMessage> batch = reconnect(connect(1, 200));
    while (!batch.isEmpty()) {
      for (MqttPublishMessage publish : batch) {
        payloads.add(publish.payload().toString(StandardCharsets.UTF_8));
        second.send(puback(publish.variableHeader().packetId()));
        publish.release();
      }
      batch = publishes(second.receiveAll());
    }

    assertThat(payloads).containsExactly("small-1", "small-2");
  }

  /** Connects {@code first} with a persistent MQTT 5 session subscribed to lamps/#, then leaves. */
  private void goOffline() {
    first.send(connect());
    first.receive();
    first.send(subscribe(1, "lamps/#"));
    first.receive();
    first.send(
        new MqttMessage(
            new MqttFixedHeader(
                MqttMessageType.DISCONNECT, false, MqttQoS.AT_MOST_ONCE, false, 0)));
    assertThat(first.isOpen()).isFalse();
  }

  /** Connects again on a second connection; returns the PUBLISH packets that followed CONNACK. */
  private List<MqttPublishMessage> reconnect() {
    return reconnect(connect());
  }

  private List<MqttPublishMessage> reconnect(MqttMessage connect) {
    second = first.another();
    second.send(connect);
    MqttConnAckMessage connack = (MqttConnAckMessage) second.receive();
    assertThat(connack.variableHeader().isSessionPresent()).isTrue();
    return publishes(second.receiveAll());
  }

  private void route(Message message) {
    first.context.router().route(EmbeddedConnection.NAMESPACE, message, null);
  }

  private Message expiring(String payload, Duration lifetime) {
    MessageProperties properties =
        new MessageProperties(
            null, null, null, null, List.of(), first.clock.millis() + lifetime.toMillis());
    return new Message("lamps/1", bytes(payload), 1, false, properties);
  }

  private static MqttMessage connect() {
    return connect(0, 0);
  }

  /** A persistent MQTT 5 CONNECT; a receive maximum or maximum packet size of 0 is not sent. */
  private static MqttMessage connect(int receiveMaximum, int maximumPacketSize) {
    MqttProperties properties = new MqttProperties();
    properties.add(
        new MqttProperties.IntegerProperty(MqttPropertyType.SESSION_EXPIRY_INTERVAL.value(), 600));
    if (receiveMaximum > 0) {
      properties.add(
          new MqttProperties.IntegerProperty(
              MqttPropertyType.RECEIVE_MAXIMUM.value(), receiveMaximum));
    }
    if (maximumPacketSize > 0) {
      properties.add(
          new MqttProperties.IntegerProperty(
              MqttPropertyType.MAXIMUM_PACKET_SIZE.value(), maximumPacketSize));
    }
    return MqttMessageBuilders.connect()
        .protocolVersion(MqttVersion.MQTT_5)
        .clientId("lamp-1")
        .cleanSession(false)
        .keepAlive(60)
        .properties(properties)
        .build();
  }

  private static MqttMessage puback(int packetId) {
    return new MqttMessage(
        new MqttFixedHeader(MqttMessageType.PUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
        MqttMessageIdVariableHeader.from(packetId));
  }

  private static List<MqttPublishMessage> publishes(List<MqttMessage> packets) {
    List<MqttPublishMessage> publishes = new ArrayList<>();
    for (MqttMessage packet : packets) {
      if (packet instanceof MqttPublishMessage publish) {
        publishes.add(publish);
      } else {
        ReferenceCountUtil.release(packet);
      }
    }
    return publishes;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
