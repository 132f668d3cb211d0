package dev.lamplighter.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite. Writers are serialized already: one writer connection per process behind a lock, and
 * {@code BEGIN IMMEDIATE} takes the database's write lock across processes. So a change log
 * sequence ({@code AUTOINCREMENT}, never reused) is always handed out in commit order.
 */
final class SqliteDialect implements Dialect {
  static final SqliteDialect INSTANCE = new SqliteDialect();

  private SqliteDialect() {}

  @Override
  public String name() {
    return "sqlite";
  }

  /**
   * SQLite plans without statistics (nothing runs ANALYZE), and to save a sort it may prefer a
   * primary key that merely matches the ORDER BY, which turns a filtered listing into a scan of the
   * whole scope; so the filters name their index.
   */
  @Override
  public String useIndex(String index) {
    return " INDEXED BY " + index;
  }

  @Override
  public boolean isUniqueViolation(SQLException e) {
    if (!(e instanceof SQLiteException)) {
      return false;
    }
    SQLiteErrorCode code = ((SQLiteException) e).getResultCode();
    return code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
        || code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE;
  }

  @Override
  public void lockChangeLog(Connection connection) {
    // The transaction holds SQLite's write lock since BEGIN IMMEDIATE.
  }
}
