package dev.lamplighter.gateway.messaging;

import dev.lamplighter.broker.BrokerSettings;
import dev.lamplighter.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;

/**
 * What iot-data's Publish accepts, as AWS checks it: a non-empty topic name without wildcards, at
 * most the topic byte and slash limits (the {@code $aws/rules/{ruleName}/} prefix of Basic Ingest
 * does not count towards the slashes), QoS 0 or 1, a payload within the payload limit. The limits
 * are the broker's, so HTTP and MQTT publishers meet the same ones.
 */
final class PublishLimits {
  private static final String BASIC_INGEST = "$aws/rules/";

  private final int maxTopicBytes;
  private final int maxTopicSlashes;
  private final int maxPayloadBytes;

  PublishLimits(BrokerSettings settings) {
    this.maxTopicBytes = settings.maxTopicBytes();
    this.maxTopicSlashes = settings.maxTopicSlashes();
    this.maxPayloadBytes = settings.maxPayloadBytes();
  }

  /** Checks a topic name, as for Publish and GetRetainedMessage. */
  void checkTopic(String topic) {
    if (topic == null || topic.isEmpty()) {
      throw ErrorCode.INVALID_REQUEST.exception("The topic must not be empty.");
    }
    if (topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "The topic %s contains a wildcard (+ or #); publish to a topic name.", topic);
    }
    if (topic.indexOf('\u0000') >= 0) {
      throw ErrorCode.INVALID_REQUEST.exception("The topic must not contain a null character.");
    }
    int bytes = topic.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > maxTopicBytes) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "The topic is %d bytes long; the limit is %d bytes.", bytes, maxTopicBytes);
    }
    int slashes = slashes(countedPart(topic));
    if (slashes > maxTopicSlashes) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "The topic has %d forward slashes; the limit is %d.", slashes, maxTopicSlashes);
    }
  }

  /** Checks a message to publish. */
  void checkPublish(String topic, int qos, byte[] payload) {
    checkTopic(topic);
    if (qos != 0 && qos != 1) {
      throw ErrorCode.INVALID_REQUEST.exception("The qos must be 0 or 1, not %d.", qos);
    }
    if (payload.length > maxPayloadBytes) {
      throw ErrorCode.REQUEST_TOO_LARGE.exception(
          "The payload is %d bytes; the limit is %d bytes.", payload.length, maxPayloadBytes);
    }
  }

  /** The topic without the Basic Ingest prefix {@code $aws/rules/{ruleName}/}. */
  private static String countedPart(String topic) {
    if (!topic.startsWith(BASIC_INGEST)) {
      return topic;
    }
    int ruleEnd = topic.indexOf('/', BASIC_INGEST.length());
    return ruleEnd < 0 ? "" : topic.substring(ruleEnd + 1);
  }

  private static int slashes(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '/') {
        count++;
      }
    }
    return count;
  }
}
