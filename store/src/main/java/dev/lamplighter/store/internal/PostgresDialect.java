package dev.lamplighter.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * PostgreSQL.
 *
 * <p>Change log order: an identity column hands out numbers when rows are inserted, not when
 * transactions commit, so without care transaction A could take 41, B take 42, B commit, a reader
 * read 42 and resume after it, and then A commit 41 behind the reader's back. To prevent that, a
 * transaction takes a transaction-scoped advisory lock before it inserts its change log rows and
 * holds it until it commits (PostgreSQL makes a commit visible before it releases the transaction's
 * locks). Sequence numbers are then handed out in commit order.
 *
 * <p>Trade-off: transactions that write the change log commit one at a time across every server
 * node that shares the database. To keep that window short the store inserts change log rows at the
 * very end of a transaction, right before COMMIT (see {@link ChangeLogWriter}), so only the insert
 * and the commit itself are serialized, not the domain work. Transactions that append nothing never
 * take the lock.
 */
final class PostgresDialect implements Dialect {
  static final PostgresDialect INSTANCE = new PostgresDialect();

  /** The advisory lock key of the change log: the ASCII of "LampLog" as a number. */
  static final long CHANGE_LOG_LOCK = 0x4c616d704c6f67L;

  private static final String UNIQUE_VIOLATION = "23505";

  private PostgresDialect() {}

  @Override
  public String name() {
    return "postgresql";
  }

  @Override
  public String useIndex(String index) {
    return "";
  }

  @Override
  public boolean isUniqueViolation(SQLException e) {
    return UNIQUE_VIOLATION.equals(e.getSQLState());
  }

  @Override
  public void lockChangeLog(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      lock.setLong(1, CHANGE_LOG_LOCK);
      lock.execute();
    }
  }
}
