package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.Thing;
import dev.lamplighter.security.spi.StoredServerCa;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What is particular to the PostgreSQL store: connecting, and several nodes on one database. */
class PostgresStoreTest {
  private static final Scope SCOPE = Scope.of("123456789012", "eu-west-1");
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static void createThing(Store store, String name) {
    Thing thing = new Thing(name, "id-" + name, null, Map.of(), 1, null, NOW, NOW);
    store
        .transactions()
        .inTransaction(
            () -> {
              store.registryPorts().things().insert(SCOPE, thing);
              store
                  .changeLog()
                  .append(ChangeRecord.created(SCOPE, ResourceType.THING, name, thing));
            });
  }

  @Test
  void open_withNoServerListening_failsWithStoreException_withoutThePassword() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/db?user=u&password=hunter2";

    assertThatThrownBy(() -> Store.open(StoreConfig.of(url)))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("127.0.0.1:" + closedPort)
        .hasMessageNotContaining("hunter2")
        .satisfies(e -> assertThat(((StoreException) e).sqlState()).isNotBlank());
  }

  @Test
  void twoNodesOnOneDatabase_shareOneLog_inCommitOrder() throws Exception {
    String url = PostgresDatabases.create();
    int perNode = 30;
    try (Store first = Store.open(StoreConfig.of(url));
        Store second = Store.open(StoreConfig.of(url))) {
      assertThat(first.dialectName()).isEqualTo("postgresql");
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<?>> writers = new ArrayList<>();
        for (Store node : List.of(first, second)) {
          String prefix = node == first ? "first-" : "second-";
          writers.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < perNode; i++) {
                      createThing(node, prefix + i);
                    }
                  }));
        }
        for (Future<?> writer : writers) {
          writer.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }

      List<ChangeEvent> seenByFirst = first.changeLog().readAfter(0, 1000);
      assertThat(seenByFirst).hasSize(2 * perNode);
      assertThat(seenByFirst).extracting(ChangeEvent::sequence).isSorted().doesNotHaveDuplicates();
      assertThat(second.changeLog().readAfter(0, 1000)).isEqualTo(seenByFirst);
    }
  }

  private static StoredServerCa serverCa(String name) {
    return new StoredServerCa(
        name + "-root", name + "-issuing", new byte[] {1, 2}, new byte[] {3, 4}, NOW);
  }

  /** Sessions of the database that wait for a lock another transaction holds. */
  private static int sessionsWaitingOnALock(String url) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT count(*) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND wait_event_type = 'Lock'")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /**
   * Two nodes starting on a new database at once both find no server CA and both insert one. The
   * second insert waits on the first's uncommitted row, and once that commits inserts nothing: the
   * second node learns it lost and uses the first's CA.
   */
  @Test
  void serverCa_twoNodesInsertingAtOnce_exactlyOneWins() throws Exception {
    String url = PostgresDatabases.create();
    try (Store first = Store.open(StoreConfig.of(url));
        Store second = Store.open(StoreConfig.of(url))) {
      CountDownLatch firstInserted = new CountDownLatch(1);
      CountDownLatch commitFirst = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<Boolean> firstWon =
            pool.submit(
                () ->
                    first
                        .transactions()
                        .inTransaction(
                            () -> {
                              boolean won =
                                  first.securityPorts().serverCa().insertIfAbsent(serverCa("a"));
                              firstInserted.countDown();
                              awaitLatch(commitFirst);
                              return won;
                            }));
        assertThat(firstInserted.await(30, TimeUnit.SECONDS)).isTrue();
        Future<Boolean> secondWon =
            pool.submit(() -> second.securityPorts().serverCa().insertIfAbsent(serverCa("b")));

        await().atMost(Duration.ofSeconds(30)).until(() -> sessionsWaitingOnALock(url) == 1);
        assertThat(secondWon).isNotDone();
        commitFirst.countDown();

        assertThat(firstWon.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(secondWon.get(30, TimeUnit.SECONDS)).isFalse();
      } finally {
        commitFirst.countDown();
        pool.shutdownNow();
      }
      for (Store node : List.of(first, second)) {
        assertThat(node.securityPorts().serverCa().find())
            .hasValueSatisfying(ca -> assertThat(ca.rootPem()).isEqualTo("a-root"));
      }
    }
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the first transaction");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
