package dev.lamplighter.broker.internal;

import static dev.lamplighter.broker.internal.MqttConnectionHandlerTest.connackCode;
import static dev.lamplighter.broker.internal.MqttConnectionHandlerTest.disconnectCode;
import static dev.lamplighter.broker.internal.MqttConnectionHandlerTest.subscribe;
import static io.netty.handler.codec.mqtt.MqttVersion.MQTT_3_1_1;
import static io.netty.handler.codec.mqtt.MqttVersion.MQTT_5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.broker.extension.Authentication;
import dev.lamplighter.broker.extension.ConnectionAuthority;
import dev.lamplighter.broker.extension.Message;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption.RetainedHandlingPolicy;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What flows to and from one connection: unsubscribing, the client's receive maximum, the publish
 * rate, retain handling, size limits and wills, in an embedded channel with the real codec.
 */
class DeliveryFlowTest {
  private EmbeddedConnection connection = EmbeddedConnection.open();

  @AfterEach
  void closeChannels() {
    connection.close();
  }

  @Test
  void unsubscribe_onMqtt5_answersSuccessOrNoSubscriptionExisted() {
    connection.connect(MQTT_5, "lamp-1");
    connection.send(subscribe(1, "lamps/#"));
    connection.receive();

    connection.send(unsubscribe(2, "lamps/#", "never/subscribed"));

    MqttUnsubAckMessage unsuback = (MqttUnsubAckMessage) connection.receive();
    assertThat(unsuback.variableHeader().messageId()).isEqualTo(2);
    assertThat(unsuback.payload().unsubscribeReasonCodes())
        .containsExactly((short) 0, (short) 0x11);
  }

  @Test
  void unsubscribe_onMqtt311_stopsDelivery() {
    connection.connect(MQTT_3_1_1, "lamp-1");
    connection.send(subscribe(1, "lamps/#"));
    connection.receive();

    connection.send(unsubscribe(2, "lamps/#"));
    MqttMessage unsuback = connection.receive();
    routeFromServer("lamps/1", 1);

    assertThat(unsuback.fixedHeader().messageType()).isEqualTo(MqttMessageType.UNSUBACK);
    assertThat(connection.receiveAll()).isEmpty();
  }

  @Test
  void receiveMaximum_ofAnMqtt5Client_boundsUnacknowledgedDeliveries() {
    MqttProperties properties = new MqttProperties();
    properties.add(new MqttProperties.IntegerProperty(MqttPropertyType.RECEIVE_MAXIMUM.value(), 2));
    connection.send(
        MqttMessageBuilders.connect()
            .protocolVersion(MQTT_5)
            .clientId("lamp-1")
            .cleanSession(true)
            .keepAlive(60)
            .properties(properties)
            .build());
    connection.receive();
    connection.send(subscribe(1, "lamps/#"));
    connection.receive();

    for (int i = 0; i < 3; i++) {
      routeFromServer("lamps/" + i, 1);
    }

    List<MqttPublishMessage> first = publishes(connection.receiveAll());
    assertThat(first)
        .extracting(p -> p.variableHeader().topicName())
        .containsExactly("lamps/0", "lamps/1");

    connection.send(puback(first.get(0).variableHeader().packetId()));

    List<MqttPublishMessage> next = publishes(connection.receiveAll());
    assertThat(next).extracting(p -> p.variableHeader().topicName()).containsExactly("lamps/2");
  }

  @Test
  void publishesOverAHundredPerSecond_onMqtt5_areAllAcknowledged_andReadingPauses() {
    connection.connect(MQTT_5, "lamp-1");

    for (int i = 1; i <= 150; i++) {
      connection.send(MqttConnectionHandlerTest.publish("lamps/1", MqttQoS.AT_LEAST_ONCE, i));
    }

    List<Integer> codes = new ArrayList<>();
    for (MqttMessage packet : connection.receiveAll()) {
      codes.add(((MqttPubReplyMessageVariableHeader) packet.variableHeader()).reasonCode() & 0xFF);
    }
    assertThat(codes).hasSize(150).containsOnly(0);
    assertThat(connection.server.config().isAutoRead()).isFalse();
    assertThat(connection.isOpen()).isTrue();
  }

