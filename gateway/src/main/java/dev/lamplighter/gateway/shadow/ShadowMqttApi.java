package dev.lamplighter.gateway.shadow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.gateway.topics.ShadowTopics;
import dev.lamplighter.gateway.topics.TopicRequest;
import dev.lamplighter.shadow.ShadowId;
import dev.lamplighter.shadow.ShadowService;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Device Shadow service over MQTT: one call to the {@link ShadowService} per request. A get is
 * answered on {@code get/accepted} to the requesting client; an accepted update or delete is
 * published by {@link ShadowMessages} from the change log to every subscriber, on every node, once
 * it is stored. A refusal is answered on the operation's {@code rejected} topic with AWS's error
 * document: {@code {"code", "message", "timestamp", "clientToken"}}.
 */
public final class ShadowMqttApi implements ShadowTopics {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(ShadowMqttApi.class);
  private static final int TOO_MANY_REQUESTS = 429;

  private final ShadowService shadows;
  private final Clock clock;

  public ShadowMqttApi(ShadowService shadows, Clock clock) {
    this.shadows = shadows;
    this.clock = clock;
  }

  @Override
  public void get(TopicRequest request) {
    String clientToken = ShadowService.clientTokenOf(request.message().payload());
    try {
      ObjectNode document = shadows.get(request.scope(), id(request)).document(now());
      if (clientToken != null) {
        document.put("clientToken", clientToken);
      }
      request.reply(request.topic() + "/accepted", bytes(document));
    } catch (RuntimeException refused) {
      reject(request, clientToken, refused);
    }
  }

  /**
   * Does not wait for the store: the update joins the next group commit, in arrival order. Runs on
   * the event loop; its refusal is answered from the shadow writer's thread.
   */
  @Override
  public void update(TopicRequest request) {
    try {
      shadows
          .updateAsync(request.scope(), id(request), request.message().payload())
          .whenComplete(
              (accepted, refused) -> {
                if (refused != null) {
                  reject(request, clientToken(request), unwrap(refused));
                }
              });
    } catch (RuntimeException refused) {
      reject(request, clientToken(request), refused);
    }
  }

  private static String clientToken(TopicRequest request) {
    return ShadowService.clientTokenOf(request.message().payload());
  }

  private static RuntimeException unwrap(Throwable failure) {
    Throwable cause =
        failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException("the update failed", cause);
  }

  @Override
  public void delete(TopicRequest request) {
    String clientToken = ShadowService.clientTokenOf(request.message().payload());
    try {
      shadows.delete(request.scope(), id(request), clientToken);
    } catch (RuntimeException refused) {
      reject(request, clientToken, refused);
    }
  }

  @Override
  public void throttled(TopicRequest request) {
    rejected(
        request,
        ShadowService.clientTokenOf(request.message().payload()),
        TOO_MANY_REQUESTS,
        "Too many requests are in flight for this thing; try again.");
  }

  private static ShadowId id(TopicRequest request) {
    String shadowName = request.variables().get("shadowName");
    return ShadowId.of(request.variable("thingName"), shadowName);
  }

  private void reject(TopicRequest request, String clientToken, RuntimeException refused) {
    if (refused instanceof ServiceException known) {
      rejected(request, clientToken, known.code().httpStatus(), known.getMessage());
      return;
    }
    LOG.error("[{}] {} failed", request.client().clientId(), request.topic(), refused);
    rejected(
        request, clientToken, ErrorCode.INTERNAL_FAILURE.httpStatus(), "Internal service failure");
  }

  private void rejected(TopicRequest request, String clientToken, int code, String message) {
    ObjectNode error = MAPPER.createObjectNode();
    error.put("code", code);
    error.put("message", message);
    error.put("timestamp", now());
    if (clientToken != null) {
      error.put("clientToken", clientToken);
    }
    request.reply(request.topic() + "/rejected", bytes(error));
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  static byte[] bytes(ObjectNode document) {
    try {
      return MAPPER.writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
