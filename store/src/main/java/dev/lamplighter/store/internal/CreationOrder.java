package dev.lamplighter.store.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

/**
 * Keyset paging in creation order, as certificates and CA certificates are listed: by {@code
 * (created_at, certificate_id)}, ascending or descending, after a cursor {@code createdAt|id} (see
 * {@link dev.lamplighter.security.spi.CertificateRepository#cursorOf}). The pair is compared as a
 * row value, which both stores answer as one range of an index ending in those two columns, read
 * forwards or backwards.
 *
 * <p>A cursor comes from the store's own listing (the API layer MACs the page tokens it hands out),
 * so a malformed one is a programming error and fails with {@link IllegalArgumentException}.
 */
final class CreationOrder {
  private CreationOrder() {}

  /**
   * Appends the cursor's bound (when there is one), the order and the limit to a query whose WHERE
   * clause is open, and their parameters.
   *
   * @param alias the table alias, or "" when the columns are unqualified
   */
  static void appendPage(
      StringBuilder sql,
      List<Object> params,
      String alias,
      boolean ascending,
      String after,
      int limit) {
    String prefix = alias.isEmpty() ? "" : alias + ".";
    String createdAt = prefix + "created_at";
    String id = prefix + "certificate_id";
    if (after != null) {
      Cursor cursor = Cursor.parse(after);
      sql.append(" AND (")
          .append(createdAt)
          .append(", ")
          .append(id)
          .append(ascending ? ") > (?, ?)" : ") < (?, ?)");
      params.add(cursor.createdAt());
      params.add(cursor.id());
    }
    String direction = ascending ? "" : " DESC";
    sql.append(" ORDER BY ")
        .append(createdAt)
        .append(direction)
        .append(", ")
        .append(id)
        .append(direction)
        .append(" LIMIT ?");
    params.add(limit);
  }

  /**
   * A parsed cursor.
   *
   * @param createdAt the creation time as stored (fixed-width text, see {@link Instants})
   * @param id the certificate id
   */
  record Cursor(String createdAt, String id) {

    static Cursor parse(String cursor) {
      int bar = cursor.indexOf('|');
      if (bar < 1 || bar == cursor.length() - 1) {
        throw new IllegalArgumentException("not a creation-order cursor: " + cursor);
      }
      Instant createdAt;
      try {
        createdAt = Instant.parse(cursor.substring(0, bar));
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("not a creation-order cursor: " + cursor, e);
      }
      return new Cursor(Instants.format(createdAt), cursor.substring(bar + 1));
    }
  }
}
