package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.extension.ClientInfo;
import dev.lamplighter.broker.extension.ConnectionAuthority;
import dev.lamplighter.broker.extension.DisconnectReason;
import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.broker.extension.ProtocolVersion;
import dev.lamplighter.broker.extension.PublishDisposition;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A connection's inbound PUBLISH packets: topic aliases, limits, QoS, the reserved-topic table and
 * the connection's rights, then routing and the PUBACK.
 *
 * <p>Refusals follow AWS IoT: an unauthorized publish closes an MQTT 3.1.1 connection; an MQTT 5
 * client gets PUBACK 0x87 for QoS 1 and its QoS 0 message is dropped. QoS 2 is not supported: MQTT
 * 3.1.1 connections are closed, MQTT 5 ones get DISCONNECT 0x9B. Over the per-connection publish
 * rate the broker stops reading from the client until the rate allows the next publish: the
 * publisher is slowed down by TCP back-pressure and nothing it sent is dropped.
 */
final class PublishHandling {
  /** What the reserved-topic table and the connection's rights decide together. */
  enum Verdict {
    ROUTE,
    CONSUMED,
    REFUSED
  }

  private final MqttConnectionHandler connection;
  private final BrokerContext broker;
  private final ConnectSettings connect;
  private final boolean v5;
  private final PublishRate rate;
  private final Map<Integer, String> topicAliases = new HashMap<>();

  PublishHandling(MqttConnectionHandler connection, BrokerContext broker, ConnectSettings connect) {
    this.connection = connection;
    this.broker = broker;
    this.connect = connect;
    this.v5 = connect.version() == ProtocolVersion.MQTT_5;
    this.rate = new PublishRate(broker.settings().maxPublishesPerSecond(), nowNanos());
  }

  /** The broker's clock in nanoseconds, so tests that move time move the rate too. */
  private long nowNanos() {
    return TimeUnit.MILLISECONDS.toNanos(broker.nowMillis());
  }

  /**
   * The connection's rights first, then the reserved-topic table: a handler only ever sees
   * publishes the client was allowed to make.
   */
  static Verdict allowedToPublish(
      BrokerContext broker, ConnectionAuthority authority, ClientInfo client, Message message) {
    if (!authority.mayPublish(message.topic())) {
      return Verdict.REFUSED;
    }
    PublishDisposition disposition =
        broker.extensions().reservedTopics().onClientPublish(client, message);
    return switch (disposition) {
      case REFUSED -> Verdict.REFUSED;
      case CONSUMED -> Verdict.CONSUMED;
      case ROUTE -> Verdict.ROUTE;
    };
  }

  void onPublish(MqttPublishMessage packet) {
    int qos = packet.fixedHeader().qosLevel().value();
    int packetId = packet.variableHeader().packetId();
    if (qos > 1) {
      connection.closeWith(
          MqttReasonCodes.Disconnect.QOS_NOT_SUPPORTED.byteValue(),
          DisconnectReason.CLIENT_ERROR,
          "QoS 2 publish (not supported)");
      return;
    }
    String topic = resolveTopic(packet);
    if (topic == null) {
      return;
    }
    String problem = broker.topics().checkName(topic);
    if (problem != null) {
      connection.closeWith(
          MqttReasonCodes.Disconnect.TOPIC_NAME_INVALID.byteValue(),
          DisconnectReason.CLIENT_ERROR,
          "publish: " + problem);
      return;
    }
    if (packet.payload().readableBytes() > broker.settings().maxPayloadBytes()) {
      connection.closeWith(
          MqttReasonCodes.Disconnect.PACKET_TOO_LARGE.byteValue(),
          DisconnectReason.THROTTLED,
          "payload over " + broker.settings().maxPayloadBytes() + " bytes");
      return;
    }
    long pause = rate.acquire(nowNanos());
    if (pause > 0) {
      connection.pauseReading(pause);
    }
    Message message =
        Packets.fromPublish(
            topic,
            packet.payload(),
            qos,
            packet.fixedHeader().isRetain(),
            v5 ? packet.variableHeader().properties() : null,
            broker.nowMillis());
    Verdict verdict =
        allowedToPublish(broker, connection.authority(), connection.clientInfo(), message);
    if (verdict == Verdict.REFUSED) {
      refused(qos, packetId, topic);
      return;
    }
    if (verdict == Verdict.ROUTE) {
      broker.router().route(connection.clientInfo().namespace(), message, connection.session());
    }
    if (qos == 1) {
      connection.write(Packets.puback(packetId, (byte) 0, v5));
    }
  }

  private void refused(int qos, int packetId, String topic) {
    if (!v5) {
      connection.closeWith(
          MqttReasonCodes.Disconnect.NOT_AUTHORIZED.byteValue(),
          DisconnectReason.FORBIDDEN_ACCESS,
          "not authorized to publish on " + topic);
    } else if (qos == 1) {
      connection.write(
          Packets.puback(packetId, MqttReasonCodes.PubAck.NOT_AUTHORIZED.byteValue(), true));
    }
  }

  /** The topic, after MQTT 5 topic aliases; null when the connection was closed for it. */
  private String resolveTopic(MqttPublishMessage packet) {
    String topic = packet.variableHeader().topicName();
    if (!v5) {
      return topic;
    }
    Integer alias =
        Packets.intValue(packet.variableHeader().properties(), MqttPropertyType.TOPIC_ALIAS);
    if (alias == null) {
      return topic;
    }
    if (alias < 1 || alias > ConnectSettings.TOPIC_ALIAS_MAXIMUM) {
      connection.closeWith(
          MqttReasonCodes.Disconnect.TOPIC_ALIAS_INVALID.byteValue(),
          DisconnectReason.CLIENT_ERROR,
          "topic alias " + alias + " out of range");
      return null;
    }
    if (!topic.isEmpty()) {
      topicAliases.put(alias, topic);
      return topic;
    }
    String known = topicAliases.get(alias);
    if (known == null) {
      connection.closeWith(
          MqttReasonCodes.Disconnect.PROTOCOL_ERROR.byteValue(),
          DisconnectReason.CLIENT_ERROR,
          "unknown topic alias " + alias);
    }
    return known;
  }
}
