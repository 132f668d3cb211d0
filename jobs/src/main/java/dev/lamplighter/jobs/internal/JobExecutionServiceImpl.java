package dev.lamplighter.jobs.internal;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.JobExecutionService;
import dev.lamplighter.jobs.JobExecutionStatus;
import dev.lamplighter.jobs.spi.JobsPorts;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Job executions in the control plane: describe, cancel, delete and list. */
public final class JobExecutionServiceImpl implements JobExecutionService {
  private final JobsPorts ports;
  private final Clock clock;
  private final ExecutionWriter writer;
  private final JobLog log;
  private final JobProgress progress;

  JobExecutionServiceImpl(
      JobsPorts ports, Clock clock, ExecutionWriter writer, JobLog log, JobProgress progress) {
    this.ports = ports;
    this.clock = clock;
    this.writer = writer;
    this.log = log;
    this.progress = progress;
  }

  @Override
  public JobExecution describe(Scope scope, String jobId, String thingName, Long executionNumber) {
    return existing(scope, jobId, thingName, executionNumber);
  }

  @Override
  public JobExecution cancel(
      Scope scope,
      String jobId,
      String thingName,
      boolean force,
      Long expectedVersion,
      Map<String, String> statusDetails) {
    DetailsRules.checkControlPlane(statusDetails);
    return ports
        .transactions()
        .inTransaction(
            () -> {
              JobExecution current = existing(scope, jobId, thingName, null);
              if (expectedVersion != null && expectedVersion != current.versionNumber()) {
                throw ErrorCode.VERSION_CONFLICT.exception(
                    "The job execution of job %s on thing %s is at version %d, not %d.",
                    jobId, thingName, current.versionNumber(), expectedVersion);
              }
              if (current.status().isTerminal()) {
                throw ErrorCode.INVALID_STATE_TRANSITION.exception(
                    "The job execution of job %s on thing %s is %s and cannot be canceled.",
                    jobId, thingName, current.status());
              }
              if (current.status() == JobExecutionStatus.IN_PROGRESS && !force) {
                throw ErrorCode.INVALID_STATE_TRANSITION.exception(
                    "The job execution of job %s on thing %s is IN_PROGRESS; set force to cancel"
                        + " it.",
                    jobId, thingName);
              }
              Instant now = clock.instant();
              JobExecution next =
                  current.moved(
                      JobExecutionStatus.CANCELED,
                      statusDetails,
                      now,
                      current.status() == JobExecutionStatus.IN_PROGRESS);
              JobExecution stored = writer.write(scope, null, current, next, now);
              if (stored == null) {
                throw ErrorCode.CONFLICTING_RESOURCE_UPDATE.exception(
                    "The job execution of job %s on thing %s changed meanwhile; try again.",
                    jobId, thingName);
              }
              return stored;
            });
  }

  @Override
  public void delete(
      Scope scope, String jobId, String thingName, long executionNumber, boolean force) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              JobExecution current = existing(scope, jobId, thingName, executionNumber);
              if (!current.status().isTerminal() && !force) {
                throw ErrorCode.INVALID_STATE_TRANSITION.exception(
                    "The job execution of job %s on thing %s is %s; set force to delete an"
                        + " execution that is not in a terminal status.",
                    jobId, thingName, current.status());
              }
              ports.executions().delete(scope, jobId, thingName);
              log.executionDeleted(scope, current);
            });
  }

  @Override
  public Page<JobExecution> listForJob(
      Scope scope, String jobId, JobExecutionStatus status, PageRequest page) {
    Job job = progress.find(scope, jobId);
    return ports.executions().listForJob(scope, job.jobId(), status, page);
  }

  @Override
  public Page<JobExecution> listForThing(
      Scope scope, String thingName, JobExecutionStatus status, String jobId, PageRequest page) {
    return ports.executions().listForThing(scope, thingName, status, jobId, page);
  }

  private JobExecution existing(Scope scope, String jobId, String thingName, Long executionNumber) {
    Optional<JobExecution> found =
        ports.executions().find(scope, jobId, thingName).filter(JobExecution::rolledOut);
    if (found.isEmpty()
        || (executionNumber != null && executionNumber != found.get().executionNumber())) {
      throw DeviceJobServiceImpl.executionNotFound(jobId, thingName, executionNumber);
    }
    return found.get();
  }
}
