package dev.lamplighter.gateway.auth;

import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.Registry;
import dev.lamplighter.registry.RegistryConfig;
import dev.lamplighter.security.MasterKey;
import dev.lamplighter.security.Security;
import dev.lamplighter.store.Store;
import dev.lamplighter.store.StoreConfig;
import dev.lamplighter.testkit.MutableClock;
import dev.lamplighter.testkit.SequentialIdSource;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/** The security and registry services on a real SQLite store, with a clock tests move. */
final class TestBackend implements AutoCloseable {
  static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
  private static final AtomicLong ACCOUNTS = new AtomicLong(100_000_000_000L);

  final MutableClock clock = new MutableClock(START);
  final Store store;
  final Registry registry;
  final Security security;

  TestBackend(Path dir) {
    store = Store.open(StoreConfig.sqlite(dir.resolve("store.db")), clock);
    SequentialIdSource ids = new SequentialIdSource();
    registry = Registry.create(store.registryPorts(), clock, ids, RegistryConfig.defaults());
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    security =
        Security.create(
            store.securityPorts(),
            MasterKey.fromBase64(Base64.getEncoder().encodeToString(key)),
            clock,
            ids,
            new SecureRandom(),
            registry);
  }

  /** A scope no other test uses. */
  static Scope newScope() {
    return Scope.of(Long.toString(ACCOUNTS.incrementAndGet()), "eu-west-1");
  }

  static String certificateArn(Scope scope, String certificateId) {
    return Arn.of(scope, ResourceType.CERTIFICATE, certificateId).toString();
  }

  static String groupArn(Scope scope, String group) {
    return Arn.of(scope, ResourceType.THING_GROUP, group).toString();
  }

  @Override
  public void close() {
    store.close();
  }
}
