package dev.lamplighter.core.messaging;

import java.util.List;

/**
 * GetRetainedMessage's answer.
 *
 * @param topic the topic
 * @param payload the payload
 * @param qos the QoS it was published with
 * @param lastModifiedTimeMillis when it was retained (epoch milliseconds)
 * @param userProperties MQTT 5 user properties it was published with
 */
public record RetainedMessageDetails(
    String topic,
    byte[] payload,
    int qos,
    long lastModifiedTimeMillis,
    List<OutgoingMessage.UserProperty> userProperties) {
  public RetainedMessageDetails {
    userProperties = List.copyOf(userProperties);
  }
}
