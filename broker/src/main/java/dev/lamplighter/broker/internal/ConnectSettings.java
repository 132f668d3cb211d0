package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.BrokerSettings;
import dev.lamplighter.broker.extension.ConnectRefusal;
import dev.lamplighter.broker.extension.ConnectRequest;
import dev.lamplighter.broker.extension.DisconnectReason;
import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.broker.extension.ProtocolVersion;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttConnectVariableHeader;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a CONNECT asked for, brought within the broker's limits: the client id (assigned when
 * empty), keep-alive clamped to the broker's range, session expiry, the client's receive maximum
 * and packet size, and the will. Also the mapping from refusals to each version's CONNACK codes.
 */
final class ConnectSettings {
  static final int TOPIC_ALIAS_MAXIMUM = 8;

  /** The result of parsing: settings, or a refusal with the version to answer in. */
  record Parsed(
      ConnectSettings settings,
      ProtocolVersion version,
      String clientId,
      MqttConnectReturnCode refusal,
      String detail) {}

  private final ProtocolVersion version;
  private final String clientId;
  private final boolean assignedClientId;
  private final boolean cleanStart;
  private final int keepAliveSeconds;
  private final boolean keepAliveChanged;
  private final long sessionExpiryMillis;
  private final int receiveMaximum;
  private final int maxPacketToClient;
  private final Message will;
  private final MqttProperties willProperties;
  private final String username;
  private final BrokerSettings limits;

  private ConnectSettings(
      ProtocolVersion version,
      String clientId,
      boolean assignedClientId,
      boolean cleanStart,
      int keepAliveSeconds,
      boolean keepAliveChanged,
      long sessionExpiryMillis,
      int receiveMaximum,
      int maxPacketToClient,
      Message will,
      MqttProperties willProperties,
      String username,
      BrokerSettings limits) {
    this.version = version;
    this.clientId = clientId;
    this.assignedClientId = assignedClientId;
    this.cleanStart = cleanStart;
    this.keepAliveSeconds = keepAliveSeconds;
    this.keepAliveChanged = keepAliveChanged;
    this.sessionExpiryMillis = sessionExpiryMillis;
    this.receiveMaximum = receiveMaximum;
    this.maxPacketToClient = maxPacketToClient;
    this.will = will;
    this.willProperties = willProperties;
    this.username = username;
    this.limits = limits;
  }

