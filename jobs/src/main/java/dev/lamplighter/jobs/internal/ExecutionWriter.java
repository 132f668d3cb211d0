package dev.lamplighter.jobs.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.JobExecutionStatus;
import dev.lamplighter.jobs.spi.JobsPorts;
import java.time.Instant;

/**
 * Writes an execution's change with its change log entry, inside the caller's transaction, and
 * queues a FAILED or TIMED_OUT execution again when the job's retry configuration allows (the
 * failure is logged first, so its event is published, then the retry).
 */
final class ExecutionWriter {
  private final JobsPorts ports;
  private final JobLog log;

  ExecutionWriter(JobsPorts ports, JobLog log) {
    this.ports = ports;
    this.log = log;
  }

  /**
   * Replaces {@code current} with {@code next} if nobody changed it meanwhile.
   *
   * @param job the execution's job, for its retry configuration, or null to never retry
   * @return the execution as stored now (queued again after a retry), or null when another write
   *     came first
   */
  JobExecution write(Scope scope, Job job, JobExecution current, JobExecution next, Instant at) {
    if (!ports.executions().replace(scope, current, next)) {
      return null;
    }
    if (next.rolledOut()) {
      log.execution(scope, next, current.rolledOut() ? current.status() : null);
    }
    if (job != null
        && job.status() == dev.lamplighter.jobs.JobStatus.IN_PROGRESS
        && FailureRules.retries(job.configs().retry(), next.status(), next.retryAttempt())) {
      JobExecution retried = next.retried(at);
      if (ports.executions().replace(scope, next, retried)) {
        log.execution(scope, retried, next.status());
        return retried;
      }
    }
    return next;
  }

  /** Stores a new, rolled-out execution. */
  void insert(Scope scope, JobExecution execution) {
    ports.executions().insert(scope, execution);
    log.execution(scope, execution, null);
  }

  /** A terminal status the service sets (CANCELED, REMOVED, TIMED_OUT) on a pending execution. */
  JobExecution end(
      Scope scope,
      Job job,
      JobExecution current,
      JobExecutionStatus status,
      boolean forced,
      Instant at) {
    return write(scope, job, current, current.moved(status, null, at, forced), at);
  }
}
