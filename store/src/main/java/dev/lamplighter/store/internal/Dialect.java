package dev.lamplighter.store.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between SQLite and PostgreSQL once a connection is open. The repositories' SQL is
 * shared: both stores take {@code INSERT ... ON CONFLICT}, {@code SAVEPOINT} and binary-ordered
 * name columns (SQLite's BINARY collation, {@code COLLATE "C"} on PostgreSQL).
 */
interface Dialect {

  /** {@code sqlite} or {@code postgresql}; also the folder of the dialect's migrations. */
  String name();

  default String migrationLocation() {
    return "classpath:db/migration/" + name();
  }

  /**
   * What follows a table alias in FROM to make the query use {@code index}, or "" when the
   * dialect's planner can be trusted to pick it.
   */
  String useIndex(String index);

  /** Whether {@code e} reports a violated primary key or unique index. */
  boolean isUniqueViolation(SQLException e);

  /**
   * Called in a write transaction just before its change log rows are inserted, so that sequence
   * numbers are handed out in commit order.
   */
  void lockChangeLog(Connection connection) throws SQLException;
}
