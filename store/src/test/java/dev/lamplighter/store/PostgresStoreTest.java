package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.Thing;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
}
