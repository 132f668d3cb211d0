package dev.lamplighter.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamplighter.broker.extension.ClientInfo;
import dev.lamplighter.broker.extension.DisconnectReason;
import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.broker.extension.ProtocolVersion;
import dev.lamplighter.testkit.MutableClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleEventsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NAMESPACE = "111122223333:eu-west-1";

  private final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
  private final List<Message> published = new ArrayList<>();
  private final List<String> namespaces = new ArrayList<>();
  private final LifecycleEvents events =
      new LifecycleEvents(
          (namespace, message) -> {
            namespaces.add(namespace);
            published.add(message);
          },
          clock);

  private static ClientInfo client(String clientId) {
    return new ClientInfo(
        NAMESPACE, clientId, "c0ffee", "session-1", "192.0.2.7", ProtocolVersion.MQTT_5, 0, 3);
  }

  private JsonNode only(String topic) throws Exception {
    assertThat(published).hasSize(1);
    Message message = published.get(0);
    assertThat(message.topic()).isEqualTo(topic);
    assertThat(message.qos()).isEqualTo(1);
    assertThat(message.retain()).isFalse();
    assertThat(namespaces).containsExactly(NAMESPACE);
    return JSON.readTree(message.payload());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void connected_publishesAwsPresenceEvent() throws Exception {
    events.connected(client("lamp-1"));

    JsonNode event = only("$aws/events/presence/connected/lamp-1");
    assertThat(fieldNames(event))
        .containsExactly(
            "clientId",
            "timestamp",
            "eventType",
            "sessionIdentifier",
            "principalIdentifier",
            "ipAddress",
            "versionNumber");
    assertThat(event.get("clientId").asText()).isEqualTo("lamp-1");
    assertThat(event.get("timestamp").asLong()).isEqualTo(clock.millis());
    assertThat(event.get("eventType").asText()).isEqualTo("connected");
    assertThat(event.get("sessionIdentifier").asText()).isEqualTo("session-1");
    assertThat(event.get("principalIdentifier").asText()).isEqualTo("c0ffee");
    assertThat(event.get("ipAddress").asText()).isEqualTo("192.0.2.7");
    assertThat(event.get("versionNumber").asLong()).isEqualTo(3);
  }

  @Test
  void disconnected_carriesReasonAndWhoInitiated() throws Exception {
    events.disconnected(client("lamp-1"), DisconnectReason.MQTT_KEEP_ALIVE_TIMEOUT, false);

    JsonNode event = only("$aws/events/presence/disconnected/lamp-1");
    assertThat(fieldNames(event))
        .containsExactly(
            "clientId",
            "timestamp",
            "eventType",
            "sessionIdentifier",
            "principalIdentifier",
            "clientInitiatedDisconnect",
            "disconnectReason",
            "versionNumber");
    assertThat(event.get("eventType").asText()).isEqualTo("disconnected");
    assertThat(event.get("clientInitiatedDisconnect").isBoolean()).isTrue();
    assertThat(event.get("clientInitiatedDisconnect").asBoolean()).isFalse();
    assertThat(event.get("disconnectReason").asText()).isEqualTo("MQTT_KEEP_ALIVE_TIMEOUT");
  }

  @Test
  void subscribed_andUnsubscribed_listTheTopics() throws Exception {
    events.subscribed(client("lamp-1"), List.of("things/lamp-1/#", "fleet/broadcast"));

    JsonNode event = only("$aws/events/subscriptions/subscribed/lamp-1");
    assertThat(fieldNames(event))
        .containsExactly(
            "clientId",
            "timestamp",
            "eventType",
            "sessionIdentifier",
            "principalIdentifier",
            "topics");
    assertThat(event.get("eventType").asText()).isEqualTo("subscribed");
    assertThat(event.get("topics"))
        .extracting(JsonNode::asText)
        .containsExactly("things/lamp-1/#", "fleet/broadcast");

    published.clear();
    namespaces.clear();
    events.unsubscribed(client("lamp-1"), List.of("fleet/broadcast"));
    JsonNode gone = only("$aws/events/subscriptions/unsubscribed/lamp-1");
    assertThat(gone.get("eventType").asText()).isEqualTo("unsubscribed");
  }

  @Test
  void clientIdWithWildcards_getsNoEvents() {
    events.connected(client("odd+id"));
    events.connected(client("odd#id"));

    assertThat(published).isEmpty();
  }
}
