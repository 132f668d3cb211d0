package dev.lamplighter.store.internal;

import dev.lamplighter.core.event.ChangeRecord;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Inserts a transaction's change log entries just before it commits: it takes the dialect's change
 * log lock (held until the commit ends), stamps the entries with the clock, and inserts them in the
 * order they were appended. Writing last keeps the lock short on PostgreSQL and makes the
 * committed-at time the moment the sequence was handed out.
 */
final class ChangeLogWriter {
  private static final String INSERT =
      "INSERT INTO change_log"
          + " (committed_at, account_id, region, resource_type, resource_name, kind, state)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?)";

  private final Dialect dialect;
  private final Clock clock;

  ChangeLogWriter(Dialect dialect, Clock clock) {
    this.dialect = dialect;
    this.clock = clock;
  }

  void flush(TxContext tx) throws SQLException {
    List<PendingChange> pending = tx.pending();
    if (pending.isEmpty()) {
      return;
    }
    dialect.lockChangeLog(tx.connection());
    String committedAt = Instants.format(clock.instant());
    List<Object[]> rows = new ArrayList<>(pending.size());
    for (PendingChange change : pending) {
      ChangeRecord record = change.record();
      rows.add(
          new Object[] {
            committedAt,
            record.scope().account().value(),
            record.scope().region().value(),
            record.type().name(),
            record.name(),
            record.kind().name(),
            change.stateJson()
          });
    }
    Jdbc.batch(tx.connection(), INSERT, rows);
  }
}
