package dev.lamplighter.store.internal;

import java.util.List;
import java.util.Optional;

/**
 * The name filters of a keyset listing as SQL on one column: "starts with a prefix" as the range
 * {@code prefix <= name < upperBound} (see {@link Prefixes}) and "after the last name of the
 * previous page" as {@code name > after}. Both are ranges of any index that has the column right
 * after its equality columns.
 */
final class NameRange {
  private NameRange() {}

  /**
   * Appends {@code AND ...} conditions on {@code column} and their parameters.
   *
   * @param prefix the names' prefix, or null for any name
   * @param after the exclusive lower bound, or null
   */
  static void append(
      StringBuilder sql, List<Object> params, String column, String prefix, String after) {
    if (prefix != null) {
      sql.append(" AND ").append(column).append(" >= ?");
      params.add(prefix);
      Optional<String> upper = Prefixes.upperBound(prefix);
      if (upper.isPresent()) {
        sql.append(" AND ").append(column).append(" < ?");
        params.add(upper.get());
      }
    }
    if (after != null) {
      sql.append(" AND ").append(column).append(" > ?");
      params.add(after);
    }
  }
}
