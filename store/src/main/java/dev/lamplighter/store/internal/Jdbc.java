package dev.lamplighter.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Runs repository SQL on the right connection: the calling thread's transaction when it has one;
 * otherwise a pooled autocommit connection for reads, and a transaction of its own for writes (so a
 * multi-statement write is atomic even when the caller forgot {@code inTransaction}). Every {@link
 * SQLException} leaves through {@link SqlErrors}.
 */
final class Jdbc {

  /** Work on a connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private final JdbcTransactions transactions;
  private final ConnectionSource source;

  Jdbc(JdbcTransactions transactions, ConnectionSource source) {
    this.transactions = transactions;
    this.source = source;
  }

  Dialect dialect() {
    return source.dialect();
  }

  /**
   * Reads.
   *
   * @param resource what is read, for error messages ({@code Thing sensor-1})
   */
  <T> T read(String resource, SqlWork<T> work) {
    TxContext tx = transactions.current();
    try {
      if (tx != null) {
        return work.run(tx.connection());
      }
      try (Connection connection = source.read()) {
        return work.run(connection);
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(source.dialect(), e, resource);
    }
  }

  /**
   * Writes, joining the calling thread's transaction or running in one of its own.
   *
   * @param resource what is written, for error messages ({@code Thing sensor-1})
   */
  <T> T write(String resource, SqlWork<T> work) {
    TxContext tx = transactions.current();
    if (tx == null) {
      return transactions.inTransaction(() -> write(resource, work));
    }
    try {
      return work.run(tx.connection());
    } catch (SQLException e) {
      throw SqlErrors.translate(source.dialect(), e, resource);
    }
  }

  static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    try (StatementCache.Prepared prepared = StatementCache.prepare(connection, sql)) {
      PreparedStatement statement = prepared.statement();
      bind(statement, params);
      try (ResultSet rows = statement.executeQuery()) {
        List<T> result = new ArrayList<>();
        while (rows.next()) {
          result.add(mapper.map(rows));
        }
        return result;
      }
    }
  }

  static <T> Optional<T> queryOne(
      Connection connection, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    List<T> rows = query(connection, sql, mapper, params);
    if (rows.size() > 1) {
      throw new IllegalStateException("expected at most one row from: " + sql);
    }
    return rows.stream().findFirst();
  }

  /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it changed. */
  static int update(Connection connection, String sql, Object... params) throws SQLException {
    try (StatementCache.Prepared prepared = StatementCache.prepare(connection, sql)) {
      PreparedStatement statement = prepared.statement();
      bind(statement, params);
      return statement.executeUpdate();
    }
  }

  /** Runs one statement once per parameter row. */
  static void batch(Connection connection, String sql, List<Object[]> rows) throws SQLException {
    batchCounts(connection, sql, rows, false);
  }

  /**
   * Runs one statement once per parameter row and tells how many rows each run changed.
   *
   * @return the counts in the order of {@code rows}
   * @throws IllegalStateException when the driver does not count them (PostgreSQL's driver with
   *     {@code reWriteBatchedInserts=true} in the URL answers SUCCESS_NO_INFO)
   */
  static int[] batchCounts(Connection connection, String sql, List<Object[]> rows)
      throws SQLException {
    return batchCounts(connection, sql, rows, true);
  }

  private static int[] batchCounts(
      Connection connection, String sql, List<Object[]> rows, boolean counted) throws SQLException {
    if (rows.isEmpty()) {
      return new int[0];
    }
    try (StatementCache.Prepared prepared = StatementCache.prepare(connection, sql)) {
      PreparedStatement statement = prepared.statement();
      for (Object[] row : rows) {
        bind(statement, row);
        statement.addBatch();
      }
      int[] counts = statement.executeBatch();
      if (counted) {
        for (int count : counts) {
          if (count < 0) {
            throw new IllegalStateException(
                "the driver did not count the rows each run of a batch changed: " + sql);
          }
        }
      }
      return counts;
    }
  }

  /** Runs a statement without parameters or results, such as {@code SAVEPOINT}. */
  static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** {@code count} comma-separated parameter markers, for an {@code IN (...)} list. */
  static String placeholders(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("an IN list needs at least one value");
    }
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  private static void bind(PreparedStatement statement, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      Object param = params[i];
      if (param == null) {
        statement.setNull(i + 1, Types.NULL);
      } else if (param instanceof String) {
        statement.setString(i + 1, (String) param);
      } else if (param instanceof Long || param instanceof Integer) {
        statement.setLong(i + 1, ((Number) param).longValue());
      } else if (param instanceof Boolean) {
        statement.setBoolean(i + 1, (Boolean) param);
      } else if (param instanceof byte[]) {
        statement.setBytes(i + 1, (byte[]) param);
      } else {
        throw new IllegalArgumentException("cannot bind a " + param.getClass().getName());
      }
    }
  }
}
