package dev.lamplighter.broker.internal;

import static dev.lamplighter.broker.internal.MqttConnectionHandlerTest.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Wills as a watching connection sees them, with the broker's time moved by the test. */
class WillTest {
  private final EmbeddedConnection lamp = EmbeddedConnection.open();
  private final EmbeddedConnection watcher = lamp.another();

  @AfterEach
  void closeChannels() {
    lamp.close();
    watcher.close();
  }

  /**
   * Guards a fixed bug: the will's message expiry was counted from CONNECT, so a will whose expiry
   * was shorter than the connection's life was never delivered.
   */
  @Test
  void willMessageExpiry_countsFromWhenTheWillIsPublished() {
    watcher.connect(MqttVersion.MQTT_5, "watcher");
    watcher.send(subscribe(1, "lamps/+/status"));
    watcher.receive();
    lamp.send(connectWithWill(60));
    lamp.receive();

    lamp.clock.advance(Duration.ofHours(2));
    lamp.server.close();

    MqttPublishMessage will = (MqttPublishMessage) watcher.receive();
    assertThat(will).isNotNull();
    assertThat(will.payload().toString(StandardCharsets.UTF_8)).isEqualTo("gone");
    assertThat(
            will.variableHeader()
                .properties()
                .getProperty(MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value())
                .value())
        .isEqualTo(60);
    will.release();
  }

  @Test
  void retainedWill_isKeptAsTheTopicsRetainedMessage() {
    lamp.send(
        MqttMessageBuilders.connect()
            .protocolVersion(MqttVersion.MQTT_3_1_1)
            .clientId("lamp-1")
            .cleanSession(true)
            .keepAlive(60)
            .willFlag(true)
            .willRetain(true)
            .willQoS(MqttQoS.AT_LEAST_ONCE)
            .willTopic("lamps/lamp-1/status")
            .willMessage("gone".getBytes(StandardCharsets.UTF_8))
            .build());
    lamp.receive();

    lamp.server.close();

    assertThat(
            lamp.context
                .router()
                .retained()
                .get(EmbeddedConnection.NAMESPACE, "lamps/lamp-1/status"))
        .hasValueSatisfying(
            retained ->
                assertThat(new String(retained.message().payload(), StandardCharsets.UTF_8))
                    .isEqualTo("gone"));
  }

  private static MqttMessage connectWithWill(int expirySeconds) {
    MqttProperties willProperties = new MqttProperties();
    willProperties.add(
        new MqttProperties.IntegerProperty(
            MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value(), expirySeconds));
    return MqttMessageBuilders.connect()
        .protocolVersion(MqttVersion.MQTT_5)
        .clientId("lamp-1")
        .cleanSession(true)
        .keepAlive(60)
        .willFlag(true)
        .willQoS(MqttQoS.AT_LEAST_ONCE)
        .willTopic("lamps/lamp-1/status")
        .willMessage("gone".getBytes(StandardCharsets.UTF_8))
        .willProperties(willProperties)
        .build();
  }
}
