package dev.lamplighter.broker.extension;

import java.util.List;
import java.util.Objects;

/**
 * An application message: what a client or the embedder publishes and subscribers receive. The
 * payload array is owned by the message and must not be changed after construction.
 *
 * @param topic the topic name, without wildcards
 * @param payload the payload bytes
 * @param qos 0 or 1
 * @param retain whether the broker keeps it as the topic's retained message
 * @param properties MQTT 5 properties carried to subscribers (none for MQTT 3.1.1)
 */
public record Message(
    String topic, byte[] payload, int qos, boolean retain, MessageProperties properties) {
  public Message {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(payload, "payload");
    if (qos < 0 || qos > 1) {
      throw new IllegalArgumentException("qos must be 0 or 1");
    }
    Objects.requireNonNull(properties, "properties");
  }

  /** A message without MQTT 5 properties. */
  public static Message of(String topic, byte[] payload, int qos, boolean retain) {
    return new Message(topic, payload, qos, retain, MessageProperties.NONE);
  }

  /** The same message with another retain flag (subscribers see it cleared on live delivery). */
  public Message withRetain(boolean retain) {
    return retain == this.retain ? this : new Message(topic, payload, qos, retain, properties);
  }

  /** The same message with another QoS (delivery at the lower of published and granted). */
  public Message withQos(int qos) {
    return qos == this.qos ? this : new Message(topic, payload, qos, retain, properties);
  }

  /**
   * MQTT 5 publish properties the broker forwards.
   *
   * @param payloadUtf8 the payload format indicator (true: UTF-8 text), or null when not sent
   * @param contentType the content type, or null
   * @param responseTopic the response topic, or null
   * @param correlationData the correlation data, or null
   * @param userProperties user properties, in order, names may repeat
   * @param expiresAtMillis epoch millisecond the message expires at, or 0 for never
   */
  public record MessageProperties(
      Boolean payloadUtf8,
      String contentType,
      String responseTopic,
      byte[] correlationData,
      List<UserProperty> userProperties,
      long expiresAtMillis) {
    public static final MessageProperties NONE =
        new MessageProperties(null, null, null, null, List.of(), 0);

    public MessageProperties {
      userProperties = List.copyOf(userProperties);
    }

    /** Whether the message has expired at {@code nowMillis}. */
    public boolean expiredAt(long nowMillis) {
      return expiresAtMillis != 0 && nowMillis >= expiresAtMillis;
    }
  }

  /** One MQTT 5 user property. */
  public record UserProperty(String name, String value) {
    public UserProperty {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }
}
