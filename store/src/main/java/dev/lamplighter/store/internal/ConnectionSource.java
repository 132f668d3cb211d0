package dev.lamplighter.store.internal;

import java.sql.Connection;
import java.sql.SQLException;

/** Where a dialect's connections come from, and how a write transaction begins and ends. */
interface ConnectionSource extends AutoCloseable {

  Dialect dialect();

  /**
   * A connection with a write transaction begun, reserved for the calling thread until {@link
   * #release}. On SQLite this waits for the single writer.
   */
  Connection begin() throws SQLException;

  void commit(Connection connection) throws SQLException;

  void rollback(Connection connection) throws SQLException;

  /** Gives back a connection from {@link #begin} after its commit or rollback. */
  void release(Connection connection);

  /** A connection in autocommit mode for reads outside a transaction; the caller closes it. */
  Connection read() throws SQLException;

  /** Where the store is, for logs; never shows credentials. */
  String describe();

  @Override
  void close();
}
