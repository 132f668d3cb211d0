package dev.lamplighter.store.internal;

import dev.lamplighter.jobs.spi.EngineStateRepository;
import java.time.Instant;

/**
 * The job engine's leases ({@code engine_leases}) and change log positions ({@code
 * engine_positions}), one row per name for the whole server.
 *
 * <p>{@link #tryLease} is one upsert on both stores: it inserts the lease, or takes it over only
 * where the stored row is expired or already the caller's. The statement changes one row exactly
 * when the caller holds the lease afterwards, so its count is the answer; concurrent callers are
 * ordered by the row's lock (PostgreSQL) or the one writer (SQLite), and at most one of them
 * changes a lease that another owner holds unexpired.
 */
final class JdbcEngineStateRepository implements EngineStateRepository {
  /** An instant the lease is expired at is at or after its {@code expires_at}. */
  private static final String TRY_LEASE =
      "INSERT INTO engine_leases (name, owner, expires_at) VALUES (?, ?, ?)"
          + " ON CONFLICT (name) DO UPDATE SET owner = excluded.owner,"
          + " expires_at = excluded.expires_at"
          + " WHERE engine_leases.owner = excluded.owner OR engine_leases.expires_at <= ?";

  private static final String RELEASE_LEASE =
      "DELETE FROM engine_leases WHERE name = ? AND owner = ?";
  private static final String POSITION = "SELECT position FROM engine_positions WHERE name = ?";
  private static final String SAVE_POSITION =
      "INSERT INTO engine_positions (name, position) VALUES (?, ?)"
          + " ON CONFLICT (name) DO UPDATE SET position = excluded.position";

  private final Jdbc jdbc;

  JdbcEngineStateRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean tryLease(String name, String owner, Instant now, Instant until) {
    return jdbc.write(
        resource(name),
        connection ->
            Jdbc.update(
                    connection,
                    TRY_LEASE,
                    name,
                    owner,
                    Instants.format(until),
                    Instants.format(now))
                == 1);
  }

  @Override
  public void releaseLease(String name, String owner) {
    jdbc.write(resource(name), connection -> Jdbc.update(connection, RELEASE_LEASE, name, owner));
  }

  @Override
  public long position(String name) {
    return jdbc.read(
        "The change log position of " + name,
        connection -> Jdbc.queryOne(connection, POSITION, row -> row.getLong(1), name).orElse(0L));
  }

  @Override
  public void savePosition(String name, long sequence) {
    jdbc.write(
        "The change log position of " + name,
        connection -> Jdbc.update(connection, SAVE_POSITION, name, sequence));
  }

  private static String resource(String name) {
    return "Engine lease " + name;
  }
}
