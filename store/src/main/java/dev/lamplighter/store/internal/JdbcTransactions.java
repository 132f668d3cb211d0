package dev.lamplighter.store.internal;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.tx.Transactions;
import dev.lamplighter.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * Transactions bound to the calling thread.
 *
 * <p>The outermost {@code inTransaction} begins a write transaction on a connection it keeps in a
 * thread-local; every repository call on that thread runs on it. The change log entries appended
 * meanwhile are inserted just before COMMIT (see {@link ChangeLogWriter}). A nested call joins the
 * outer transaction inside a SAVEPOINT: when it throws, its own writes and log entries are undone
 * and the exception goes on, so an outer caller that catches it keeps a consistent, usable
 * transaction (PostgreSQL would otherwise refuse every further statement). Any throwable out of the
 * outermost call rolls everything back and is rethrown unchanged.
 */
final class JdbcTransactions implements Transactions {
  private final ConnectionSource source;
  private final ChangeLogWriter changeLogWriter;
  private final ThreadLocal<TxContext> current = new ThreadLocal<>();
  private final List<AppendListener> appendListeners = new CopyOnWriteArrayList<>();

  /** A listener of commits that appended entries, of any type or of some. */
  private record AppendListener(Set<ResourceType> types, Runnable listener) {
    boolean wants(List<PendingChange> appended) {
      return types.isEmpty() || appended.stream().anyMatch(c -> types.contains(c.record().type()));
    }
  }

  JdbcTransactions(ConnectionSource source, ChangeLogWriter changeLogWriter) {
    this.source = source;
    this.changeLogWriter = changeLogWriter;
  }

  @Override
  public <T> T inTransaction(Supplier<T> work) {
    Objects.requireNonNull(work, "work");
    TxContext tx = current.get();
    return tx == null ? outermost(work) : nested(tx, work);
  }

  /**
   * Calls {@code listener} after each commit that appended change log entries.
   *
   * @return removes it
   */
  Runnable onAppendCommitted(Runnable listener) {
    return onAppendCommitted(Set.of(), listener);
  }

  /**
   * As {@link #onAppendCommitted(Runnable)}, only after commits that appended one of {@code types}.
   */
  Runnable onAppendCommitted(Set<ResourceType> types, Runnable listener) {
    AppendListener added = new AppendListener(Set.copyOf(types), listener);
    appendListeners.add(added);
    return () -> appendListeners.remove(added);
  }

  /** The calling thread's transaction, or null outside one. */
  TxContext current() {
    return current.get();
  }

  private <T> T outermost(Supplier<T> work) {
    Connection connection;
    try {
      connection = source.begin();
    } catch (SQLException e) {
      throw new StoreException("cannot begin a transaction on " + source.describe(), e);
    }
    TxContext tx = new TxContext(connection);
    current.set(tx);
    try {
      T result = work.get();
      List<PendingChange> appended = tx.pending();
      commit(tx);
      if (!appended.isEmpty()) {
        for (AppendListener listener : appendListeners) {
          if (listener.wants(appended)) {
            listener.listener().run();
          }
        }
      }
      return result;
    } catch (Throwable failure) {
      rollback(connection, failure);
      throw failure;
    } finally {
      current.remove();
      source.release(connection);
    }
  }

  private void commit(TxContext tx) {
    try {
      changeLogWriter.flush(tx);
      source.commit(tx.connection());
    } catch (SQLException e) {
      throw SqlErrors.translate(source.dialect(), e, "the transaction's commit");
    }
  }

  private void rollback(Connection connection, Throwable failure) {
    try {
      source.rollback(connection);
    } catch (SQLException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private <T> T nested(TxContext tx, Supplier<T> work) {
    TxContext.Savepoint savepoint;
    try {
      savepoint = tx.savepoint();
    } catch (SQLException e) {
      throw SqlErrors.translate(source.dialect(), e, "a nested transaction");
    }
    T result;
    try {
      result = work.get();
    } catch (Throwable failure) {
      try {
        tx.rollbackTo(savepoint);
      } catch (SQLException | RuntimeException e) {
        failure.addSuppressed(e);
      }
      throw failure;
    }
    try {
      tx.release(savepoint);
    } catch (SQLException e) {
      throw SqlErrors.translate(source.dialect(), e, "a nested transaction");
    }
    return result;
  }
}
