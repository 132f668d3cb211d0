package dev.lamplighter.bench.jobs;

import dev.lamplighter.bench.groups.RawLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The peer of figure 1: how fast the same store takes the same rows when nothing else runs. After
 * the server stopped, opens its {@code lamplighter.db} with the settings the server's writer uses
 * (WAL, {@code synchronous=NORMAL}, foreign keys, a busy timeout) and inserts one rolled-out QUEUED
 * execution per thing of the snapshot job, the end state the engine reaches, into the server's own
 * {@code job_executions} table with all its indexes, under a copy of the snapshot job's row (the
 * foreign key). A thousand rows per transaction ({@code BEGIN IMMEDIATE} … {@code COMMIT}), as one
 * batch of a prepared INSERT, as the engine batches its writes.
 *
 * <p>It is a floor, not a design: the server also resolves the group's members, holds the rows back
 * first and releases them (the rollout), and logs a change per execution for the devices'
 * notifications. A ratio well above the handful of row writes that design makes per execution says
 * the time goes elsewhere.
 */
final class RawInsert {
  private static final Logger LOG = LoggerFactory.getLogger(RawInsert.class);
  static final String PEER_JOB = "bench-raw-peer";
  private static final int TRANSACTION_ROWS = 1_000;
  private static final String INSERT =
      "INSERT INTO job_executions (account_id, region, job_id, thing_name, status, status_details,"
          + " execution_number, version_number, retry_attempt, force_canceled, queued_at,"
          + " started_at, last_updated_at, in_progress_deadline, step_deadline, timeout_at,"
          + " rolled_out) VALUES (?, ?, ?, ?, 'QUEUED', '{}', 1, 1, 0, FALSE, ?, NULL, ?, NULL,"
          + " NULL, NULL, TRUE)";

  private RawInsert() {}

  /** The {@code raw …} result line. */
  static String run(Path database, int things) throws SQLException {
    if (!Files.isRegularFile(database)) {
      throw new IllegalStateException("no SQLite file at " + database);
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(10_000);
    try (Connection connection =
        DriverManager.getConnection("jdbc:sqlite:" + database, config.toProperties())) {
      connection.setAutoCommit(true);
      String[] scope = copyJob(connection);
      List<String> names = new ArrayList<>(things);
      for (int i = 0; i < things; i++) {
        names.add(JobsNames.snapshotThing(i));
      }
      String time = Instant.now().toString();
      LOG.info("raw: inserting {} executions into {}", things, database);
      long started = System.nanoTime();
      try (Statement control = connection.createStatement();
          PreparedStatement insert = connection.prepareStatement(INSERT)) {
        for (int from = 0; from < things; from += TRANSACTION_ROWS) {
          control.execute("BEGIN IMMEDIATE");
          for (int i = from; i < Math.min(things, from + TRANSACTION_ROWS); i++) {
            insert.setString(1, scope[0]);
            insert.setString(2, scope[1]);
            insert.setString(3, PEER_JOB);
            insert.setString(4, names.get(i));
            insert.setString(5, time);
            insert.setString(6, time);
            insert.addBatch();
          }
          insert.executeBatch();
          control.execute("COMMIT");
        }
      }
      long nanos = System.nanoTime() - started;
      double seconds = nanos / 1e9;
      LOG.info("raw: {} rows in {} ms", things, TimeUnit.NANOSECONDS.toMillis(nanos));
      return new RawLine("raw")
          .put("rows", things)
          .put("transaction_rows", TRANSACTION_ROWS)
          .number("seconds", seconds, 3)
          .number("rows_per_s", things / seconds, 0)
          .toString();
    }
  }

  /**
   * Copies the snapshot job's row under {@link #PEER_JOB}, so that the executions' foreign key
   * holds; returns its account and region.
   */
  private static String[] copyJob(Connection connection) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet info = statement.executeQuery("PRAGMA table_info(jobs)")) {
      while (info.next()) {
        columns.add(info.getString("name"));
      }
    }
    String select =
        String.join(", ", columns.stream().map(c -> c.equals("job_id") ? "?" : c).toList());
    try (PreparedStatement copy =
        connection.prepareStatement(
            "INSERT INTO jobs ("
                + String.join(", ", columns)
                + ") SELECT "
                + select
                + " FROM jobs WHERE job_id = ?")) {
      copy.setString(1, PEER_JOB);
      copy.setString(2, JobsNames.SNAPSHOT_JOB);
      if (copy.executeUpdate() != 1) {
        throw new IllegalStateException("no job " + JobsNames.SNAPSHOT_JOB + " to copy");
      }
    }
    try (PreparedStatement scope =
        connection.prepareStatement("SELECT account_id, region FROM jobs WHERE job_id = ?")) {
      scope.setString(1, PEER_JOB);
      try (ResultSet row = scope.executeQuery()) {
        row.next();
        return new String[] {row.getString(1), row.getString(2)};
      }
    }
  }
}
