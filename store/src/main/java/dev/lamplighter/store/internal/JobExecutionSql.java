package dev.lamplighter.store.internal;

/**
 * The SQL of {@link JdbcJobExecutionRepository}.
 *
 * <p>A held-back row ({@code rolled_out} false) is in the primary key and in {@code
 * job_executions_by_job} only; every other index is partial on {@code rolled_out = TRUE}, so
 * creating the held-back executions of a job over many things writes two B-trees per row, and a
 * listing, count or device query of rolled-out executions cannot see a held-back one. A query of a
 * partial index repeats the index's condition word for word (SQLite uses a partial index only for a
 * query whose WHERE clause contains the index's terms), and listings name their index with the
 * dialect's hint.
 */
final class JobExecutionSql {
  private JobExecutionSql() {}

  /** Every column of an execution but the scope, in the order the repository writes them. */
  static final String COLUMNS =
      "job_id, thing_name, status, status_details, execution_number, version_number,"
          + " retry_attempt, force_canceled, queued_at, started_at, last_updated_at,"
          + " in_progress_deadline, step_deadline, timeout_at, rolled_out";

  private static final String KEY =
      " WHERE account_id = ? AND region = ? AND job_id = ? AND thing_name = ?";
  static final String CONFLICT = " ON CONFLICT (account_id, region, job_id, thing_name) DO NOTHING";

  static final String FIND = "SELECT " + COLUMNS + " FROM job_executions" + KEY;
  static final String INSERT =
      "INSERT INTO job_executions (account_id, region, "
          + COLUMNS
          + ") VALUES (?, ?, "
          + Jdbc.placeholders(15)
          + ")"
          + CONFLICT;

  /** A held-back first execution: QUEUED, execution 1, version 1, no timers. */
  static final String INSERT_HELD_BACK =
      "INSERT INTO job_executions (account_id, region, "
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, 'QUEUED', '{}', 1, 1, 0, FALSE, ?, NULL, ?, NULL, NULL, NULL,"
          + " FALSE)"
          + CONFLICT;

  /** Every column but the key, at the execution and version numbers the writer read. */
  static final String REPLACE =
      "UPDATE job_executions SET status = ?, status_details = ?, execution_number = ?,"
          + " version_number = ?, retry_attempt = ?, force_canceled = ?, queued_at = ?,"
          + " started_at = ?, last_updated_at = ?, in_progress_deadline = ?, step_deadline = ?,"
          + " timeout_at = ?, rolled_out = ?"
          + KEY
          + " AND execution_number = ? AND version_number = ?";

  static final String DELETE = "DELETE FROM job_executions" + KEY;

  static final String ROLL_OUT =
      "UPDATE job_executions SET rolled_out = TRUE, queued_at = ?, last_updated_at = ?"
          + KEY
          + " AND rolled_out = FALSE";
  static final String COUNT_HELD_BACK =
      "SELECT COUNT(*) FROM job_executions WHERE account_id = ? AND region = ? AND job_id = ?"
          + " AND rolled_out = FALSE";
  static final String DELETE_HELD_BACK =
      "DELETE FROM job_executions WHERE account_id = ? AND region = ? AND job_id = ?"
          + " AND rolled_out = FALSE";

  /** The first executions of a job in thing name order, held back or not. */
  static final String FIRST_OF_JOB =
      "SELECT "
          + COLUMNS
          + " FROM job_executions WHERE account_id = ? AND region = ? AND job_id = ?"
          + " ORDER BY thing_name LIMIT ?";

  /** Across scopes, the executions in progress that time out first. */
  static final String TIMED_OUT =
      "SELECT account_id, region, job_id, thing_name FROM job_executions"
          + " WHERE status = 'IN_PROGRESS' AND timeout_at <= ? ORDER BY timeout_at LIMIT ?";

  /**
   * A page of a job's rolled-out executions in thing name order: a range of {@code
   * job_executions_by_job}, or of {@code job_executions_by_job_status} for one status.
   */
  static String listForJobSql(Dialect dialect, boolean byStatus, boolean hasAfter) {
    return "SELECT "
        + COLUMNS
        + " FROM job_executions e"
        + dialect.useIndex(byStatus ? "job_executions_by_job_status" : "job_executions_by_job")
        + " WHERE account_id = ? AND region = ? AND job_id = ? AND rolled_out = TRUE"
        + (byStatus ? " AND status = ?" : "")
        + (hasAfter ? " AND thing_name > ?" : "")
        + " ORDER BY thing_name LIMIT ?";
  }

  /** A page of a thing's rolled-out executions in job id order: {@code job_executions_by_thing}. */
  static String listForThingSql(
      Dialect dialect, boolean byStatus, boolean byJob, boolean hasAfter) {
    return "SELECT "
        + COLUMNS
        + " FROM job_executions e"
        + dialect.useIndex("job_executions_by_thing")
        + " WHERE account_id = ? AND region = ? AND thing_name = ? AND rolled_out = TRUE"
        + (byStatus ? " AND status = ?" : "")
        + (byJob ? " AND job_id = ?" : "")
        + (hasAfter ? " AND job_id > ?" : "")
        + " ORDER BY job_id LIMIT ?";
  }

  /** Counted from {@code job_executions_by_job_status} alone, already grouped by status. */
  static String statusCountsSql(Dialect dialect) {
    return "SELECT status, COUNT(*) FROM job_executions e"
        + dialect.useIndex("job_executions_by_job_status")
        + " WHERE account_id = ? AND region = ? AND job_id = ? AND rolled_out = TRUE"
        + " GROUP BY status";
  }

  /** The first held-back executions of a job in thing name order: {@code job_executions_by_job}. */
  static String heldBackFirstSql(Dialect dialect) {
    return "SELECT "
        + COLUMNS
        + " FROM job_executions e"
        + dialect.useIndex("job_executions_by_job")
        + " WHERE account_id = ? AND region = ? AND job_id = ? AND rolled_out = FALSE"
        + " ORDER BY thing_name LIMIT ?";
  }

  /** Most things named in one query of {@link #pendingOfThingsSql}. */
  static final int THINGS_PER_QUERY = 500;

  /** The pending executions of several things, thing by thing: see {@link #pendingSql}. */
  static String pendingOfThingsSql(Dialect dialect, int things) {
    return "SELECT "
        + COLUMNS
        + " FROM job_executions e"
        + dialect.useIndex("job_executions_pending")
        + " WHERE account_id = ? AND region = ? AND thing_name IN ("
        + Jdbc.placeholders(things)
        + ") AND rolled_out = TRUE AND status IN ('IN_PROGRESS', 'QUEUED')"
        + " ORDER BY thing_name, status, queued_at, job_id";
  }

  /**
   * A thing's pending executions from {@code job_executions_pending}. Only IN_PROGRESS and QUEUED
   * rows are in that index, and 'IN_PROGRESS' sorts before 'QUEUED', so the index order (status,
   * queued_at, job_id) is the order devices get them in, without a sort.
   */
  static String pendingSql(Dialect dialect) {
    return "SELECT "
        + COLUMNS
        + " FROM job_executions e"
        + dialect.useIndex("job_executions_pending")
        + " WHERE account_id = ? AND region = ? AND thing_name = ? AND rolled_out = TRUE"
        + " AND status IN ('IN_PROGRESS', 'QUEUED')"
        + " ORDER BY status, queued_at, job_id LIMIT ?";
  }
}
