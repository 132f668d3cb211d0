package dev.lamplighter.api.iotdata;

import java.util.List;

/**
 * Wire records of the iot-data messaging operations, named after the AWS model. Blobs are {@code
 * byte[]}, which travel as base64 text in JSON.
 */
final class MessagingShapes {
  private MessagingShapes() {}

  /**
   * Publish's input. {@code userProperties} is the JSON text of the header (the decoder has undone
   * its base64); {@code correlationData} is still base64 text, as the model types it a string.
   */
  record PublishRequest(
      String topic,
      Integer qos,
      Boolean retain,
      byte[] payload,
      String userProperties,
      String payloadFormatIndicator,
      String contentType,
      String responseTopic,
      String correlationData,
      Long messageExpiry) {}

  record ListRetainedMessagesRequest(String nextToken, Integer maxResults) {}

  record RetainedMessageSummary(String topic, long payloadSize, int qos, long lastModifiedTime) {}

  record ListRetainedMessagesResponse(
      List<RetainedMessageSummary> retainedTopics, String nextToken) {}

  record GetRetainedMessageRequest(String topic) {}

  /**
   * GetRetainedMessage's output: {@code lastModifiedTime} in epoch milliseconds, {@code
   * userProperties} the bytes of the JSON array (so base64 in the body), absent when there are
   * none.
   */
  record GetRetainedMessageResponse(
      String topic, byte[] payload, int qos, long lastModifiedTime, byte[] userProperties) {}

  record DeleteConnectionRequest(
      String clientId, Boolean cleanSession, Boolean preventWillMessage) {}
}
