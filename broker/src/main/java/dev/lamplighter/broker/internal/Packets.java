package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.broker.extension.Message.MessageProperties;
import dev.lamplighter.broker.extension.Message.UserProperty;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnAckVariableHeader;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttSubAckPayload;
import io.netty.handler.codec.mqtt.MqttUnsubAckMessage;
import io.netty.handler.codec.mqtt.MqttUnsubAckPayload;
import java.util.ArrayList;
import java.util.List;

/** Builds the packets the broker sends and converts between packets and {@link Message}s. */
final class Packets {
  static final MqttMessage PINGRESP =
      new MqttMessage(
          new MqttFixedHeader(MqttMessageType.PINGRESP, false, MqttQoS.AT_MOST_ONCE, false, 0));

  private Packets() {}

  static MqttConnAckMessage connack(
      MqttConnectReturnCode code, boolean sessionPresent, MqttProperties properties) {
    return new MqttConnAckMessage(
        new MqttFixedHeader(MqttMessageType.CONNACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
        new MqttConnAckVariableHeader(code, sessionPresent, properties));
  }

  static MqttMessage puback(int packetId, byte reasonCode, boolean v5) {
    MqttFixedHeader header =
        new MqttFixedHeader(MqttMessageType.PUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0);
    if (!v5) {
      return new MqttMessage(header, MqttMessageIdVariableHeader.from(packetId));
    }
    return new MqttMessage(
        header,
        new MqttPubReplyMessageVariableHeader(packetId, reasonCode, MqttProperties.NO_PROPERTIES));
  }

  static MqttSubAckMessage suback(int packetId, List<Integer> codes) {
    return new MqttSubAckMessage(
        new MqttFixedHeader(MqttMessageType.SUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
        MqttMessageIdVariableHeader.from(packetId),
        new MqttSubAckPayload(codes));
  }

  static MqttUnsubAckMessage unsuback(int packetId, List<Short> codes, boolean v5) {
    return new MqttUnsubAckMessage(
        new MqttFixedHeader(MqttMessageType.UNSUBACK, false, MqttQoS.AT_MOST_ONCE, false, 0),
        MqttMessageIdVariableHeader.from(packetId),
        v5 ? new MqttUnsubAckPayload(codes) : null);
  }

  static MqttMessage disconnect(byte reasonCode) {
    return new MqttMessage(
        new MqttFixedHeader(MqttMessageType.DISCONNECT, false, MqttQoS.AT_MOST_ONCE, false, 0),
        new MqttReasonCodeAndPropertiesVariableHeader(reasonCode, MqttProperties.NO_PROPERTIES));
  }

  /**
   * A PUBLISH of {@code message}; MQTT 5 properties only for MQTT 5 clients, with the message
   * expiry counted down to what is left at {@code nowMillis}.
   */
  static MqttPublishMessage publish(
      Message message, int packetId, boolean dup, boolean v5, long nowMillis) {
    MqttProperties properties =
        v5 ? toProperties(message.properties(), nowMillis) : MqttProperties.NO_PROPERTIES;
    return new MqttPublishMessage(
        new MqttFixedHeader(
            MqttMessageType.PUBLISH, dup, MqttQoS.valueOf(message.qos()), message.retain(), 0),
        new MqttPublishVariableHeader(message.topic(), packetId, properties),
        Unpooled.wrappedBuffer(message.payload()));
  }

  /** The message a client published; the payload is copied out of the (pooled) buffer. */
  static Message fromPublish(
      String topic,
      ByteBuf payload,
      int qos,
      boolean retain,
      MqttProperties properties,
      long nowMillis) {
    byte[] bytes = ByteBufUtil.getBytes(payload);
    return new Message(topic, bytes, qos, retain, fromProperties(properties, nowMillis));
  }

  static MessageProperties fromProperties(MqttProperties properties, long nowMillis) {
    if (properties == null || properties.isEmpty()) {
      return MessageProperties.NONE;
    }
    Integer format = intValue(properties, MqttPropertyType.PAYLOAD_FORMAT_INDICATOR);
    Integer expiry = intValue(properties, MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL);
    MqttProperties.MqttProperty<?> contentType =
        properties.getProperty(MqttPropertyType.CONTENT_TYPE.value());
    MqttProperties.MqttProperty<?> responseTopic =
        properties.getProperty(MqttPropertyType.RESPONSE_TOPIC.value());
    MqttProperties.MqttProperty<?> correlation =
        properties.getProperty(MqttPropertyType.CORRELATION_DATA.value());
    List<UserProperty> user = new ArrayList<>();
    for (MqttProperties.MqttProperty<?> property :
        properties.getProperties(MqttPropertyType.USER_PROPERTY.value())) {
      if (property instanceof MqttProperties.UserProperties list) {
        for (MqttProperties.StringPair pair : list.value()) {
          user.add(new UserProperty(pair.key, pair.value));
        }
      } else if (property instanceof MqttProperties.UserProperty single) {
        user.add(new UserProperty(single.value().key, single.value().value));
      }
    }
    return new MessageProperties(
        format == null ? null : format == 1,
        contentType == null ? null : (String) contentType.value(),
        responseTopic == null ? null : (String) responseTopic.value(),
        correlation == null ? null : (byte[]) correlation.value(),
        user,
        expiry == null ? 0 : nowMillis + Integer.toUnsignedLong(expiry) * 1000);
  }

  static MqttProperties toProperties(MessageProperties message, long nowMillis) {
    if (message == MessageProperties.NONE) {
      return MqttProperties.NO_PROPERTIES;
    }
    MqttProperties properties = new MqttProperties();
    if (message.payloadUtf8() != null) {
      properties.add(
          new MqttProperties.IntegerProperty(
              MqttPropertyType.PAYLOAD_FORMAT_INDICATOR.value(), message.payloadUtf8() ? 1 : 0));
    }
    if (message.expiresAtMillis() != 0) {
      long left = Math.max(1, (message.expiresAtMillis() - nowMillis + 999) / 1000);
      properties.add(
          new MqttProperties.IntegerProperty(
              MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value(),
              (int) Math.min(left, Integer.MAX_VALUE)));
    }
    if (message.contentType() != null) {
      properties.add(
          new MqttProperties.StringProperty(
              MqttPropertyType.CONTENT_TYPE.value(), message.contentType()));
    }
    if (message.responseTopic() != null) {
      properties.add(
          new MqttProperties.StringProperty(
              MqttPropertyType.RESPONSE_TOPIC.value(), message.responseTopic()));
    }
    if (message.correlationData() != null) {
      properties.add(
          new MqttProperties.BinaryProperty(
              MqttPropertyType.CORRELATION_DATA.value(), message.correlationData()));
    }
    if (!message.userProperties().isEmpty()) {
      MqttProperties.UserProperties user = new MqttProperties.UserProperties();
      for (UserProperty property : message.userProperties()) {
        user.add(property.name(), property.value());
      }
      properties.add(user);
    }
    return properties;
  }

  static Integer intValue(MqttProperties properties, MqttPropertyType type) {
    MqttProperties.MqttProperty<?> property = properties.getProperty(type.value());
    return property == null ? null : (Integer) property.value();
  }
}
