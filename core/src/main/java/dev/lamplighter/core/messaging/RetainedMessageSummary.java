package dev.lamplighter.core.messaging;

/**
 * One entry of ListRetainedMessages.
 *
 * @param topic the topic
 * @param payloadSize the payload's size in bytes
 * @param qos the QoS it was published with
 * @param lastModifiedTimeMillis when it was retained (epoch milliseconds)
 */
public record RetainedMessageSummary(
    String topic, long payloadSize, int qos, long lastModifiedTimeMillis) {}
