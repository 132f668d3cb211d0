package dev.lamplighter.store;

import dev.lamplighter.core.event.ChangeLog;
import dev.lamplighter.core.tx.Transactions;
import dev.lamplighter.index.spi.IndexPorts;
import dev.lamplighter.jobs.spi.JobsPorts;
import dev.lamplighter.registry.spi.RegistryPorts;
import dev.lamplighter.security.spi.SecurityPorts;
import dev.lamplighter.shadow.spi.ShadowPorts;
import dev.lamplighter.store.internal.StoreEngine;
import dev.lamplighter.tunnels.spi.TunnelPorts;
import java.time.Clock;

/**
 * An open store: the transaction boundary, the change log and the persistence ports of the domain
 * modules, all on one database.
 *
 * <p>Durability: when {@link Transactions#inTransaction} returns, the write and its change log
 * entries are committed and survive a crash of the process (on SQLite with {@link SyncMode#FULL},
 * also a power loss). Threading: every object handed out is safe for concurrent use; a transaction
 * belongs to the thread that started it. On SQLite write transactions take turns, so work inside
 * one must not wait for a write on another thread.
 *
 * <p>SQLite: the database file is created readable by its owner only. Several processes may open
 * the same file (an admin command beside a running server); their writers take turns.
 */
public final class Store implements AutoCloseable {
  private final StoreEngine engine;

  private Store(StoreEngine engine) {
    this.engine = engine;
  }

  /** Opens the store with the system clock; see {@link #open(StoreConfig, Clock)}. */
  public static Store open(StoreConfig config) {
    return open(config, Clock.systemUTC());
  }

  /**
   * Opens the store and brings its schema up to date.
   *
   * @param clock stamps change log entries with their commit time
   * @throws StoreException when the database cannot be reached or migrated
   */
  public static Store open(StoreConfig config, Clock clock) {
    return new Store(StoreEngine.open(config, clock));
  }

  public Transactions transactions() {
    return engine.transactions();
  }

  public ChangeLog changeLog() {
    return engine.changeLog();
  }

  public RegistryPorts registryPorts() {
    return engine.registryPorts();
  }

  public SecurityPorts securityPorts() {
    return engine.securityPorts();
  }

  public IndexPorts indexPorts() {
    return engine.indexPorts();
  }

  public JobsPorts jobsPorts() {
    return engine.jobsPorts();
  }

  public ShadowPorts shadowPorts() {
    return engine.shadowPorts();
  }

  public TunnelPorts tunnelPorts() {
    return engine.tunnelPorts();
  }

  /** {@code sqlite} or {@code postgresql}. */
  public String dialectName() {
    return engine.dialectName();
  }

  /**
   * Closes every connection. A write transaction still running on another thread is given a few
   * seconds to end; after that it fails.
   */
  @Override
  public void close() {
    engine.close();
  }
}
