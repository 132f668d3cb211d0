package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.Thing;
import dev.lamplighter.registry.ThingQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to the SQLite store: its files, and several stores on one file. */
class SqliteStoreTest {
  private static final Scope SCOPE = Scope.of("123456789012", "eu-west-1");
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;

  private static Thing thing(String name) {
    return new Thing(name, "id-" + name, null, Map.of(), 1, null, NOW, NOW);
  }

  private static void createThing(Store store, String name) {
    store
        .transactions()
        .inTransaction(
            () -> {
              store.registryPorts().things().insert(SCOPE, thing(name));
              store
                  .changeLog()
                  .append(ChangeRecord.created(SCOPE, ResourceType.THING, name, thing(name)));
            });
  }

  @Test
  void open_createsTheDatabaseAndItsWalAndShm_readableByTheOwnerOnly() throws IOException {
    Path file = dir.resolve("lamplighter.db");
    try (Store store = Store.open(StoreConfig.sqlite(file))) {
      createThing(store, "lamp-1");

      for (String name :
          List.of(
              "lamplighter.db",
              "lamplighter.db-wal",
              "lamplighter.db-shm",
              "lamplighter.db-open.lock")) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))))
            .as(name)
            .isEqualTo("rw-------");
      }
      assertThat(store.dialectName()).isEqualTo("sqlite");
    }
  }

  @Test
  void open_createsMissingParentDirectories_forTheOwnerOnly() throws IOException {
    Path file = dir.resolve("data/store/lamplighter.db");

    try (Store store = Store.open(StoreConfig.sqlite(file))) {
      createThing(store, "lamp-1");
    }

    assertThat(Files.getPosixFilePermissions(dir.resolve("data")))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.getPosixFilePermissions(dir.resolve("data/store")))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(file).isRegularFile();
  }

  @Test
  void reopen_findsWhatWasCommitted() {
    Path file = dir.resolve("lamplighter.db");
    try (Store store = Store.open(StoreConfig.sqlite(file))) {
      createThing(store, "lamp-1");
    }

    try (Store store = Store.open(StoreConfig.sqlite(file).withSync(SyncMode.FULL))) {
      assertThat(store.registryPorts().things().find(SCOPE, "lamp-1")).contains(thing("lamp-1"));
      assertThat(store.changeLog().readAfter(0, 10))
          .extracting(ChangeEvent::name)
          .containsExactly("lamp-1");
    }
  }

  @Test
  void twoStoresOnOneFile_bothWrite_atTheSameTime() throws Exception {
    Path file = dir.resolve("lamplighter.db");
    int perStore = 30;
    try (Store server = Store.open(StoreConfig.sqlite(file));
        Store adminCommand = Store.open(StoreConfig.sqlite(file))) {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<?>> writers = new ArrayList<>();
        for (Store store : List.of(server, adminCommand)) {
          String prefix = store == server ? "server-" : "admin-";
          writers.add(
              pool.submit(
                  () -> {
                    for (int i = 0; i < perStore; i++) {
                      createThing(store, prefix + i);
                    }
                  }));
        }
        for (Future<?> writer : writers) {
          writer.get(60, TimeUnit.SECONDS);
        }
      } finally {
        pool.shutdownNow();
      }

      for (Store store : List.of(server, adminCommand)) {
        assertThat(store.registryPorts().things().list(SCOPE, ThingQuery.all(), null, 1000))
            .hasSize(2 * perStore);
        List<ChangeEvent> log = store.changeLog().readAfter(0, 1000);
        assertThat(log).hasSize(2 * perStore);
        assertThat(log).extracting(ChangeEvent::sequence).isSorted().doesNotHaveDuplicates();
      }
    }
  }

  @Test
  void storesOpeningANewFileAtOnce_allMigrateItAndWrite() throws Exception {
    for (int round = 0; round < 5; round++) {
      Path file = dir.resolve("new-" + round + ".db");
      int openers = 3;
      CyclicBarrier start = new CyclicBarrier(openers);
      ExecutorService pool = Executors.newFixedThreadPool(openers);
      List<Store> stores = new ArrayList<>();
      try {
        List<Future<Store>> opening = new ArrayList<>();
        for (int i = 0; i < openers; i++) {
          opening.add(
              pool.submit(
                  () -> {
                    start.await();
                    return Store.open(StoreConfig.sqlite(file));
                  }));
        }
        for (Future<Store> store : opening) {
          stores.add(store.get(60, TimeUnit.SECONDS));
        }
        for (int i = 0; i < stores.size(); i++) {
          createThing(stores.get(i), "lamp-" + i);
        }
        assertThat(stores.get(0).changeLog().readAfter(0, 10)).hasSize(openers);
      } finally {
        stores.forEach(Store::close);
        pool.shutdownNow();
      }
    }
  }
}
