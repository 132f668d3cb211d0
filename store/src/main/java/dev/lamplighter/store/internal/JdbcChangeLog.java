package dev.lamplighter.store.internal;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.event.ChangeLog;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.tenancy.Scope;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The change log. {@link #append} serializes the record's state at once (so a state that cannot be
 * written fails the caller, not the commit) and queues it in the calling thread's transaction;
 * {@link ChangeLogWriter} inserts the queue right before COMMIT. Entries appended in a transaction
 * that rolls back are never written.
 *
 * <p>Sequences are handed out in commit order (see {@link SqliteDialect} and {@link
 * PostgresDialect}), so a reader that resumes after the last sequence it applied never skips an
 * entry. Gaps are possible (a PostgreSQL sequence number drawn by a transaction that then failed)
 * and harmless.
 */
final class JdbcChangeLog implements ChangeLog {
  private static final String READ_AFTER =
      "SELECT sequence, committed_at, account_id, region, resource_type, resource_name, kind,"
          + " state FROM change_log WHERE sequence > ? ORDER BY sequence LIMIT ?";
  private static final String HEAD = "SELECT COALESCE(MAX(sequence), 0) AS head FROM change_log";

  private final JdbcTransactions transactions;
  private final Jdbc jdbc;

  JdbcChangeLog(JdbcTransactions transactions, Jdbc jdbc) {
    this.transactions = transactions;
    this.jdbc = jdbc;
  }

  /**
   * @throws IllegalStateException outside {@code inTransaction}: an entry must commit with its
   *     write
   */
  @Override
  public void append(ChangeRecord record) {
    Objects.requireNonNull(record, "record");
    TxContext tx = transactions.current();
    if (tx == null) {
      throw new IllegalStateException(
          "ChangeLog.append must be called inside Transactions.inTransaction");
    }
    String state = record.state() == null ? null : StoreJson.write(record.state());
    tx.append(new PendingChange(record, state));
  }

  @Override
  public List<ChangeEvent> readAfter(long afterSequence, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
    return jdbc.read(
        "the change log",
        connection ->
            Jdbc.query(
                connection,
                READ_AFTER,
                row ->
                    new ChangeEvent(
                        row.getLong("sequence"),
                        Instants.parse(row.getString("committed_at")),
                        Scope.of(row.getString("account_id"), row.getString("region")),
                        ResourceType.valueOf(row.getString("resource_type")),
                        row.getString("resource_name"),
                        ChangeKind.valueOf(row.getString("kind")),
                        row.getString("state")),
                afterSequence,
                limit));
  }

  @Override
  public Runnable onLocalCommit(Runnable listener) {
    return transactions.onAppendCommitted(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public Runnable onLocalCommit(Set<ResourceType> types, Runnable listener) {
    return transactions.onAppendCommitted(types, Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public long head() {
    return jdbc.read(
        "the change log",
        connection -> Jdbc.queryOne(connection, HEAD, row -> row.getLong("head")).orElse(0L));
  }
}
