package dev.lamplighter.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.lamplighter.broker.extension.ClientInfo;
import dev.lamplighter.broker.extension.DisconnectReason;
import dev.lamplighter.broker.extension.ProtocolVersion;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.MqttConnection;
import dev.lamplighter.registry.ThingConnectivity;
import dev.lamplighter.registry.ThingConnectivityService;
import dev.lamplighter.testkit.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ConnectivityRecorderTest {
  private static final String NAMESPACE = "111122223333:eu-west-1";
  private static final Scope SCOPE = Scope.of("111122223333", "eu-west-1");

  private final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
  private final Recording service = new Recording();

  /** What the recorder asked of the registry, and on which thread. */
  private record Report(
      Scope scope,
      String thingName,
      MqttConnection connection,
      Long disconnectedAt,
      String reason,
      String thread) {}

  private static final class Recording implements ThingConnectivityService {
    final List<Report> reports = new CopyOnWriteArrayList<>();
    volatile boolean failNext;

    @Override
    public Optional<ThingConnectivity> describe(Scope scope, String thingName) {
      return Optional.empty();
    }

    @Override
    public boolean recordConnected(Scope scope, String thingName, MqttConnection connection) {
      return add(new Report(scope, thingName, connection, null, null, thread()));
    }

    @Override
    public boolean recordDisconnected(
        Scope scope,
        String thingName,
        MqttConnection connection,
        long disconnectedAt,
        String reason) {
      return add(new Report(scope, thingName, connection, disconnectedAt, reason, thread()));
    }

    private boolean add(Report report) {
      if (failNext) {
        failNext = false;
        throw new IllegalStateException("the store is down");
      }
      reports.add(report);
      return true;
    }

    private static String thread() {
      return Thread.currentThread().getName();
    }
  }

  private static ClientInfo client(String namespace, String clientId, long connectedAt, long v) {
    return new ClientInfo(
        namespace,
        clientId,
        "c0ffee",
        "session-" + v,
        "192.0.2.7",
        ProtocolVersion.MQTT_5,
        connectedAt,
        v);
  }

  @Test
  void connectAndDisconnect_areRecordedOffTheCallingThread_inTheConnectionsScope() {
    ConnectivityRecorder recorder = new ConnectivityRecorder(service, clock, 2);
    long connectedAt = clock.millis();
    ClientInfo lamp = client(NAMESPACE, "lamp-1", connectedAt, 3);

    recorder.connected(lamp);
    clock.advance(Duration.ofSeconds(90));
    recorder.disconnected(lamp, DisconnectReason.MQTT_KEEP_ALIVE_TIMEOUT, false);
    recorder.close();

    MqttConnection connection = new MqttConnection(connectedAt, 3);
    assertThat(service.reports)
        .extracting(Report::scope, Report::thingName, Report::connection, Report::reason)
        .containsExactly(
            tuple(SCOPE, "lamp-1", connection, null),
            tuple(SCOPE, "lamp-1", connection, "MQTT_KEEP_ALIVE_TIMEOUT"));
    assertThat(service.reports.get(1).disconnectedAt()).isEqualTo(connectedAt + 90_000);
    assertThat(service.reports)
        .extracting(Report::thread)
        .allSatisfy(thread -> assertThat(thread).startsWith("gateway-connectivity-"))
        .doesNotContain(Thread.currentThread().getName());
  }

  @Test
  void reportsOfOneClient_areRecordedInTheOrderTheBrokerMadeThem() {
    ConnectivityRecorder recorder = new ConnectivityRecorder(service, clock, 4);
    for (int version = 1; version <= 50; version++) {
      ClientInfo lamp = client(NAMESPACE, "lamp-1", version, version);
      recorder.connected(lamp);
      recorder.disconnected(lamp, DisconnectReason.CONNECTION_LOST, false);
    }
    recorder.close();

    assertThat(service.reports).hasSize(100);
    for (int i = 0; i < 100; i++) {
      Report report = service.reports.get(i);
      assertThat(report.connection().version()).isEqualTo(i / 2 + 1);
      assertThat(report.reason()).isEqualTo(i % 2 == 0 ? null : "CONNECTION_LOST");
    }
  }

  @Test
  void aFailedWrite_isLogged_andLaterReportsAreStillRecorded() {
    ConnectivityRecorder recorder = new ConnectivityRecorder(service, clock, 1);
    service.failNext = true;

    recorder.connected(client(NAMESPACE, "lamp-1", 1, 1));
    recorder.connected(client(NAMESPACE, "lamp-2", 2, 1));
    recorder.close();

    assertThat(service.reports).extracting(Report::thingName).containsExactly("lamp-2");
  }

  @Test
  void aNamespaceThatIsNoScope_isIgnored() {
    ConnectivityRecorder recorder = new ConnectivityRecorder(service, clock, 1);

    recorder.connected(client("test-namespace", "lamp-1", 1, 1));
    recorder.close();

    assertThat(service.reports).isEmpty();
  }

  @Test
  void reportsAfterClose_areDropped_withoutThrowing() {
    ConnectivityRecorder recorder = new ConnectivityRecorder(service, clock, 1);
    recorder.close();

    recorder.disconnected(
        client(NAMESPACE, "lamp-1", 1, 1), DisconnectReason.SERVER_INITIATED_DISCONNECT, false);

    assertThat(service.reports).isEmpty();
  }
}
