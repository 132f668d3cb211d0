package dev.lamplighter.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sqlite.SQLiteConnection;

/**
 * Keeps SQLite's prepared statements for reuse. Preparing compiles the SQL, and for a lookup by key
 * that costs more than running it; PostgreSQL's driver caches prepared statements itself, so only
 * SQLite connections are cached here.
 *
 * <p>A physical connection is only ever used by one thread at a time (the pool lends it out, the
 * writer lock guards the writer), so each connection's map needs no lock of its own; the pool's
 * hand-over orders one borrower's writes before the next borrower's reads. The store's SQLite
 * connections live as long as the store (the read pool never retires them), so the map holds one
 * entry per connection; {@link #forget} drops them when the store closes.
 */
final class StatementCache {
  private static final int MAX_CONNECTIONS = 256;
  private static final Map<SQLiteConnection, Map<String, PreparedStatement>> BY_CONNECTION =
      new ConcurrentHashMap<>();

  private StatementCache() {}

  /** A statement to run once and then {@link Prepared#close close}. */
  static Prepared prepare(Connection connection, String sql) throws SQLException {
    if (!connection.isWrapperFor(SQLiteConnection.class)) {
      return new Prepared(connection.prepareStatement(sql), false);
    }
    SQLiteConnection physical = connection.unwrap(SQLiteConnection.class);
    if (BY_CONNECTION.size() >= MAX_CONNECTIONS && !BY_CONNECTION.containsKey(physical)) {
      // Not expected with a fixed pool; never let a leak grow without bound.
      BY_CONNECTION.clear();
    }
    Map<String, PreparedStatement> statements =
        BY_CONNECTION.computeIfAbsent(physical, c -> new HashMap<>());
    PreparedStatement statement = statements.get(sql);
    if (statement == null || statement.isClosed()) {
      statement = physical.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return new Prepared(statement, true);
  }

  /** Drops the statements of connections that have been closed (when a store closes). */
  static void forgetClosed() {
    BY_CONNECTION.keySet().removeIf(StatementCache::isClosed);
  }

  private static boolean isClosed(SQLiteConnection connection) {
    try {
      return connection.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  /** A prepared statement lent for one execution. */
  static final class Prepared implements AutoCloseable {
    private final PreparedStatement statement;
    private final boolean cached;

    private Prepared(PreparedStatement statement, boolean cached) {
      this.statement = statement;
      this.cached = cached;
    }

    PreparedStatement statement() {
      return statement;
    }

    /** Gives a cached statement back for the next use, or closes an uncached one. */
    @Override
    public void close() throws SQLException {
      if (cached) {
        statement.clearParameters();
        statement.clearBatch();
      } else {
        statement.close();
      }
    }
  }
}