  @Test
  void publishesOverAHundredPerSecond_onMqtt311_areAllAcknowledged_andReadingResumes() {
    connection.connect(MQTT_3_1_1, "lamp-1");

    for (int i = 1; i <= 150; i++) {
      connection.send(MqttConnectionHandlerTest.publish("lamps/1", MqttQoS.AT_LEAST_ONCE, i));
    }

    assertThat(connection.receiveAll()).hasSize(150);
    assertThat(connection.server.config().isAutoRead()).isFalse();
    // Half a second of debt at 100 per second: reading resumes once it is paid.
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(5))
        .until(
            () -> {
              connection.server.runScheduledPendingTasks();
              return connection.server.config().isAutoRead();
            });
    assertThat(connection.isOpen()).isTrue();
  }

  @Test
  void retainHandling_sendAtSubscribe_deliversRetainedMessages() {
    retainFromServer("lamps/1/state");
    connection.connect(MQTT_5, "lamp-1");

    connection.send(subscribeWithRetainHandling(RetainedHandlingPolicy.SEND_AT_SUBSCRIBE));

    List<MqttMessage> packets = connection.receiveAll();
    assertThat(packets)
        .extracting(p -> p.fixedHeader().messageType())
        .containsExactly(MqttMessageType.SUBACK, MqttMessageType.PUBLISH);
    assertThat(packets.get(1).fixedHeader().isRetain()).isTrue();
    packets.forEach(ReferenceCountUtil::release);
  }

  @Test
  void retainHandling_doNotSend_withholdsRetainedMessages() {
    retainFromServer("lamps/1/state");
    connection.connect(MQTT_5, "lamp-1");

    connection.send(subscribeWithRetainHandling(RetainedHandlingPolicy.DONT_SEND_AT_SUBSCRIBE));

    assertThat(connection.receiveAll())
        .extracting(p -> p.fixedHeader().messageType())
        .containsExactly(MqttMessageType.SUBACK);
  }

  @Test
  void retainHandling_ifNewSubscription_skipsARepeatedSubscribe() {
    retainFromServer("lamps/1/state");
    connection.connect(MQTT_5, "lamp-1");
    connection.send(
        subscribeWithRetainHandling(RetainedHandlingPolicy.SEND_AT_SUBSCRIBE_IF_NOT_YET_EXISTS));
    connection.receiveAll().forEach(ReferenceCountUtil::release);

    connection.send(
        subscribeWithRetainHandling(RetainedHandlingPolicy.SEND_AT_SUBSCRIBE_IF_NOT_YET_EXISTS));

    assertThat(connection.receiveAll())
        .extracting(p -> p.fixedHeader().messageType())
        .containsExactly(MqttMessageType.SUBACK);
  }

  @Test
  void payloadOf128KiB_isAccepted() {
    connection.connect(MQTT_5, "lamp-1");

    connection.send(
        MqttMessageBuilders.publish()
            .topicName("lamps/1")
            .qos(MqttQoS.AT_LEAST_ONCE)
            .messageId(1)
            .payload(Unpooled.wrappedBuffer(new byte[128 * 1024]))
            .build());

    MqttMessage puback = connection.receive();
    assertThat(((MqttPubReplyMessageVariableHeader) puback.variableHeader()).reasonCode()).isZero();
  }

  @Test
  void topicOf256Bytes_isAcceptedAnd257BytesCloses() {
    connection.connect(MQTT_5, "lamp-1");

    connection.send(MqttConnectionHandlerTest.publish("t".repeat(256), MqttQoS.AT_LEAST_ONCE, 1));
    assertThat(connection.receive().fixedHeader().messageType()).isEqualTo(MqttMessageType.PUBACK);

    connection.send(MqttConnectionHandlerTest.publish("t".repeat(257), MqttQoS.AT_LEAST_ONCE, 2));
    assertThat(disconnectCode(connection.receive())).isEqualTo(0x90);
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void will_onATopicTheClientMayNotPublish_refusesTheConnection() {
    connection.close();
    connection = EmbeddedConnection.open(MqttConnectionHandlerTest.refusing("forbidden/#"));

    connection.send(
        MqttMessageBuilders.connect()
            .protocolVersion(MQTT_5)
            .clientId("lamp-1")
            .cleanSession(true)
            .keepAlive(60)
            .willFlag(true)
            .willTopic("forbidden/will")
            .willMessage(new byte[] {1})
            .build());

    assertThat(connackCode(connection.receive())).isEqualTo(0x87);
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void messagesTheConnectionMayNotReceive_areNotDelivered() {
    connection.close();
    ConnectionAuthority deaf =
        new ConnectionAuthority() {
          @Override
          public boolean mayPublish(String topic) {
            return true;
          }

          @Override
          public boolean maySubscribe(String topicFilter) {
            return true;
          }

          @Override
          public boolean mayReceive(String topic) {
            return !topic.startsWith("secret/");
          }
        };
    connection =
        EmbeddedConnection.open(
            request -> Authentication.accepted(EmbeddedConnection.NAMESPACE, "tester", deaf));
    connection.connect(MQTT_3_1_1, "lamp-1");
    connection.send(subscribe(1, "#"));
    connection.receive();

    routeFromServer("secret/plans", 1);
    routeFromServer("public/news", 1);

    assertThat(publishes(connection.receiveAll()))
        .extracting(p -> p.variableHeader().topicName())
        .containsExactly("public/news");
  }

  private void routeFromServer(String topic, int qos) {
    connection
        .context
        .router()
        .route(
            EmbeddedConnection.NAMESPACE,
            Message.of(topic, "x".getBytes(StandardCharsets.UTF_8), qos, false),
            null);
    connection.server.runPendingTasks();
  }

  private void retainFromServer(String topic) {
    connection
        .context
        .router()
        .route(
            EmbeddedConnection.NAMESPACE,
            Message.of(topic, "on".getBytes(StandardCharsets.UTF_8), 1, true),
            null);
  }

  private static MqttMessage subscribeWithRetainHandling(RetainedHandlingPolicy policy) {
    return MqttMessageBuilders.subscribe()
        .messageId(1)
        .addSubscription(
            "lamps/#", new MqttSubscriptionOption(MqttQoS.AT_LEAST_ONCE, false, false, policy))
        .build();
  }

  private static MqttMessage unsubscribe(int packetId, String... filters) {
    MqttMessageBuilders.UnsubscribeBuilder builder = MqttMessageBuilders.unsubscribe();
    for (String filter : filters) {
      builder.addTopicFilter(filter);
    }
    return builder.messageId(packetId).build();
  }

  private static MqttMessage puback(int packetId) {
    return new MqttMessage(
        new MqttFixedHeader(MqttMessageType.PUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
        MqttMessageIdVariableHeader.from(packetId));
  }

  /** The PUBLISH packets among {@code packets}, released (their headers stay readable). */
  private static List<MqttPublishMessage> publishes(List<MqttMessage> packets) {
    List<MqttPublishMessage> publishes = new ArrayList<>();
    for (MqttMessage packet : packets) {
      if (packet instanceof MqttPublishMessage publish) {
        publishes.add(publish);
      }
      ReferenceCountUtil.release(packet);
    }
    return publishes;
  }
}
