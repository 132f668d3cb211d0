package dev.lamplighter.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One open write transaction of one thread: its connection, the change log entries it appended, and
 * the savepoints of nested {@code inTransaction} calls.
 */
final class TxContext {
  private final Connection connection;
  private final List<PendingChange> pending = new ArrayList<>();
  private int savepoints;

  TxContext(Connection connection) {
    this.connection = connection;
  }

  /** Where a nested call began, so that its failure can undo its own work only. */
  record Savepoint(String name, int pendingSize) {}

  Connection connection() {
    return connection;
  }

  void append(PendingChange change) {
    pending.add(change);
  }

  List<PendingChange> pending() {
    return List.copyOf(pending);
  }

  Savepoint savepoint() throws SQLException {
    Savepoint savepoint = new Savepoint("lamplighter_" + ++savepoints, pending.size());
    Jdbc.execute(connection, "SAVEPOINT " + savepoint.name());
    return savepoint;
  }

  void release(Savepoint savepoint) throws SQLException {
    Jdbc.execute(connection, "RELEASE SAVEPOINT " + savepoint.name());
  }

  /** Undoes the writes and change log entries made since {@code savepoint}. */
  void rollbackTo(Savepoint savepoint) throws SQLException {
    pending.subList(savepoint.pendingSize(), pending.size()).clear();
    Jdbc.execute(connection, "ROLLBACK TO SAVEPOINT " + savepoint.name());
    Jdbc.execute(connection, "RELEASE SAVEPOINT " + savepoint.name());
  }
}
