package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.security.spi.ServerCaRepository;
import dev.lamplighter.security.spi.StoredServerCa;
import dev.lamplighter.security.spi.StoredServerCertificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link ServerCaRepository}. The server CA is one row for the whole database, not
 * scoped, so every test opens stores on an empty database of its own.
 */
abstract class ServerCaRepositoryContract extends ContractSupport {
  private static final Instant CREATED = Instant.parse("2026-03-01T08:00:00.123456789Z");

  /** Every byte value, so that a store that treated the sealed bytes as text would be caught. */
  private static byte[] allBytes(int shift) {
    byte[] bytes = new byte[256];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i + shift);
    }
    return bytes;
  }

  private static StoredServerCa ca(String name) {
    return new StoredServerCa(
        "-----BEGIN CERTIFICATE-----\n" + name + "-root\n-----END CERTIFICATE-----\n",
        "-----BEGIN CERTIFICATE-----\n" + name + "-issuing\n-----END CERTIFICATE-----\n",
        allBytes(name.hashCode()),
        allBytes(name.hashCode() + 1),
        CREATED);
  }

  private static void assertSameCa(StoredServerCa actual, StoredServerCa expected) {
    assertThat(actual.rootPem()).isEqualTo(expected.rootPem());
    assertThat(actual.issuingPem()).isEqualTo(expected.issuingPem());
    assertThat(actual.sealedRootKey()).isEqualTo(expected.sealedRootKey());
    assertThat(actual.sealedIssuingKey()).isEqualTo(expected.sealedIssuingKey());
    assertThat(actual.createdAt()).isEqualTo(expected.createdAt());
  }

  private Store openEmpty() {
    return Store.open(fixture().newEmptyDatabase());
  }

  @Test
  void find_onANewDatabase_isEmpty() {
    try (Store store = openEmpty()) {
      assertThat(store.securityPorts().serverCa().find()).isEmpty();
      assertThat(store.securityPorts().serverCa().findServerCertificate()).isEmpty();
    }
  }

  @Test
  void insertIfAbsent_storesTheFirstCa_withItsSealedKeysUnchanged_andRefusesASecond() {
    try (Store store = openEmpty()) {
      ServerCaRepository repository = store.securityPorts().serverCa();
      StoredServerCa first = ca("first");

      assertThat(store.transactions().inTransaction(() -> repository.insertIfAbsent(first)))
          .isTrue();
      assertThat(store.transactions().inTransaction(() -> repository.insertIfAbsent(ca("second"))))
          .isFalse();

      assertSameCa(repository.find().orElseThrow(), first);
    }
  }

  @Test
  void insertIfAbsent_racingOnTwoStoresOfOneDatabase_storesExactlyOneCa() throws Exception {
    StoreConfig database = fixture().newEmptyDatabase();
    int perStore = 4;
    try (Store one = Store.open(database);
        Store two = Store.open(database)) {
      CyclicBarrier start = new CyclicBarrier(2 * perStore);
      List<Callable<Boolean>> racers = new ArrayList<>();
      List<StoredServerCa> candidates = new ArrayList<>();
      for (int i = 0; i < 2 * perStore; i++) {
        Store node = i % 2 == 0 ? one : two;
        StoredServerCa candidate = ca("node-" + i);
        candidates.add(candidate);
        racers.add(
            () -> {
              start.await(30, TimeUnit.SECONDS);
              return node.securityPorts().serverCa().insertIfAbsent(candidate);
            });
      }
      ExecutorService pool = Executors.newFixedThreadPool(racers.size());
      List<Boolean> won = new ArrayList<>();
      try {
        for (Future<Boolean> result : pool.invokeAll(racers)) {
          won.add(result.get(60, TimeUnit.SECONDS));
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(won).containsOnlyOnce(true);
      StoredServerCa winner = candidates.get(won.indexOf(true));
      assertSameCa(one.securityPorts().serverCa().find().orElseThrow(), winner);
      assertSameCa(two.securityPorts().serverCa().find().orElseThrow(), winner);
    }
  }

  @Test
  void putServerCertificate_storesIt_andReplacesThePreviousOne() {
    try (Store store = openEmpty()) {
      ServerCaRepository repository = store.securityPorts().serverCa();
      StoredServerCertificate first =
          new StoredServerCertificate(
              "chain-1", allBytes(0), "localhost,127.0.0.1", Instant.parse("2027-01-01T00:00:00Z"));
      StoredServerCertificate renewed =
          new StoredServerCertificate(
              "chain-2", allBytes(7), "lamps.example.com", Instant.parse("2028-01-01T00:00:00.5Z"));

      store.transactions().inTransaction(() -> repository.putServerCertificate(first));
      StoredServerCertificate stored = repository.findServerCertificate().orElseThrow();
      assertThat(stored.chainPem()).isEqualTo("chain-1");
      assertThat(stored.sealedKey()).isEqualTo(allBytes(0));
      assertThat(stored.hostNames()).isEqualTo("localhost,127.0.0.1");
      assertThat(stored.notAfter()).isEqualTo(first.notAfter());

      store.transactions().inTransaction(() -> repository.putServerCertificate(renewed));
      StoredServerCertificate replaced = repository.findServerCertificate().orElseThrow();
      assertThat(replaced.chainPem()).isEqualTo("chain-2");
      assertThat(replaced.sealedKey()).isEqualTo(allBytes(7));
      assertThat(replaced.hostNames()).isEqualTo("lamps.example.com");
      assertThat(replaced.notAfter()).isEqualTo(renewed.notAfter());
      assertThat(repository.find()).isEmpty();
    }
  }
}
