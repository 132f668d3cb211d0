package dev.lamplighter.store.internal;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.store.StoreException;
import java.sql.SQLException;
import java.util.Map;

/**
 * The one place where SQL errors become domain errors: a violated unique key means the resource
 * exists already; anything else is unexpected and leaves as a {@link StoreException} carrying the
 * SQL state.
 *
 * <p>Inserts of named resources use {@code ON CONFLICT DO NOTHING} and report a taken name through
 * {@link #alreadyExists} themselves, because on PostgreSQL a failed statement aborts the whole
 * transaction, while a caller may want to catch the error and go on.
 */
final class SqlErrors {
  private SqlErrors() {}

  /**
   * @param resource what the failed statement worked on, as a message names it ({@code Thing
   *     sensor-1})
   */
  static RuntimeException translate(Dialect dialect, SQLException e, String resource) {
    if (dialect.isUniqueViolation(e)) {
      return new ServiceException(
          ErrorCode.RESOURCE_ALREADY_EXISTS, resource + " already exists.", Map.of(), e);
    }
    return new StoreException("store access to " + resource + " failed", e);
  }

  static ServiceException alreadyExists(String resource) {
    return ErrorCode.RESOURCE_ALREADY_EXISTS.exception(resource + " already exists.");
  }

  static ServiceException notFound(String resource) {
    return ErrorCode.RESOURCE_NOT_FOUND.exception(resource + " does not exist.");
  }
}
