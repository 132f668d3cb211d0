package dev.lamplighter.store.internal;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobQuery;
import dev.lamplighter.jobs.JobStatus;
import dev.lamplighter.jobs.TargetSelection;
import dev.lamplighter.jobs.spi.JobRepository;
import dev.lamplighter.jobs.spi.JobTarget;
import dev.lamplighter.jobs.spi.ScopedJob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Jobs, one row each in {@code jobs}, with their targets as rows of {@code job_targets} beside
 * them. The row keeps everything {@link Job} holds, so {@link #find} is one primary-key lookup: the
 * target list, the document parameters, the configurations and the destination package versions as
 * JSON columns, the engine's {@link Job.RolloutState} as columns of its own. {@code job_targets}
 * repeats the targets, with the group name and id of each group target, for the lookups by group
 * ({@link #list}'s group filters, {@link #continuousTargeting}, {@link #firstGroupId}); the caller
 * keeps the two in step ({@link Job#withTargets} and {@link #addTargets} in one transaction).
 * {@link #addTargets} numbers the new targets after the job's last one, so the caller serializes
 * writers of one job through its version ({@link #replace} first), as it does for every job write.
 *
 * <p>The configurations column is {@link JobConfigs} as Jackson writes a record: its components by
 * name, nested records as objects, enums by name. Renaming or removing a component of those records
 * changes what stored rows mean and needs a migration of the column.
 */
final class JdbcJobRepository implements JobRepository {
  /** Every column of a job row, in the order {@link #values} gives them. */
  static final String COLUMNS =
      "job_id, status, target_selection, targets, description, document, document_source,"
          + " job_template_arn, document_parameters, configs, namespace_id, comment, reason_code,"
          + " force_canceled, destination_package_versions, created_at, last_updated_at,"
          + " completed_at, targets_resolved, rolled_out_count, anchor_at, anchor_count,"
          + " rate_step, winding, cancel_in_progress, version";

  private static final String FIND =
      "SELECT " + COLUMNS + " FROM jobs WHERE account_id = ? AND region = ? AND job_id = ?";
  private static final String INSERT =
      "INSERT INTO jobs (account_id, region, "
          + COLUMNS
          + ") VALUES (?, ?, "
          + Jdbc.placeholders(26)
          + ") ON CONFLICT (account_id, region, job_id) DO NOTHING";

  /** Every column but the key, in {@link #COLUMNS} order, at the version the writer read. */
  private static final String REPLACE =
      "UPDATE jobs SET status = ?, target_selection = ?, targets = ?, description = ?,"
          + " document = ?, document_source = ?, job_template_arn = ?, document_parameters = ?,"
          + " configs = ?, namespace_id = ?, comment = ?, reason_code = ?, force_canceled = ?,"
          + " destination_package_versions = ?, created_at = ?, last_updated_at = ?,"
          + " completed_at = ?, targets_resolved = ?, rolled_out_count = ?, anchor_at = ?,"
          + " anchor_count = ?, rate_step = ?, winding = ?, cancel_in_progress = ?, version = ?"
          + " WHERE account_id = ? AND region = ? AND job_id = ? AND version = ?";

  // job_targets rows go with the job: ON DELETE CASCADE.
  private static final String DELETE =
      "DELETE FROM jobs WHERE account_id = ? AND region = ? AND job_id = ?";

  private static final String INSERT_TARGET =
      "INSERT INTO job_targets (account_id, region, job_id, position, target_arn, group_name,"
          + " group_id) VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String NEXT_POSITION =
      "SELECT COALESCE(MAX(position) + 1, 0) FROM job_targets"
          + " WHERE account_id = ? AND region = ? AND job_id = ?";
  static final String FIRST_GROUP_ID =
      "SELECT group_id FROM job_targets WHERE account_id = ? AND region = ? AND job_id = ?"
          + " AND group_id IS NOT NULL ORDER BY position LIMIT 1";
  static final String COUNT_DELETING =
      "SELECT COUNT(*) FROM jobs WHERE account_id = ? AND region = ?"
          + " AND status = 'DELETION_IN_PROGRESS'";

  /** The same condition, word for word, as the partial index {@code jobs_needing_work}. */
  static final String NEEDING_WORK =
      "SELECT account_id, region, job_id FROM jobs"
          + " WHERE (status IN ('IN_PROGRESS', 'SCHEDULED') OR winding = TRUE) LIMIT ?";

  /** Group names per {@link #CONTINUOUS_TARGETING} statement, padded with nulls. */
  static final int CHUNK = 100;

  /** Continuous, active jobs of the scope with any of a chunk of group names among the targets. */
  static final String CONTINUOUS_TARGETING =
      "SELECT "
          + COLUMNS
          + " FROM jobs j WHERE j.account_id = ? AND j.region = ?"
          + " AND j.target_selection = 'CONTINUOUS' AND j.status IN ('IN_PROGRESS', 'SCHEDULED')"
          + " AND j.job_id IN (SELECT t.job_id FROM job_targets t WHERE t.account_id = ?"
          + " AND t.region = ? AND t.group_name IN ("
          + Jdbc.placeholders(CHUNK)
          + ")) ORDER BY j.job_id";

  private final Jdbc jdbc;

  JdbcJobRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(Scope scope, Job job, List<JobTarget> targets) {
    String resource = resource(job.jobId());
    jdbc.write(
        resource,
        connection -> {
          List<Object> params = new ArrayList<>(28);
          params.add(scope.account().value());
          params.add(scope.region().value());
          params.addAll(Arrays.asList(values(job)));
          if (Jdbc.update(connection, INSERT, params.toArray()) == 0) {
            throw SqlErrors.alreadyExists(resource);
          }
          insertTargets(connection, scope, job.jobId(), 0, targets);
          return null;
        });
  }

  @Override
  public Optional<Job> find(Scope scope, String jobId) {
    return jdbc.read(
        resource(jobId),
        connection ->
            Jdbc.queryOne(
                connection,
                FIND,
                JdbcJobRepository::toJob,
                scope.account().value(),
                scope.region().value(),
                jobId));
  }

  @Override
  public boolean replace(Scope scope, Job next, long expectedVersion) {
    Object[] values = values(next);
    List<Object> params = new ArrayList<>(values.length + 3);
    params.addAll(Arrays.asList(values).subList(1, values.length));
    params.add(scope.account().value());
    params.add(scope.region().value());
    params.add(next.jobId());
    params.add(expectedVersion);
    return jdbc.write(
        resource(next.jobId()),
        connection -> Jdbc.update(connection, REPLACE, params.toArray()) == 1);
  }

  @Override
  public void addTargets(Scope scope, String jobId, List<JobTarget> targets) {
    if (targets.isEmpty()) {
      return;
    }
    jdbc.write(
        "Targets of " + resource(jobId),
        connection -> {
          long next =
              Jdbc.queryOne(
                      connection,
                      NEXT_POSITION,
                      row -> row.getLong(1),
                      scope.account().value(),
                      scope.region().value(),
                      jobId)
                  .orElse(0L);
          insertTargets(connection, scope, jobId, next, targets);
          return null;
        });
  }

  @Override
  public void delete(Scope scope, String jobId) {
    jdbc.write(
        resource(jobId),
        connection ->
            Jdbc.update(
                connection, DELETE, scope.account().value(), scope.region().value(), jobId));
  }

  @Override
  public Page<Job> list(Scope scope, JobQuery query, PageRequest page) {
    List<Object> params = new ArrayList<>();
    String sql =
        listSql(jdbc.dialect(), scope, query, page.after().orElse(null), page.limit() + 1, params);
    List<Job> fetched =
        jdbc.read(
            "Jobs",
            connection -> Jdbc.query(connection, sql, JdbcJobRepository::toJob, params.toArray()));
    return Page.fromLookahead(fetched, page.limit(), Job::jobId);
  }

  /**
   * A page of the scope's jobs matching {@code query} in job id order; fills {@code params}. A
   * status filter reads {@code jobs_by_status}, otherwise the primary key; a group filter keeps the
   * jobs whose id is among the group's jobs in {@code job_targets}.
   */
  static String listSql(
      Dialect dialect,
      Scope scope,
      JobQuery query,
      String afterJobId,
      int limit,
      List<Object> params) {
    String account = scope.account().value();
    String region = scope.region().value();
    StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM jobs j");
    if (query.status() != null) {
      sql.append(dialect.useIndex("jobs_by_status"));
    }
    sql.append(" WHERE j.account_id = ? AND j.region = ?");
    params.add(account);
    params.add(region);
    if (query.status() != null) {
      sql.append(" AND j.status = ?");
      params.add(query.status().name());
    }
    if (query.targetSelection() != null) {
      sql.append(" AND j.target_selection = ?");
      params.add(query.targetSelection().name());
    }
    if (query.namespaceId() != null) {
      sql.append(" AND j.namespace_id = ?");
      params.add(query.namespaceId());
    }
    if (query.thingGroupName() != null) {
      sql.append(
          " AND j.job_id IN (SELECT t.job_id FROM job_targets t WHERE t.account_id = ?"
              + " AND t.region = ? AND t.group_name = ?)");
      params.add(account);
      params.add(region);
      params.add(query.thingGroupName());
    }
    if (query.thingGroupId() != null) {
      sql.append(
          " AND j.job_id IN (SELECT t.job_id FROM job_targets t WHERE t.account_id = ?"
              + " AND t.region = ? AND t.group_id = ?)");
      params.add(account);
      params.add(region);
      params.add(query.thingGroupId());
    }
    if (afterJobId != null) {
      sql.append(" AND j.job_id > ?");
      params.add(afterJobId);
    }
    sql.append(" ORDER BY j.job_id LIMIT ?");
    params.add(limit);
    return sql.toString();
  }

  @Override
  public Optional<String> firstGroupId(Scope scope, String jobId) {
    return jdbc.read(
        "Targets of " + resource(jobId),
        connection ->
            Jdbc.queryOne(
                connection,
                FIRST_GROUP_ID,
                row -> row.getString(1),
                scope.account().value(),
                scope.region().value(),
                jobId));
  }

  @Override
  public int countDeleting(Scope scope) {
    return jdbc.read(
        "Jobs being deleted",
        connection ->
            Jdbc.queryOne(
                    connection,
                    COUNT_DELETING,
                    row -> row.getInt(1),
                    scope.account().value(),
                    scope.region().value())
                .orElse(0));
  }

  @Override
  public List<ScopedJob> needingWork(int limit) {
    return jdbc.read(
        "Jobs needing work",
        connection ->
            Jdbc.query(
                connection,
                NEEDING_WORK,
                row ->
                    new ScopedJob(
                        Scope.of(row.getString("account_id"), row.getString("region")),
                        row.getString("job_id")),
                limit));
  }

  /**
   * In chunks of {@value #CHUNK} group names, each one statement whose short last chunk is padded
   * with nulls (which match nothing); a job targeting several of the groups is returned once, in
   * job id order.
   */
  @Override
  public List<Job> continuousTargeting(Scope scope, Collection<String> groupNames) {
    if (groupNames.isEmpty()) {
      return List.of();
    }
    List<String> names = List.copyOf(groupNames);
    return jdbc.read(
        "Continuous jobs targeting thing groups",
        connection -> {
          Map<String, Job> jobs = new TreeMap<>(TextOrder.CODE_POINTS);
          for (int from = 0; from < names.size(); from += CHUNK) {
            List<Object> params = new ArrayList<>(CHUNK + 4);
            params.add(scope.account().value());
            params.add(scope.region().value());
            params.add(scope.account().value());
            params.add(scope.region().value());
            List<String> chunk = names.subList(from, Math.min(names.size(), from + CHUNK));
            params.addAll(chunk);
            while (params.size() < CHUNK + 4) {
              params.add(null);
            }
            for (Job job :
                Jdbc.query(
                    connection, CONTINUOUS_TARGETING, JdbcJobRepository::toJob, params.toArray())) {
              jobs.put(job.jobId(), job);
            }
          }
          return List.copyOf(jobs.values());
        });
  }

  private static void insertTargets(
      Connection connection, Scope scope, String jobId, long firstPosition, List<JobTarget> targets)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>(targets.size());
    long position = firstPosition;
    for (JobTarget target : targets) {
      rows.add(
          new Object[] {
            scope.account().value(),
            scope.region().value(),
            jobId,
            position++,
            target.arn(),
            target.groupName(),
            target.groupId()
          });
    }
    Jdbc.batch(connection, INSERT_TARGET, rows);
  }

  /** The job's columns in {@link #COLUMNS} order. */
  private static Object[] values(Job job) {
    Job.RolloutState rollout = job.rollout();
    return new Object[] {
      job.jobId(),
      job.status().name(),
      job.targetSelection().name(),
      StoreJson.write(job.targets()),
      job.description(),
      job.document(),
      job.documentSource(),
      job.jobTemplateArn(),
      StoreJson.write(job.documentParameters()),
      StoreJson.write(job.configs()),
      job.namespaceId(),
      job.comment(),
      job.reasonCode(),
      job.forceCanceled(),
      StoreJson.write(job.destinationPackageVersions()),
      Instants.format(job.createdAt()),
      Instants.format(job.lastUpdatedAt()),
      Instants.format(job.completedAt()),
      rollout.targetsResolved(),
      rollout.rolledOut(),
      Instants.format(rollout.anchorAt()),
      rollout.anchorCount(),
      rollout.rateStep(),
      rollout.winding(),
      rollout.cancelInProgress(),
      job.version()
    };
  }

  private static Job toJob(ResultSet row) throws SQLException {
    return new Job(
        row.getString("job_id"),
        JobStatus.valueOf(row.getString("status")),
        TargetSelection.valueOf(row.getString("target_selection")),
        StoreJson.readStringList(row.getString("targets")),
        row.getString("description"),
        row.getString("document"),
        row.getString("document_source"),
        row.getString("job_template_arn"),
        StoreJson.readStringMap(row.getString("document_parameters")),
        StoreJson.read(row.getString("configs"), JobConfigs.class),
        row.getString("namespace_id"),
        row.getString("comment"),
        row.getString("reason_code"),
        row.getBoolean("force_canceled"),
        StoreJson.readStringList(row.getString("destination_package_versions")),
        Instants.parse(row.getString("created_at")),
        Instants.parse(row.getString("last_updated_at")),
        Instants.parse(row.getString("completed_at")),
        new Job.RolloutState(
            row.getBoolean("targets_resolved"),
            row.getLong("rolled_out_count"),
            Instants.parse(row.getString("anchor_at")),
            row.getLong("anchor_count"),
            row.getInt("rate_step"),
            row.getBoolean("winding"),
            row.getBoolean("cancel_in_progress")),
        row.getLong("version"));
  }

  private static String resource(String jobId) {
    return "Job " + jobId;
  }
}
