package dev.lamplighter.gateway.shadow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeFollower;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.gateway.BrokerHandle;
import dev.lamplighter.gateway.Namespaces;
import java.util.List;

/**
 * Publishes what AWS IoT publishes for a stored shadow change, from the change log's SHADOW
 * entries: {@code update/accepted}, {@code update/delta} (when the entry carries one) and {@code
 * update/documents} for an update, {@code delete/accepted} for a delete, under the shadow's topic
 * prefix. Every node follows the log, so a device hears about a change made through any node; a
 * topic nobody subscribed to on this node costs nothing. Published at QoS 1, so persistent sessions
 * get what was published while they were away, after the client's {@code iot:Receive} check like
 * any message.
 *
 * <p>Threading: runs on its follower's thread.
 */
public final class ShadowMessages implements ChangeFollower.Consumer {
  private static final int QOS = 1;

  private final BrokerHandle broker;

  public ShadowMessages(BrokerHandle broker) {
    this.broker = broker;
  }

  @Override
  public void apply(List<ChangeEvent> batch) {
    for (ChangeEvent event : batch) {
      if (event.type() != ResourceType.SHADOW || event.stateJson() == null) {
        continue;
      }
      JsonNode state = read(event.stateJson());
      if (state == null) {
        continue;
      }
      String namespace = Namespaces.of(event.scope());
      String prefix = prefix(state);
      if (event.kind() == ChangeKind.DELETED) {
        publish(namespace, prefix + "/delete/accepted", state.get("accepted"));
      } else {
        publish(namespace, prefix + "/update/accepted", state.get("accepted"));
        publish(namespace, prefix + "/update/delta", state.get("delta"));
        publish(namespace, prefix + "/update/documents", state.get("documents"));
      }
    }
  }

  /** {@code $aws/things/{thingName}/shadow}, with {@code /name/{shadowName}} for a named one. */
  private static String prefix(JsonNode state) {
    String prefix = "$aws/things/" + state.path("thingName").asText() + "/shadow";
    JsonNode shadowName = state.get("shadowName");
    return shadowName == null || shadowName.isNull()
        ? prefix
        : prefix + "/name/" + shadowName.asText();
  }

  private void publish(String namespace, String topic, JsonNode document) {
    if (!(document instanceof ObjectNode object) || !broker.hasSubscribers(namespace, topic)) {
      return;
    }
    broker.publish(namespace, Message.of(topic, ShadowMqttApi.bytes(object), QOS, false));
  }

  private static JsonNode read(String json) {
    try {
      return ShadowMqttApi.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
