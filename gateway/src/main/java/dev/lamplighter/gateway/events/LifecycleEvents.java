package dev.lamplighter.gateway.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.broker.extension.ClientInfo;
import dev.lamplighter.broker.extension.DisconnectReason;
import dev.lamplighter.broker.extension.LifecycleListener;
import dev.lamplighter.broker.extension.Message;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS IoT's lifecycle events, published in the client's namespace with the JSON AWS documents:
 *
 * <ul>
 *   <li>{@code $aws/events/presence/connected/{clientId}}: clientId, timestamp, eventType
 *       "connected", sessionIdentifier, principalIdentifier, ipAddress, versionNumber;
 *   <li>{@code $aws/events/presence/disconnected/{clientId}}: clientId, timestamp, eventType
 *       "disconnected", sessionIdentifier, principalIdentifier, clientInitiatedDisconnect,
 *       disconnectReason, versionNumber (AWS's example carries no ipAddress here);
 *   <li>{@code $aws/events/subscriptions/subscribed/{clientId}} and {@code …/unsubscribed/…}:
 *       clientId, timestamp, eventType, sessionIdentifier, principalIdentifier, topics.
 * </ul>
 *
 * <p>Published at QoS 1: AWS promises each event at least once (duplicates possible), which is what
 * QoS 1 gives a subscriber. A client id with {@code +} or {@code #} gets no events, as on AWS: it
 * cannot be part of a topic name.
 *
 * <p>Threading: called on the connection's event loop; builds a small JSON document and hands it to
 * the non-blocking sink.
 */
public final class LifecycleEvents implements LifecycleListener {
  private static final Logger LOG = LoggerFactory.getLogger(LifecycleEvents.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int QOS = 1;

  private final EventSink sink;
  private final Clock clock;

  public LifecycleEvents(EventSink sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
  }

  @Override
  public void connected(ClientInfo client) {
    ObjectNode event = header(client, "connected");
    event.put("ipAddress", client.ipAddress());
    event.put("versionNumber", client.version());
    publish(client, "$aws/events/presence/connected/", event);
  }

  @Override
  public void disconnected(ClientInfo client, DisconnectReason reason, boolean clientInitiated) {
    ObjectNode event = header(client, "disconnected");
    event.put("clientInitiatedDisconnect", clientInitiated);
    event.put("disconnectReason", reason.name());
    event.put("versionNumber", client.version());
    publish(client, "$aws/events/presence/disconnected/", event);
  }

  @Override
  public void subscribed(ClientInfo client, List<String> topicFilters) {
    publish(
        client,
        "$aws/events/subscriptions/subscribed/",
        topics(client, "subscribed", topicFilters));
  }

  @Override
  public void unsubscribed(ClientInfo client, List<String> topicFilters) {
    publish(
        client,
        "$aws/events/subscriptions/unsubscribed/",
        topics(client, "unsubscribed", topicFilters));
  }

  private ObjectNode topics(ClientInfo client, String eventType, List<String> topicFilters) {
    ObjectNode event = header(client, eventType);
    ArrayNode topics = event.putArray("topics");
    topicFilters.forEach(topics::add);
    return event;
  }

  private ObjectNode header(ClientInfo client, String eventType) {
    ObjectNode event = JSON.createObjectNode();
    event.put("clientId", client.clientId());
    event.put("timestamp", clock.millis());
    event.put("eventType", eventType);
    event.put("sessionIdentifier", client.sessionId());
    event.put("principalIdentifier", client.principal());
    return event;
  }

  private void publish(ClientInfo client, String topicPrefix, ObjectNode event) {
    String clientId = client.clientId();
    if (clientId.indexOf('+') >= 0 || clientId.indexOf('#') >= 0) {
      return;
    }
    byte[] payload;
    try {
      payload = JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serializes", e);
    }
    try {
      sink.publish(client.namespace(), Message.of(topicPrefix + clientId, payload, QOS, false));
    } catch (RuntimeException e) {
      // An event lost must not break the connection whose event it was.
      LOG.warn("Publishing the {} event of [{}] failed", event.get("eventType"), clientId, e);
    }
  }
}