  static Parsed parse(MqttConnectMessage packet, BrokerContext broker, PeerIdentity peer) {
    MqttConnectVariableHeader header = packet.variableHeader();
    BrokerSettings limits = broker.settings();
    if (header.version() != 4 && header.version() != 5) {
      return refused(
          ProtocolVersion.MQTT_3_1_1,
          null,
          MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION,
          "protocol level " + header.version() + " (only MQTT 3.1.1 and 5 are served)");
    }
    ProtocolVersion version = ProtocolVersion.ofLevel(header.version());
    boolean v5 = version == ProtocolVersion.MQTT_5;
    String clientId = packet.payload().clientIdentifier();
    boolean assigned = false;
    if (clientId.isEmpty()) {
      if (!v5 && !header.isCleanSession()) {
        return refused(
            version,
            clientId,
            MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED,
            "an empty client id needs a clean session");
      }
      clientId = "auto-" + broker.nextSessionId();
      assigned = true;
    }
    if (clientId.getBytes(StandardCharsets.UTF_8).length > limits.maxClientIdBytes()
        || clientId.indexOf('\uFFFD') >= 0
        || clientId.indexOf('\u0000') >= 0) {
      return refused(
          version,
          clientId,
          MqttConnectReturnCode.CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID,
          "client id longer than " + limits.maxClientIdBytes() + " bytes or not valid UTF-8");
    }
    int requested = header.keepAliveTimeSeconds();
    int min = (int) limits.minKeepAlive().toSeconds();
    int max = (int) limits.maxKeepAlive().toSeconds();
    int keepAlive = requested == 0 ? max : Math.max(min, Math.min(max, requested));
    MqttProperties properties = header.properties();
    long expiryMillis;
    if (v5) {
      Integer expiry = Packets.intValue(properties, MqttPropertyType.SESSION_EXPIRY_INTERVAL);
      long seconds = expiry == null ? 0 : Integer.toUnsignedLong(expiry);
      expiryMillis = Math.min(seconds * 1000, limits.sessionExpiry().toMillis());
    } else {
      expiryMillis = header.isCleanSession() ? 0 : limits.sessionExpiry().toMillis();
    }
    Integer clientReceiveMax =
        v5 ? Packets.intValue(properties, MqttPropertyType.RECEIVE_MAXIMUM) : null;
    int receiveMaximum =
        clientReceiveMax == null
            ? limits.maxInflightMessages()
            : Math.max(1, Math.min(limits.maxInflightMessages(), clientReceiveMax));
    Integer clientMaxPacket =
        v5 ? Packets.intValue(properties, MqttPropertyType.MAXIMUM_PACKET_SIZE) : null;
    Message will = null;
    MqttProperties willProperties = MqttProperties.NO_PROPERTIES;
    if (header.isWillFlag()) {
      String willTopic = packet.payload().willTopic();
      String problem = broker.topics().checkName(willTopic);
      if (problem != null) {
        return refused(
            version,
            clientId,
            v5
                ? MqttConnectReturnCode.CONNECTION_REFUSED_TOPIC_NAME_INVALID
                : MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED,
            "will topic: " + problem);
      }
      byte[] willPayload = packet.payload().willMessageInBytes();
      if (willPayload.length > limits.maxPayloadBytes()) {
        return refused(
            version,
            clientId,
            MqttConnectReturnCode.CONNECTION_REFUSED_PACKET_TOO_LARGE,
            "will payload over " + limits.maxPayloadBytes() + " bytes");
      }
      willProperties = v5 ? packet.payload().willProperties() : MqttProperties.NO_PROPERTIES;
      will =
          Packets.fromPublish(
              willTopic,
              Unpooled.wrappedBuffer(willPayload),
              Math.min(1, header.willQos()),
              header.isWillRetain(),
              willProperties,
              broker.nowMillis());
    }
    ConnectSettings settings =
        new ConnectSettings(
            version,
            clientId,
            assigned,
            header.isCleanSession(),
            keepAlive,
            keepAlive != requested,
            expiryMillis,
            receiveMaximum,
            clientMaxPacket == null ? 0 : clientMaxPacket,
            will,
            willProperties,
            header.hasUserName() ? packet.payload().userName() : null,
            limits);
    return new Parsed(settings, version, clientId, null, null);
  }

  private static Parsed refused(
      ProtocolVersion version, String clientId, MqttConnectReturnCode code, String detail) {
    return new Parsed(null, version, clientId, code, detail);
  }

  ConnectRequest request(PeerIdentity peer) {
    return new ConnectRequest(
        clientId,
        version,
        cleanStart,
        keepAliveSeconds,
        username,
        peer.certificates(),
        peer.address(),
        peer.serverName(),
        Optional.ofNullable(will),
        peer.transportIdentity());
  }

  MqttConnAckMessage connack(boolean sessionPresent) {
    if (version != ProtocolVersion.MQTT_5) {
      return Packets.connack(
          MqttConnectReturnCode.CONNECTION_ACCEPTED, sessionPresent, MqttProperties.NO_PROPERTIES);
    }
    MqttProperties properties = new MqttProperties();
    integer(properties, MqttPropertyType.MAXIMUM_QOS, 1);
    integer(properties, MqttPropertyType.RETAIN_AVAILABLE, 1);
    integer(properties, MqttPropertyType.RECEIVE_MAXIMUM, limits.maxInflightMessages());
    integer(properties, MqttPropertyType.MAXIMUM_PACKET_SIZE, limits.maxPacketBytes());
    integer(properties, MqttPropertyType.TOPIC_ALIAS_MAXIMUM, TOPIC_ALIAS_MAXIMUM);
    integer(properties, MqttPropertyType.WILDCARD_SUBSCRIPTION_AVAILABLE, 1);
    integer(properties, MqttPropertyType.SUBSCRIPTION_IDENTIFIER_AVAILABLE, 0);
    integer(properties, MqttPropertyType.SHARED_SUBSCRIPTION_AVAILABLE, 1);
    integer(
        properties,
        MqttPropertyType.SESSION_EXPIRY_INTERVAL,
        (int) Math.min(Integer.MAX_VALUE, sessionExpiryMillis / 1000));
    if (keepAliveChanged) {
      integer(properties, MqttPropertyType.SERVER_KEEP_ALIVE, keepAliveSeconds);
    }
    if (assignedClientId) {
      properties.add(
          new MqttProperties.StringProperty(
              MqttPropertyType.ASSIGNED_CLIENT_IDENTIFIER.value(), clientId));
    }
    return Packets.connack(MqttConnectReturnCode.CONNECTION_ACCEPTED, sessionPresent, properties);
  }

