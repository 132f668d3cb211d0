package dev.lamplighter.api.iotdata;

import dev.lamplighter.api.http.Call;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.iotdata.MessagingShapes.DeleteConnectionRequest;
import dev.lamplighter.api.iotdata.MessagingShapes.GetRetainedMessageRequest;
import dev.lamplighter.api.iotdata.MessagingShapes.GetRetainedMessageResponse;
import dev.lamplighter.api.iotdata.MessagingShapes.ListRetainedMessagesRequest;
import dev.lamplighter.api.iotdata.MessagingShapes.ListRetainedMessagesResponse;
import dev.lamplighter.api.iotdata.MessagingShapes.PublishRequest;
import dev.lamplighter.api.iotdata.MessagingShapes.RetainedMessageSummary;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.messaging.DeviceMessaging;
import dev.lamplighter.core.messaging.OutgoingMessage;
import dev.lamplighter.core.messaging.OutgoingMessage.UserProperty;
import dev.lamplighter.core.messaging.RetainedMessageDetails;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import java.util.Base64;
import java.util.List;

/**
 * Handlers of the iot-data messaging operations: decode, one call to {@link DeviceMessaging},
 * encode. What the wire model cannot say is decoded here: an empty topic label, the JSON of user
 * properties, base64 correlation data, and the payload format indicator's enum. Topic rules
 * (wildcards, length, reserved topics) and payload limits are the port's.
 */
final class MessagingOperations {
  /** The page size of ListRetainedMessages without {@code maxResults}. */
  static final int DEFAULT_RETAINED_PAGE = 50;

  private static final byte[] NO_PAYLOAD = new byte[0];
  private static final String UTF8_DATA = "UTF8_DATA";

  private final DeviceMessaging messaging;
  private final PageTokens pages;

  MessagingOperations(DeviceMessaging messaging, PageTokens pages) {
    this.messaging = messaging;
    this.pages = pages;
  }

  Object publish(Call call) {
    PublishRequest request = call.input(PublishRequest.class);
    messaging.publish(call.scope(), message(call, request));
    return null;
  }

  Object listRetained(Call call) {
    ListRetainedMessagesRequest request = call.input(ListRetainedMessagesRequest.class);
    PageRequest page =
        pages.request(call, request.maxResults(), request.nextToken(), DEFAULT_RETAINED_PAGE);
    Page<dev.lamplighter.core.messaging.RetainedMessageSummary> result =
        messaging.retainedMessages(call.scope(), page);
    return new ListRetainedMessagesResponse(
        result.items().stream()
            .map(
                m ->
                    new RetainedMessageSummary(
                        m.topic(), m.payloadSize(), m.qos(), m.lastModifiedTimeMillis()))
            .toList(),
        pages.next(call, result));
  }

  Object getRetained(Call call) {
    String topic = topic(call.input(GetRetainedMessageRequest.class).topic());
    RetainedMessageDetails message = messaging.retainedMessage(call.scope(), topic);
    return new GetRetainedMessageResponse(
        message.topic(),
        message.payload(),
        message.qos(),
        message.lastModifiedTimeMillis(),
        UserPropertiesJson.write(call.mapper(), message.userProperties()));
  }

  Object deleteConnection(Call call) {
    DeleteConnectionRequest request = call.input(DeleteConnectionRequest.class);
    messaging.deleteConnection(
        call.scope(),
        request.clientId(),
        Boolean.TRUE.equals(request.cleanSession()),
        Boolean.TRUE.equals(request.preventWillMessage()));
    return null;
  }

  private static OutgoingMessage message(Call call, PublishRequest request) {
    List<UserProperty> userProperties =
        request.userProperties() == null
            ? List.of()
            : UserPropertiesJson.read(call.mapper(), request.userProperties());
    return new OutgoingMessage(
        topic(request.topic()),
        request.payload() == null ? NO_PAYLOAD : request.payload(),
        request.qos() == null ? 0 : request.qos(),
        Boolean.TRUE.equals(request.retain()),
        request.contentType(),
        request.responseTopic(),
        correlationData(request.correlationData()),
        request.payloadFormatIndicator() == null
            ? null
            : request.payloadFormatIndicator().equals(UTF8_DATA),
        userProperties,
        messageExpiry(request.messageExpiry()));
  }

  /** The topic label; the route matches {@code /topics/} with an empty one, which AWS refuses. */
  private static String topic(String topic) {
    if (topic == null || topic.isEmpty()) {
      throw ErrorCode.INVALID_REQUEST.exception("The topic must not be empty.");
    }
    return topic;
  }

  private static byte[] correlationData(String base64) {
    if (base64 == null) {
      return null;
    }
    try {
      return Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "x-amz-mqtt5-correlation-data must be base64-encoded.");
    }
  }

  private static long messageExpiry(Long seconds) {
    if (seconds == null) {
      return 0;
    }
    if (seconds < 0) {
      throw ErrorCode.INVALID_REQUEST.exception("messageExpiry must not be negative: %d", seconds);
    }
    return seconds;
  }
}
