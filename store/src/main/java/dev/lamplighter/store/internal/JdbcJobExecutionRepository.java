package dev.lamplighter.store.internal;

import static dev.lamplighter.store.internal.JobExecutionSql.COUNT_HELD_BACK;
import static dev.lamplighter.store.internal.JobExecutionSql.DELETE;
import static dev.lamplighter.store.internal.JobExecutionSql.DELETE_HELD_BACK;
import static dev.lamplighter.store.internal.JobExecutionSql.FIND;
import static dev.lamplighter.store.internal.JobExecutionSql.FIRST_OF_JOB;
import static dev.lamplighter.store.internal.JobExecutionSql.INSERT;
import static dev.lamplighter.store.internal.JobExecutionSql.INSERT_HELD_BACK;
import static dev.lamplighter.store.internal.JobExecutionSql.REPLACE;
import static dev.lamplighter.store.internal.JobExecutionSql.ROLL_OUT;
import static dev.lamplighter.store.internal.JobExecutionSql.THINGS_PER_QUERY;
import static dev.lamplighter.store.internal.JobExecutionSql.TIMED_OUT;
import static dev.lamplighter.store.internal.JobExecutionSql.heldBackFirstSql;
import static dev.lamplighter.store.internal.JobExecutionSql.listForJobSql;
import static dev.lamplighter.store.internal.JobExecutionSql.listForThingSql;
import static dev.lamplighter.store.internal.JobExecutionSql.pendingOfThingsSql;
import static dev.lamplighter.store.internal.JobExecutionSql.pendingSql;
import static dev.lamplighter.store.internal.JobExecutionSql.statusCountsSql;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.JobExecutionStatus;
import dev.lamplighter.jobs.spi.JobExecutionRepository;
import dev.lamplighter.jobs.spi.ScopedExecution;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Job executions, one row per job and thing in {@code job_executions}, with the SQL of {@link
 * JobExecutionSql}.
 *
 * <p>{@link #insertHeldBack} is one batch of {@code INSERT ... ON CONFLICT DO NOTHING} per thousand
 * things, which counts what it created from the batch's row counts; {@link #releaseHeldBack} and
 * {@link #deleteSome} read the rows they work on, then change each by primary key, so they return
 * exactly the rows they changed.
 *
 * <p>{@code timeout_at}, the earlier of the two deadlines, is written from {@link
 * JobExecution#timesOutAt} with every insert and replace, so that {@link #timedOut} is one range of
 * a partial index across scopes.
 */
final class JdbcJobExecutionRepository implements JobExecutionRepository {
  /** Held-back rows per INSERT batch, so that a large call does not hold every row at once. */
  private static final int BATCH = 1_000;

  private final Jdbc jdbc;

  JdbcJobExecutionRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public int insertHeldBack(Scope scope, String jobId, Collection<String> thingNames, Instant at) {
    if (thingNames.isEmpty()) {
      return 0;
    }
    String account = scope.account().value();
    String region = scope.region().value();
    String time = Instants.format(at);
    return jdbc.write(
        "Executions of " + jobResource(jobId),
        connection -> {
          int inserted = 0;
          Iterator<String> names = thingNames.iterator();
          List<Object[]> rows = new ArrayList<>(Math.min(BATCH, thingNames.size()));
          while (names.hasNext()) {
            rows.add(new Object[] {account, region, jobId, names.next(), time, time});
            if (rows.size() == BATCH || !names.hasNext()) {
              for (int count : Jdbc.batchCounts(connection, INSERT_HELD_BACK, rows)) {
                inserted += count;
              }
              rows.clear();
            }
          }
          return inserted;
        });
  }

  /**
   * Reads the first {@code limit} held-back rows, then rolls each out by primary key, still only if
   * held back: a row another writer rolled out or deleted in between is left out of the result.
   */
  @Override
  public List<JobExecution> releaseHeldBack(Scope scope, String jobId, int limit, Instant at) {
    String account = scope.account().value();
    String region = scope.region().value();
    String time = Instants.format(at);
    return jdbc.write(
        "Executions of " + jobResource(jobId),
        connection -> {
          List<JobExecution> heldBack =
              Jdbc.query(
                  connection,
                  heldBackFirstSql(jdbc.dialect()),
                  JdbcJobExecutionRepository::toExecution,
                  account,
                  region,
                  jobId,
                  limit);
          List<Object[]> rows = new ArrayList<>(heldBack.size());
          for (JobExecution execution : heldBack) {
            rows.add(new Object[] {time, time, account, region, jobId, execution.thingName()});
          }
          int[] counts = Jdbc.batchCounts(connection, ROLL_OUT, rows);
          List<JobExecution> released = new ArrayList<>(heldBack.size());
          for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1) {
              released.add(rolledOut(heldBack.get(i), at));
            }
          }
          return released;
        });
  }

  @Override
  public long countHeldBack(Scope scope, String jobId) {
    return jdbc.read(
        "Executions of " + jobResource(jobId),
        connection ->
            Jdbc.queryOne(
                    connection,
                    COUNT_HELD_BACK,
                    row -> row.getLong(1),
                    scope.account().value(),
                    scope.region().value(),
                    jobId)
                .orElse(0L));
  }

  @Override
  public int deleteHeldBack(Scope scope, String jobId) {
    return jdbc.write(
        "Executions of " + jobResource(jobId),
        connection ->
            Jdbc.update(
                connection,
                DELETE_HELD_BACK,
                scope.account().value(),
                scope.region().value(),
                jobId));
  }

  @Override
  public Optional<JobExecution> find(Scope scope, String jobId, String thingName) {
    return jdbc.read(
        resource(jobId, thingName),
        connection ->
            Jdbc.queryOne(
                connection,
                FIND,
                JdbcJobExecutionRepository::toExecution,
                scope.account().value(),
                scope.region().value(),
                jobId,
                thingName));
  }

  @Override
  public void insert(Scope scope, JobExecution execution) {
    String resource = resource(execution.jobId(), execution.thingName());
    List<Object> params = new ArrayList<>(17);
    params.add(scope.account().value());
    params.add(scope.region().value());
    params.addAll(Arrays.asList(values(execution)));
    jdbc.write(
        resource,
        connection -> {
          if (Jdbc.update(connection, INSERT, params.toArray()) == 0) {
            throw SqlErrors.alreadyExists(resource);
          }
          return null;
        });
  }

  /**
   * @throws IllegalArgumentException when {@code next} is of another job or thing than {@code
   *     expected}
   */
  @Override
  public boolean replace(Scope scope, JobExecution expected, JobExecution next) {
    if (!expected.jobId().equals(next.jobId()) || !expected.thingName().equals(next.thingName())) {
      throw new IllegalArgumentException(
          "cannot replace the execution of "
              + expected.jobId()
              + " on "
              + expected.thingName()
              + " by one of "
              + next.jobId()
              + " on "
              + next.thingName());
    }
    Object[] values = values(next);
    List<Object> params = new ArrayList<>(values.length + 4);
    params.addAll(Arrays.asList(values).subList(2, values.length));
    params.add(scope.account().value());
    params.add(scope.region().value());
    params.add(next.jobId());
    params.add(next.thingName());
    params.add(expected.executionNumber());
    params.add(expected.versionNumber());
    return jdbc.write(
        resource(next.jobId(), next.thingName()),
        connection -> Jdbc.update(connection, REPLACE, params.toArray()) == 1);
  }

  @Override
  public void delete(Scope scope, String jobId, String thingName) {
    jdbc.write(
        resource(jobId, thingName),
        connection ->
            Jdbc.update(
                connection,
                DELETE,
                scope.account().value(),
                scope.region().value(),
                jobId,
                thingName));
  }

  @Override
  public List<JobExecution> deleteSome(Scope scope, String jobId, int limit) {
    String account = scope.account().value();
    String region = scope.region().value();
    return jdbc.write(
        "Executions of " + jobResource(jobId),
        connection -> {
          List<JobExecution> first =
              Jdbc.query(
                  connection,
                  FIRST_OF_JOB,
                  JdbcJobExecutionRepository::toExecution,
                  account,
                  region,
                  jobId,
                  limit);
          List<Object[]> keys = new ArrayList<>(first.size());
          for (JobExecution execution : first) {
            keys.add(new Object[] {account, region, jobId, execution.thingName()});
          }
          int[] counts = Jdbc.batchCounts(connection, DELETE, keys);
          List<JobExecution> deleted = new ArrayList<>(first.size());
          for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 1) {
              deleted.add(first.get(i));
            }
          }
          return deleted;
        });
  }

  @Override
  public List<JobExecution> pendingForThing(Scope scope, String thingName, int limit) {
    return jdbc.read(
        "Pending executions of thing " + thingName,
        connection ->
            Jdbc.query(
                connection,
                pendingSql(jdbc.dialect()),
                JdbcJobExecutionRepository::toExecution,
                scope.account().value(),
                scope.region().value(),
                thingName,
                limit));
  }

  @Override
  public Map<String, List<JobExecution>> pendingForThings(
      Scope scope, Collection<String> thingNames) {
    Map<String, List<JobExecution>> byThing = new LinkedHashMap<>();
    List<String> names = List.copyOf(new LinkedHashSet<>(thingNames));
    for (int from = 0; from < names.size(); from += THINGS_PER_QUERY) {
      List<String> chunk = names.subList(from, Math.min(names.size(), from + THINGS_PER_QUERY));
      Object[] params = new Object[chunk.size() + 2];
      params[0] = scope.account().value();
      params[1] = scope.region().value();
      for (int i = 0; i < chunk.size(); i++) {
        params[i + 2] = chunk.get(i);
      }
      List<JobExecution> rows =
          jdbc.read(
              "Pending executions of " + chunk.size() + " things",
              connection ->
                  Jdbc.query(
                      connection,
                      pendingOfThingsSql(jdbc.dialect(), chunk.size()),
                      JdbcJobExecutionRepository::toExecution,
                      params));
      for (JobExecution row : rows) {
        byThing.computeIfAbsent(row.thingName(), t -> new ArrayList<>()).add(row);
      }
    }
    return byThing;
  }

  @Override
  public Page<JobExecution> listForJob(
      Scope scope, String jobId, JobExecutionStatus status, PageRequest page) {
    List<Object> params = new ArrayList<>(6);
    params.add(scope.account().value());
    params.add(scope.region().value());
    params.add(jobId);
    if (status != null) {
      params.add(status.name());
    }
    page.after().ifPresent(params::add);
    params.add(page.limit() + 1);
    String sql = listForJobSql(jdbc.dialect(), status != null, page.after().isPresent());
    List<JobExecution> fetched =
        jdbc.read(
            "Executions of " + jobResource(jobId),
            connection ->
                Jdbc.query(
                    connection, sql, JdbcJobExecutionRepository::toExecution, params.toArray()));
    return Page.fromLookahead(fetched, page.limit(), JobExecution::thingName);
  }

  @Override
  public Page<JobExecution> listForThing(
      Scope scope, String thingName, JobExecutionStatus status, String jobId, PageRequest page) {
    List<Object> params = new ArrayList<>(7);
    params.add(scope.account().value());
    params.add(scope.region().value());
    params.add(thingName);
    if (status != null) {
      params.add(status.name());
    }
    if (jobId != null) {
      params.add(jobId);
    }
    page.after().ifPresent(params::add);
    params.add(page.limit() + 1);
    String sql =
        listForThingSql(jdbc.dialect(), status != null, jobId != null, page.after().isPresent());
    List<JobExecution> fetched =
        jdbc.read(
            "Executions of thing " + thingName,
            connection ->
                Jdbc.query(
                    connection, sql, JdbcJobExecutionRepository::toExecution, params.toArray()));
    return Page.fromLookahead(fetched, page.limit(), JobExecution::jobId);
  }

  @Override
  public Map<JobExecutionStatus, Long> statusCounts(Scope scope, String jobId) {
    Map<JobExecutionStatus, Long> counts = new EnumMap<>(JobExecutionStatus.class);
    jdbc.read(
        "Executions of " + jobResource(jobId),
        connection ->
            Jdbc.query(
                connection,
                statusCountsSql(jdbc.dialect()),
                row -> counts.put(JobExecutionStatus.valueOf(row.getString(1)), row.getLong(2)),
                scope.account().value(),
                scope.region().value(),
                jobId));
    return counts;
  }

  /**
   * One range of {@code job_executions_by_job_status} per status, each at most {@code limit} rows
   * in thing name order, merged: the first {@code limit} of the union are among them. Reading only
   * the rows it returns keeps a caller that works through a large job {@code limit} rows at a time
   * from rereading what it already changed.
   */
  @Override
  public List<JobExecution> inStatuses(
      Scope scope, String jobId, Set<JobExecutionStatus> statuses, int limit) {
    if (statuses.isEmpty()) {
      return List.of();
    }
    String sql = listForJobSql(jdbc.dialect(), true, false);
    List<JobExecution> merged =
        jdbc.read(
            "Executions of " + jobResource(jobId),
            connection -> {
              List<JobExecution> all = new ArrayList<>();
              for (JobExecutionStatus status : statuses) {
                all.addAll(
                    Jdbc.query(
                        connection,
                        sql,
                        JdbcJobExecutionRepository::toExecution,
                        scope.account().value(),
                        scope.region().value(),
                        jobId,
                        status.name(),
                        limit));
              }
              return all;
            });
    merged.sort(Comparator.comparing(JobExecution::thingName, TextOrder.CODE_POINTS));
    return List.copyOf(merged.subList(0, Math.min(limit, merged.size())));
  }

  @Override
  public List<ScopedExecution> timedOut(Instant now, int limit) {
    return jdbc.read(
        "Executions timing out",
        connection ->
            Jdbc.query(
                connection,
                TIMED_OUT,
                row ->
                    new ScopedExecution(
                        Scope.of(row.getString("account_id"), row.getString("region")),
                        row.getString("job_id"),
                        row.getString("thing_name")),
                Instants.format(now),
                limit));
  }

  /** The execution rolled out at {@code at}, as {@code ROLL_OUT} leaves its row. */
  private static JobExecution rolledOut(JobExecution heldBack, Instant at) {
    return new JobExecution(
        heldBack.jobId(),
        heldBack.thingName(),
        heldBack.status(),
        heldBack.statusDetails(),
        heldBack.executionNumber(),
        heldBack.versionNumber(),
        heldBack.retryAttempt(),
        heldBack.forceCanceled(),
        at,
        heldBack.startedAt(),
        at,
        heldBack.inProgressDeadline(),
        heldBack.stepDeadline(),
        true);
  }

  /** The execution's columns in {@code COLUMNS} order. */
  private static Object[] values(JobExecution execution) {
    return new Object[] {
      execution.jobId(),
      execution.thingName(),
      execution.status().name(),
      StoreJson.write(execution.statusDetails()),
      execution.executionNumber(),
      execution.versionNumber(),
      execution.retryAttempt(),
      execution.forceCanceled(),
      Instants.format(execution.queuedAt()),
      Instants.format(execution.startedAt()),
      Instants.format(execution.lastUpdatedAt()),
      Instants.format(execution.inProgressDeadline()),
      Instants.format(execution.stepDeadline()),
      Instants.format(execution.timesOutAt()),
      execution.rolledOut()
    };
  }

  private static JobExecution toExecution(ResultSet row) throws SQLException {
    return new JobExecution(
        row.getString("job_id"),
        row.getString("thing_name"),
        JobExecutionStatus.valueOf(row.getString("status")),
        StoreJson.readStringMap(row.getString("status_details")),
        row.getLong("execution_number"),
        row.getLong("version_number"),
        row.getInt("retry_attempt"),
        row.getBoolean("force_canceled"),
        Instants.parse(row.getString("queued_at")),
        Instants.parse(row.getString("started_at")),
        Instants.parse(row.getString("last_updated_at")),
        Instants.parse(row.getString("in_progress_deadline")),
        Instants.parse(row.getString("step_deadline")),
        row.getBoolean("rolled_out"));
  }

  private static String jobResource(String jobId) {
    return "Job " + jobId;
  }

  private static String resource(String jobId, String thingName) {
    return "Execution of job " + jobId + " on thing " + thingName;
  }
}
