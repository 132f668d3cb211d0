package dev.lamplighter.store;

import java.sql.SQLException;

/**
 * An unexpected database failure (lost connection, disk full, a lock not granted in time). It
 * carries the SQL state and vendor code so that logs say what the database reported; expected
 * outcomes such as a taken name are {@link dev.lamplighter.core.error.ServiceException}s instead.
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;
  private final int vendorCode;

  public StoreException(String message, SQLException cause) {
    super(
        message
            + ": "
            + cause.getMessage()
            + " (SQL state "
            + cause.getSQLState()
            + ", code "
            + cause.getErrorCode()
            + ")",
        cause);
    this.sqlState = cause.getSQLState();
    this.vendorCode = cause.getErrorCode();
  }

  public StoreException(String message) {
    super(message);
    this.sqlState = null;
    this.vendorCode = 0;
  }

  /** The SQL state the driver reported, or null when it gave none (SQLite gives none). */
  public String sqlState() {
    return sqlState;
  }

  /** The database's own error code (SQLite's result code, 0 on PostgreSQL). */
  public int vendorCode() {
    return vendorCode;
  }
}
