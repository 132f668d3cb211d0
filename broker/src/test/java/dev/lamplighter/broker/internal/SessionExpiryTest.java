package dev.lamplighter.broker.internal;

import static dev.lamplighter.broker.internal.MqttConnectionHandlerTest.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How long an offline session lives: the session expiry of CONNECT (capped at the broker's hour),
 * or the one a client sets again in its DISCONNECT, with the broker's time moved by the test.
 */
class SessionExpiryTest {
  private static final SessionKey KEY = new SessionKey(EmbeddedConnection.NAMESPACE, "lamp-1");

  private final EmbeddedConnection connection = EmbeddedConnection.open();

  @AfterEach
  void closeChannels() {
    connection.close();
  }

  @Test
  void offlineSession_livesForTheExpiryOfConnect() {
    connectWithExpiry(600);

    connection.send(disconnect(null));

    assertThat(sessionAfter(Duration.ofSeconds(599))).isTrue();
    assertThat(sessionAfter(Duration.ofSeconds(2))).isFalse();
  }

  @Test
  void sessionExpiry_aboveTheBrokersHour_isCappedAndAnnouncedInConnack() {
    MqttConnAckMessage connack = connectWithExpiry(86_400);

    assertThat(
            connack
                .variableHeader()
                .properties()
                .getProperty(MqttPropertyType.SESSION_EXPIRY_INTERVAL.value())
                .value())
        .isEqualTo(3600);
    connection.send(disconnect(null));
    assertThat(sessionAfter(Duration.ofMinutes(59))).isTrue();
    assertThat(sessionAfter(Duration.ofMinutes(2))).isFalse();
  }

  @Test
  void disconnect_withSessionExpiryZero_endsTheSessionAtOnce() {
    connectWithExpiry(600);

    connection.send(disconnect(0));

    assertThat(sessionAfter(Duration.ZERO)).isFalse();
  }

  /** Guards a fixed bug: the broker honoured a DISCONNECT's session expiry only when it was 0. */
  @Test
  void disconnect_withShorterSessionExpiry_replacesTheExpiryOfConnect() {
    connectWithExpiry(600);

    connection.send(disconnect(10));

    assertThat(sessionAfter(Duration.ofSeconds(9))).isTrue();
    assertThat(sessionAfter(Duration.ofSeconds(2))).isFalse();
  }

  private MqttConnAckMessage connectWithExpiry(int seconds) {
    MqttProperties properties = new MqttProperties();
    properties.add(
        new MqttProperties.IntegerProperty(
            MqttPropertyType.SESSION_EXPIRY_INTERVAL.value(), seconds));
    connection.send(
        MqttMessageBuilders.connect()
            .protocolVersion(MqttVersion.MQTT_5)
            .clientId("lamp-1")
            .cleanSession(false)
            .keepAlive(60)
            .properties(properties)
            .build());
    MqttConnAckMessage connack = (MqttConnAckMessage) connection.receive();
    connection.send(subscribe(1, "lamps/#"));
    connection.receive();
    return connack;
  }

  /** Moves the broker's time by {@code elapsed}, sweeps, and says whether the session is left. */
  private boolean sessionAfter(Duration elapsed) {
    assertThat(connection.isOpen()).isFalse();
    connection.clock.advance(elapsed);
    connection.context.sessions().expireSessions();
    connection.server.runPendingTasks();
    return connection.context.sessions().find(KEY).isPresent();
  }

  private static MqttMessage disconnect(Integer sessionExpirySeconds) {
    MqttProperties properties = new MqttProperties();
    if (sessionExpirySeconds != null) {
      properties.add(
          new MqttProperties.IntegerProperty(
              MqttPropertyType.SESSION_EXPIRY_INTERVAL.value(), sessionExpirySeconds));
    }
    return new MqttMessage(
        new MqttFixedHeader(MqttMessageType.DISCONNECT, false, MqttQoS.AT_MOST_ONCE, false, 0),
        new MqttReasonCodeAndPropertiesVariableHeader((byte) 0, properties));
  }
}
