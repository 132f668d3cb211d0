package dev.lamplighter.jobs.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.JobExecutionStatus;
import dev.lamplighter.jobs.spi.JobsPorts;
import dev.lamplighter.registry.Registry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A canceled or deleted job's executions wound down in batches, each a transaction: a canceled
 * job's held-back executions go and its QUEUED ones (with force, its IN_PROGRESS ones too) are
 * canceled; a deleted job's executions are deleted, then the job and its tags.
 */
final class JobWindDown {
  private static final long BUDGET_NANOS = Duration.ofSeconds(2).toNanos();
  private static final Set<JobExecutionStatus> QUEUED = EnumSet.of(JobExecutionStatus.QUEUED);
  private static final Set<JobExecutionStatus> PENDING =
      EnumSet.of(JobExecutionStatus.QUEUED, JobExecutionStatus.IN_PROGRESS);

  private final JobsPorts ports;
  private final Registry registry;
  private final Clock clock;
  private final ExecutionWriter writer;
  private final JobLog log;
  private final JobProgress progress;

  JobWindDown(
      JobsPorts ports,
      Registry registry,
      Clock clock,
      ExecutionWriter writer,
      JobLog log,
      JobProgress progress) {
    this.ports = ports;
    this.registry = registry;
    this.clock = clock;
    this.writer = writer;
    this.log = log;
    this.progress = progress;
  }

  /** Cancels the job's pending executions; marks the job wound down once none is left. */
  void cancelExecutions(Scope scope, Job job) {
    ports.transactions().inTransaction(() -> ports.executions().deleteHeldBack(scope, job.jobId()));
    Set<JobExecutionStatus> statuses = job.rollout().cancelInProgress() ? PENDING : QUEUED;
    long started = System.nanoTime();
    while (System.nanoTime() - started < BUDGET_NANOS) {
      List<JobExecution> batch =
          ports.executions().inStatuses(scope, job.jobId(), statuses, JobRollout.BATCH);
      if (batch.isEmpty()) {
        progress.tryReplace(scope, job, job.withRollout(job.rollout().wound()), null);
        return;
      }
      Instant now = clock.instant();
      ports
          .transactions()
          .inTransaction(
              () -> {
                for (JobExecution execution : batch) {
                  writer.end(
                      scope,
                      null,
                      execution,
                      JobExecutionStatus.CANCELED,
                      execution.status() == JobExecutionStatus.IN_PROGRESS,
                      now);
                }
              });
    }
  }

  /**
   * Deletes the job's executions, then the job and its tags.
   *
   * @return whether the job is gone
   */
  boolean deleteExecutions(Scope scope, Job job) {
    long started = System.nanoTime();
    while (System.nanoTime() - started < BUDGET_NANOS) {
      boolean gone =
          ports
              .transactions()
              .inTransaction(
                  () -> {
                    List<JobExecution> deleted =
                        ports.executions().deleteSome(scope, job.jobId(), JobRollout.BATCH);
                    deleted.stream()
                        .filter(JobExecution::rolledOut)
                        .forEach(execution -> log.executionDeleted(scope, execution));
                    if (!deleted.isEmpty()) {
                      return false;
                    }
                    ports.jobs().delete(scope, job.jobId());
                    registry.tags().removeAll(scope, JobServiceImpl.arn(scope, job.jobId()));
                    log.jobDeleted(scope, job);
                    return true;
                  });
      if (gone) {
        return true;
      }
    }
    return false;
  }
}