  private static void integer(MqttProperties properties, MqttPropertyType type, int value) {
    properties.add(new MqttProperties.IntegerProperty(type.value(), value));
  }

  /** The CONNACK code of a refusal for {@code version}. */
  static MqttConnectReturnCode code(ConnectRefusal refusal, ProtocolVersion version) {
    MqttConnectReturnCode v5 =
        switch (refusal) {
          case NOT_AUTHORIZED -> MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5;
          case BAD_CREDENTIALS -> MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD;
          case CLIENT_IDENTIFIER_NOT_VALID ->
              MqttConnectReturnCode.CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID;
          case SERVER_UNAVAILABLE -> MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5;
          case CONNECTION_RATE_EXCEEDED ->
              MqttConnectReturnCode.CONNECTION_REFUSED_CONNECTION_RATE_EXCEEDED;
        };
    return forVersion(v5, version);
  }

  static MqttConnectReturnCode notAuthorized(ProtocolVersion version) {
    return code(ConnectRefusal.NOT_AUTHORIZED, version);
  }

  /** Maps a code to the nearest one {@code version} has (MQTT 3.1.1 knows only 0x00-0x05). */
  static MqttConnectReturnCode forVersion(MqttConnectReturnCode code, ProtocolVersion version) {
    boolean v5Code = (code.byteValue() & 0x80) != 0;
    if (version == ProtocolVersion.MQTT_5) {
      return switch (code) {
        case CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION ->
            MqttConnectReturnCode.CONNECTION_REFUSED_UNSUPPORTED_PROTOCOL_VERSION;
        case CONNECTION_REFUSED_IDENTIFIER_REJECTED ->
            MqttConnectReturnCode.CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID;
        case CONNECTION_REFUSED_NOT_AUTHORIZED ->
            MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED_5;
        case CONNECTION_REFUSED_SERVER_UNAVAILABLE ->
            MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5;
        default -> code;
      };
    }
    if (!v5Code) {
      return code;
    }
    return switch (code) {
      case CONNECTION_REFUSED_CLIENT_IDENTIFIER_NOT_VALID ->
          MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED;
      case CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD ->
          MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD;
      case CONNECTION_REFUSED_NOT_AUTHORIZED_5, CONNECTION_REFUSED_TOPIC_NAME_INVALID ->
          MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED;
      case CONNECTION_REFUSED_UNSUPPORTED_PROTOCOL_VERSION ->
          MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION;
      default -> MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE;
    };
  }

  /** The MQTT 5 DISCONNECT reason the broker sends before closing for {@code reason}. */
  static Byte disconnectCode(DisconnectReason reason) {
    return switch (reason) {
      case DUPLICATE_CLIENTID -> MqttReasonCodes.Disconnect.SESSION_TAKEN_OVER.byteValue();
      case SERVER_INITIATED_DISCONNECT ->
          MqttReasonCodes.Disconnect.ADMINISTRATIVE_ACTION.byteValue();
      case FORBIDDEN_ACCESS -> MqttReasonCodes.Disconnect.NOT_AUTHORIZED.byteValue();
      case THROTTLED -> MqttReasonCodes.Disconnect.MESSAGE_RATE_TOO_HIGH.byteValue();
      case SERVER_ERROR -> MqttReasonCodes.Disconnect.UNSPECIFIED_ERROR.byteValue();
      default -> null;
    };
  }

  ProtocolVersion version() {
    return version;
  }

  String clientId() {
    return clientId;
  }

  boolean cleanStart() {
    return cleanStart;
  }

  int keepAliveSeconds() {
    return keepAliveSeconds;
  }

  long sessionExpiryMillis() {
    return sessionExpiryMillis;
  }

  int receiveMaximum() {
    return receiveMaximum;
  }

  int maxPacketToClient() {
    return maxPacketToClient;
  }

  Message will() {
    return will;
  }

  /** The will as published at {@code nowMillis}: an MQTT 5 message expiry counts from then. */
  Message willAt(long nowMillis) {
    if (will == null || willProperties.isEmpty()) {
      return will;
    }
    return new Message(
        will.topic(),
        will.payload(),
        will.qos(),
        will.retain(),
        Packets.fromProperties(willProperties, nowMillis));
  }
}
