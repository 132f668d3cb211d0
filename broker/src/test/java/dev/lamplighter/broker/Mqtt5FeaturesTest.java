package dev.lamplighter.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** MQTT 5 publish properties and topic aliases between real clients. */
class Mqtt5FeaturesTest {
  private final TestBroker broker = TestBroker.plain();

  @AfterEach
  void stop() {
    broker.close();
  }

  @Test
  void publishProperties_areForwardedToAnMqtt5Subscriber() throws Exception {
    Mqtt5BlockingClient subscriber = connected5("listener");
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      subscriber.subscribeWith().topicFilter("requests/#").qos(MqttQos.AT_LEAST_ONCE).send();

      connected5("requester")
          .publishWith()
          .topic("requests/lamp-1")
          .payload("{\"on\":true}".getBytes(StandardCharsets.UTF_8))
          .qos(MqttQos.AT_LEAST_ONCE)
          .contentType("application/json")
          .payloadFormatIndicator(Mqtt5PayloadFormatIndicator.UTF_8)
          .responseTopic("responses/lamp-1")
          .correlationData("req-7".getBytes(StandardCharsets.UTF_8))
          .messageExpiryInterval(120)
          .userProperties()
          .add("trace", "abc")
          .add("trace", "def")
          .add("origin", "test")
          .applyUserProperties()
          .send();

      Mqtt5Publish received = publishes.receive(5, TimeUnit.SECONDS).orElseThrow();
      assertThat(received.getContentType())
          .hasValueSatisfying(type -> assertThat(type.toString()).isEqualTo("application/json"));
      assertThat(received.getPayloadFormatIndicator()).contains(Mqtt5PayloadFormatIndicator.UTF_8);
      assertThat(received.getResponseTopic())
          .hasValueSatisfying(topic -> assertThat(topic.toString()).isEqualTo("responses/lamp-1"));
      assertThat(received.getCorrelationData().map(Mqtt5FeaturesTest::bytes))
          .contains("req-7".getBytes(StandardCharsets.UTF_8));
      assertThat(received.getMessageExpiryInterval().orElseThrow()).isBetween(1L, 120L);
      assertThat(
              received.getUserProperties().asList().stream()
                  .map(p -> p.getName() + "=" + p.getValue())
                  .toList())
          .containsExactly("trace=abc", "trace=def", "origin=test");
    }
  }

  @Test
  void publishProperties_areDroppedForAnMqtt311Subscriber() {
    RawMqttClient subscriber = broker.raw();
    subscriber.connect(connect(MqttVersion.MQTT_3_1_1, "listener"));
    subscriber.send(
        MqttMessageBuilders.subscribe()
            .messageId(1)
            .addSubscription(MqttQoS.AT_MOST_ONCE, "requests/#")
            .build());
    assertThat(subscriber.receive(MqttMessageType.SUBACK)).isNotNull();

    connected5("requester")
        .publishWith()
        .topic("requests/1")
        .payload(new byte[] {42})
        .contentType("application/json")
        .responseTopic("responses/1")
        .userProperties()
        .add("trace", "abc")
        .applyUserProperties()
        .send();

    MqttPublishMessage received = (MqttPublishMessage) subscriber.receive(MqttMessageType.PUBLISH);
    assertThat(received).isNotNull();
    assertThat(received.variableHeader().topicName()).isEqualTo("requests/1");
    // MQTT 3.1.1 QoS 0 PUBLISH: topic length, topic, payload; not one byte of properties.
    assertThat(received.fixedHeader().remainingLength()).isEqualTo(2 + "requests/1".length() + 1);
    assertThat(received.payload().readableBytes()).isEqualTo(1);
  }

  @Test
  void topicAlias_fromAnMqtt5Publisher_isResolvedForSubscribers() throws Exception {
    Mqtt5BlockingClient subscriber = connected5("listener");
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      subscriber.subscribeWith().topicFilter("lamps/#").qos(MqttQos.AT_LEAST_ONCE).send();
      RawMqttClient publisher = broker.raw();
      publisher.connect(connect(MqttVersion.MQTT_5, "aliaser"));

      publisher.send(aliasedPublish("lamps/1/state", 3, "first", 1));
      publisher.send(aliasedPublish("", 3, "second", 2));

      assertThat(publisher.receive(MqttMessageType.PUBACK)).isNotNull();
      assertThat(publisher.receive(MqttMessageType.PUBACK)).isNotNull();
      Mqtt5Publish first = publishes.receive(5, TimeUnit.SECONDS).orElseThrow();
      Mqtt5Publish second = publishes.receive(5, TimeUnit.SECONDS).orElseThrow();
      assertThat(first.getTopic().toString()).isEqualTo("lamps/1/state");
      assertThat(second.getTopic().toString()).isEqualTo("lamps/1/state");
      assertThat(RoutingTest.payload(second)).isEqualTo("second");
    }
  }

  @Test
  void unknownTopicAlias_isAProtocolError() {
    RawMqttClient publisher = broker.raw();
    publisher.connect(connect(MqttVersion.MQTT_5, "aliaser"));

    publisher.send(aliasedPublish("", 4, "lost", 1));

    assertThat(disconnectCode(publisher.receive(MqttMessageType.DISCONNECT))).isEqualTo(0x82);
  }

  @Test
  void topicAlias_aboveTheAdvertisedMaximum_isRefusedWith0x94() {
    RawMqttClient publisher = broker.raw();
    publisher.connect(connect(MqttVersion.MQTT_5, "aliaser"));

    publisher.send(aliasedPublish("lamps/1", 9, "too-high", 1));

    assertThat(disconnectCode(publisher.receive(MqttMessageType.DISCONNECT))).isEqualTo(0x94);
  }

  @Test
  void noLocal_keepsAClientsOwnMessagesFromIt() throws Exception {
    Mqtt5BlockingClient client = connected5("echo");
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        client.publishes(MqttGlobalPublishFilter.ALL)) {
      client.subscribeWith().topicFilter("chat/#").qos(MqttQos.AT_LEAST_ONCE).noLocal(true).send();

      client.publishWith().topic("chat/self").qos(MqttQos.AT_LEAST_ONCE).send();
      connected5("other").publishWith().topic("chat/other").qos(MqttQos.AT_LEAST_ONCE).send();

      Mqtt5Publish received = publishes.receive(5, TimeUnit.SECONDS).orElseThrow();
      assertThat(received.getTopic().toString()).isEqualTo("chat/other");
    }
  }

  /**
   * Guards a fixed bug: a no-local subscription hid the client's message from an overlapping one.
   */
  @Test
  void noLocal_onOneOfTwoOverlappingSubscriptions_stillDeliversThroughTheOther() throws Exception {
    Mqtt5BlockingClient client = connected5("echo");
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        client.publishes(MqttGlobalPublishFilter.ALL)) {
      client.subscribeWith().topicFilter("chat/#").qos(MqttQos.AT_LEAST_ONCE).noLocal(true).send();
      client.subscribeWith().topicFilter("chat/self").qos(MqttQos.AT_MOST_ONCE).send();

      client.publishWith().topic("chat/self").qos(MqttQos.AT_LEAST_ONCE).send();

      Mqtt5Publish received = publishes.receive(5, TimeUnit.SECONDS).orElseThrow();
      assertThat(received.getTopic().toString()).isEqualTo("chat/self");
    }
  }

  private static MqttMessage connect(MqttVersion version, String clientId) {
    return MqttMessageBuilders.connect()
        .protocolVersion(version)
        .clientId(clientId)
        .cleanSession(true)
        .keepAlive(60)
        .build();
  }

  private static MqttPublishMessage aliasedPublish(
      String topic, int alias, String payload, int packetId) {
    MqttProperties properties = new MqttProperties();
    properties.add(new MqttProperties.IntegerProperty(MqttPropertyType.TOPIC_ALIAS.value(), alias));
    return MqttMessageBuilders.publish()
        .topicName(topic)
        .qos(MqttQoS.AT_LEAST_ONCE)
        .messageId(packetId)
        .retained(false)
        .properties(properties)
        .payload(Unpooled.copiedBuffer(payload, StandardCharsets.UTF_8))
        .build();
  }

  static int disconnectCode(MqttMessage disconnect) {
    assertThat(disconnect).isNotNull();
    return ((MqttReasonCodeAndPropertiesVariableHeader) disconnect.variableHeader()).reasonCode()
        & 0xFF;
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  private Mqtt5BlockingClient connected5(String clientId) {
    Mqtt5BlockingClient client = broker.v5(clientId);
    client.connect();
    return client;
  }
}
