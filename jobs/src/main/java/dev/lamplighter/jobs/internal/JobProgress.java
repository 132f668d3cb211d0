package dev.lamplighter.jobs.internal;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobProcessDetails;
import dev.lamplighter.jobs.JobStatus;
import dev.lamplighter.jobs.spi.JobsPorts;
import java.util.List;

/** Reading a job with its progress, and writing it back with its change log entry. */
final class JobProgress {
  private final JobsPorts ports;
  private final JobLog log;

  JobProgress(JobsPorts ports, JobLog log) {
    this.ports = ports;
    this.log = log;
  }

  /**
   * The job, or RESOURCE_NOT_FOUND.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown job
   */
  Job find(Scope scope, String jobId) {
    return ports
        .jobs()
        .find(scope, jobId)
        .orElseThrow(() -> ErrorCode.RESOURCE_NOT_FOUND.exception("Job %s does not exist.", jobId));
  }

  /** The executions per status, and the targets still being rolled out to. */
  JobProcessDetails details(Scope scope, Job job) {
    boolean rollingOut =
        job.status().isActive()
            && (!job.rollout().targetsResolved()
                || ports.executions().countHeldBack(scope, job.jobId()) > 0);
    return new JobProcessDetails(
        ports.executions().statusCounts(scope, job.jobId()),
        rollingOut ? job.targets() : List.of());
  }

  /** Whether the engine is rolling out or winding down executions of the job. */
  boolean concurrent(Job job, JobProcessDetails details) {
    return job.rollout().winding()
        || (job.status() == JobStatus.IN_PROGRESS && !details.processingTargets().isEmpty());
  }

  /**
   * Writes {@code next} in place of {@code current} (one version later) and logs it, in the
   * caller's transaction or one of its own.
   *
   * @param details the executions per status, logged when the job became finished, or null
   * @return the job as stored
   * @throws dev.lamplighter.core.error.ServiceException CONFLICTING_RESOURCE_UPDATE when another
   *     write changed the job first
   */
  Job replace(Scope scope, Job current, Job next, JobProcessDetails details) {
    if (!tryReplace(scope, current, next, details)) {
      throw ErrorCode.CONFLICTING_RESOURCE_UPDATE.exception(
          "Job %s was changed by another request; try again.", current.jobId());
    }
    return next.withVersion(current.version() + 1);
  }

  /** As {@link #replace}, false instead of an exception on a lost race (the engine's writes). */
  boolean tryReplace(Scope scope, Job current, Job next, JobProcessDetails details) {
    Job versioned = next.withVersion(current.version() + 1);
    return ports
        .transactions()
        .inTransaction(
            () -> {
              if (!ports.jobs().replace(scope, versioned, current.version())) {
                return false;
              }
              log.job(scope, versioned, current.status(), details);
              return true;
            });
  }
}
