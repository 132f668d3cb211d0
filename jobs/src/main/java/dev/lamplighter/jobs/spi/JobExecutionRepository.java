package dev.lamplighter.jobs.spi;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.JobExecutionStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Job executions, one row per job and thing. Rows the engine holds back ({@code rolledOut} false)
 * are seen only by {@link #find} and the held-back methods; every listing, count and device query
 * sees rolled-out rows only.
 */
public interface JobExecutionRepository {

  /**
   * Creates held-back executions (QUEUED, execution 1, version 1) for the things that have none for
   * this job yet.
   *
   * @return how many were created
   */
  int insertHeldBack(Scope scope, String jobId, Collection<String> thingNames, Instant at);

  /**
   * Rolls out up to {@code limit} held-back executions of the job, in thing name order: they become
   * visible, queued at {@code at}.
   *
   * @return the executions rolled out, as they are now
   */
  List<JobExecution> releaseHeldBack(Scope scope, String jobId, int limit, Instant at);

  /** How many executions of the job are held back. */
  long countHeldBack(Scope scope, String jobId);

  /** Drops the job's held-back executions (the rollout stopped); returns how many. */
  int deleteHeldBack(Scope scope, String jobId);

  /** The execution of the job on the thing, held back or not. */
  Optional<JobExecution> find(Scope scope, String jobId, String thingName);

  /** Stores a new (rolled-out) execution for a thing that has none for this job. */
  void insert(Scope scope, JobExecution execution);

  /**
   * Replaces the execution if it is still at {@code expected}'s execution and version numbers.
   *
   * @return false when another write changed it first (or it is gone)
   */
  boolean replace(Scope scope, JobExecution expected, JobExecution next);

  /** Removes an execution. */
  void delete(Scope scope, String jobId, String thingName);

  /**
   * Removes up to {@code limit} executions of the job (held back or not), returning those removed.
   */
  List<JobExecution> deleteSome(Scope scope, String jobId, int limit);

  /**
   * The thing's pending (QUEUED or IN_PROGRESS) rolled-out executions: IN_PROGRESS first, then by
   * the time they were queued, then by job id; at most {@code limit}.
   */
  List<JobExecution> pendingForThing(Scope scope, String thingName, int limit);

  /**
   * The pending executions of several things, each thing's in the order of {@link
   * #pendingForThing}; things with none are left out.
   */
  Map<String, List<JobExecution>> pendingForThings(Scope scope, Collection<String> thingNames);

  /** The job's executions, optionally in one status, in thing name order, paged by thing name. */
  Page<JobExecution> listForJob(
      Scope scope, String jobId, JobExecutionStatus status, PageRequest page);

  /**
   * The thing's executions, optionally in one status and of one job, in job id order, paged by job
   * id.
   */
  Page<JobExecution> listForThing(
      Scope scope, String thingName, JobExecutionStatus status, String jobId, PageRequest page);

  /** How many of the job's executions are in each status (statuses without any are left out). */
  Map<JobExecutionStatus, Long> statusCounts(Scope scope, String jobId);

  /** Up to {@code limit} of the job's executions in the given statuses, in thing name order. */
  List<JobExecution> inStatuses(
      Scope scope, String jobId, Set<JobExecutionStatus> statuses, int limit);

  /**
   * Executions IN_PROGRESS whose earlier timer is at or before {@code now}, across scopes, at most
   * {@code limit}.
   */
  List<ScopedExecution> timedOut(Instant now, int limit);
}
