package dev.lamplighter.core.messaging;

import java.util.List;
import java.util.Objects;

/**
 * A message the server publishes (iot-data Publish).
 *
 * @param topic the topic name
 * @param payload the payload (empty when none was sent)
 * @param qos 0 or 1
 * @param retain whether to keep it as the topic's retained message
 * @param contentType MQTT 5 content type, or null
 * @param responseTopic MQTT 5 response topic, or null
 * @param correlationData MQTT 5 correlation data, or null
 * @param payloadUtf8 MQTT 5 payload format indicator, or null when not given
 * @param userProperties MQTT 5 user properties, in order
 * @param messageExpirySeconds MQTT 5 message expiry interval, or 0 for none
 */
public record OutgoingMessage(
    String topic,
    byte[] payload,
    int qos,
    boolean retain,
    String contentType,
    String responseTopic,
    byte[] correlationData,
    Boolean payloadUtf8,
    List<UserProperty> userProperties,
    long messageExpirySeconds) {
  public OutgoingMessage {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    userProperties = List.copyOf(userProperties);
  }

  /** A plain message without MQTT 5 properties. */
  public static OutgoingMessage of(String topic, byte[] payload, int qos, boolean retain) {
    return new OutgoingMessage(topic, payload, qos, retain, null, null, null, null, List.of(), 0);
  }

  /** One MQTT 5 user property. */
  public record UserProperty(String name, String value) {
    public UserProperty {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }
}
