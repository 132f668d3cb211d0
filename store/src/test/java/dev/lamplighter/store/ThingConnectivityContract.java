package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.MqttConnection;
import dev.lamplighter.registry.NewThing;
import dev.lamplighter.registry.ThingConnectivity;
import dev.lamplighter.registry.ThingConnectivityService;
import dev.lamplighter.registry.spi.ThingConnectivityRepository;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Things' connectivity on the store: what the registry records from connect and disconnect reports,
 * the change log entries it appends, late reports, and the repository's compare-and-set.
 */
abstract class ThingConnectivityContract extends ContractSupport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MqttConnection FIRST = new MqttConnection(1_000, 1);
  private static final MqttConnection SECOND = new MqttConnection(2_000, 2);

  private ThingConnectivityService connectivity() {
    return registry().thingConnectivity();
  }

  private ThingConnectivityRepository repository() {
    return store().registryPorts().thingConnectivity();
  }

  private Scope scopeWithThing(String name) {
    Scope scope = newScope();
    registry().things().create(scope, new NewThing(name, null, null, null));
    return scope;
  }

  private List<ChangeEvent> logOf(Scope scope, long after) {
    return logAfter(after).stream().filter(event -> event.scope().equals(scope)).toList();
  }

  @Test
  void recordConnected_storesTheConnection_andLogsConnected_withoutChangingTheThing()
      throws IOException {
    Scope scope = scopeWithThing("lamp-1");
    long head = logHead();

    boolean recorded = connectivity().recordConnected(scope, "lamp-1", FIRST);

    assertThat(recorded).isTrue();
    assertThat(connectivity().describe(scope, "lamp-1"))
        .contains(new ThingConnectivity(true, 1_000, null, FIRST));
    assertThat(registry().things().describe(scope, "lamp-1").version()).isEqualTo(1);
    List<ChangeEvent> log = logOf(scope, head);
    assertThat(log)
        .extracting(ChangeEvent::type, ChangeEvent::name, ChangeEvent::kind)
        .containsExactly(tuple(ResourceType.THING, "lamp-1", ChangeKind.CONNECTED));
    JsonNode state = JSON.readTree(log.get(0).stateJson());
    assertThat(state.get("connected").asBoolean()).isTrue();
    assertThat(state.get("timestamp").asLong()).isEqualTo(1_000);
    assertThat(state.get("disconnectReason").isNull()).isTrue();
  }

  @Test
  void recordDisconnected_ofTheStoredConnection_storesTheReason_andLogsDisconnected()
      throws IOException {
    Scope scope = scopeWithThing("lamp-1");
    connectivity().recordConnected(scope, "lamp-1", FIRST);
    long head = logHead();

    boolean recorded =
        connectivity()
            .recordDisconnected(scope, "lamp-1", FIRST, 1_500, "CLIENT_INITIATED_DISCONNECT");

    assertThat(recorded).isTrue();
    assertThat(connectivity().describe(scope, "lamp-1"))
        .contains(new ThingConnectivity(false, 1_500, "CLIENT_INITIATED_DISCONNECT", FIRST));
    List<ChangeEvent> log = logOf(scope, head);
    assertThat(log).extracting(ChangeEvent::kind).containsExactly(ChangeKind.DISCONNECTED);
    JsonNode state = JSON.readTree(log.get(0).stateJson());
    assertThat(state.get("connected").asBoolean()).isFalse();
    assertThat(state.get("timestamp").asLong()).isEqualTo(1_500);
    assertThat(state.get("disconnectReason").asText()).isEqualTo("CLIENT_INITIATED_DISCONNECT");
  }

  @Test
  void lateDisconnectOfAnOlderConnection_leavesTheNewerConnect_andLogsNothing() {
    Scope scope = scopeWithThing("lamp-1");
    connectivity().recordConnected(scope, "lamp-1", FIRST);
    connectivity().recordConnected(scope, "lamp-1", SECOND);
    long head = logHead();

    boolean recorded =
        connectivity().recordDisconnected(scope, "lamp-1", FIRST, 2_500, "DUPLICATE_CLIENTID");

    assertThat(recorded).isFalse();
    assertThat(connectivity().describe(scope, "lamp-1"))
        .contains(new ThingConnectivity(true, 2_000, null, SECOND));
    assertThat(logOf(scope, head)).isEmpty();
  }

  @Test
  void connectOfANewerConnection_afterADisconnect_isConnectedAgain() {
    Scope scope = scopeWithThing("lamp-1");
    connectivity().recordConnected(scope, "lamp-1", FIRST);
    connectivity().recordDisconnected(scope, "lamp-1", FIRST, 1_500, "CONNECTION_LOST");

    assertThat(connectivity().recordConnected(scope, "lamp-1", SECOND)).isTrue();

    assertThat(connectivity().describe(scope, "lamp-1"))
        .contains(new ThingConnectivity(true, 2_000, null, SECOND));
  }

  @Test
  void theSameReportTwice_isRecordedOnce() {
    Scope scope = scopeWithThing("lamp-1");
    long head = logHead();

    connectivity().recordConnected(scope, "lamp-1", FIRST);
    boolean again = connectivity().recordConnected(scope, "lamp-1", FIRST);
    connectivity().recordDisconnected(scope, "lamp-1", FIRST, 1_500, "MQTT_KEEP_ALIVE_TIMEOUT");
    boolean disconnectAgain =
        connectivity().recordDisconnected(scope, "lamp-1", FIRST, 1_600, "CONNECTION_LOST");

    assertThat(again).isFalse();
    assertThat(disconnectAgain).isFalse();
    assertThat(connectivity().describe(scope, "lamp-1"))
        .contains(new ThingConnectivity(false, 1_500, "MQTT_KEEP_ALIVE_TIMEOUT", FIRST));
    assertThat(logOf(scope, head))
        .extracting(ChangeEvent::kind)
        .containsExactly(ChangeKind.CONNECTED, ChangeKind.DISCONNECTED);
  }

  @Test
  void aClientIdThatIsNoThing_isIgnored() {
    Scope scope = scopeWithThing("lamp-1");
    long head = logHead();

    boolean connected = connectivity().recordConnected(scope, "not-a-thing", FIRST);
    boolean disconnected =
        connectivity().recordDisconnected(scope, "not-a-thing", FIRST, 1_500, "CONNECTION_LOST");

    assertThat(connected).isFalse();
    assertThat(disconnected).isFalse();
    assertThat(connectivity().describe(scope, "not-a-thing")).isEmpty();
    assertThat(logOf(scope, head)).isEmpty();
  }

  @Test
  void connectivity_isKeptPerScope() {
    Scope first = scopeWithThing("lamp-1");
    Scope second = newScope();
    registry().things().create(second, new NewThing("lamp-1", null, null, null));

    connectivity().recordConnected(first, "lamp-1", FIRST);

    assertThat(connectivity().describe(first, "lamp-1")).isPresent();
    assertThat(connectivity().describe(second, "lamp-1")).isEmpty();
  }

  @Test
  void deletingTheThing_removesItsConnectivity() {
    Scope scope = scopeWithThing("lamp-1");
    connectivity().recordConnected(scope, "lamp-1", FIRST);

    registry().things().delete(scope, "lamp-1", null);

    assertThat(repository().find(scope, "lamp-1")).isEmpty();
    registry().things().create(scope, new NewThing("lamp-1", null, null, null));
    assertThat(connectivity().describe(scope, "lamp-1")).isEmpty();
  }

  @Test
  void replace_isACompareAndSet_onTheStateTheCallerRead() {
    Scope scope = scopeWithThing("lamp-1");
    ThingConnectivity first = ThingConnectivity.connected(FIRST);
    ThingConnectivity second = ThingConnectivity.connected(SECOND);
    ThingConnectivity lost = ThingConnectivity.disconnected(FIRST, 1_500, "CONNECTION_LOST");

    assertThat(tx(() -> repository().replace(scope, "lamp-1", null, first))).isTrue();
    // Another writer inserted first: an insert finds the row.
    assertThat(tx(() -> repository().replace(scope, "lamp-1", null, second))).isFalse();
    assertThat(tx(() -> repository().replace(scope, "lamp-1", first, lost))).isTrue();
    // The state read is gone: an update finds another row.
    assertThat(tx(() -> repository().replace(scope, "lamp-1", first, second))).isFalse();

    assertThat(repository().find(scope, "lamp-1")).contains(lost);
  }
}
