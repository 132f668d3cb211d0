package dev.lamplighter.jobs.internal;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.event.ChangeLog;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.ExecutionLogState;
import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.JobExecutionStatus;
import dev.lamplighter.jobs.JobLogState;
import dev.lamplighter.jobs.JobProcessDetails;
import dev.lamplighter.jobs.JobStatus;

/** Appends jobs' and executions' change log entries, inside the caller's transaction. */
final class JobLog {
  private final ChangeLog log;

  JobLog(ChangeLog log) {
    this.log = log;
  }

  /** A new job ({@code previous} null), or one that changed from {@code previous}. */
  void job(Scope scope, Job job, JobStatus previous, JobProcessDetails details) {
    log.append(
        new ChangeRecord(
            scope,
            ResourceType.JOB,
            job.jobId(),
            previous == null ? ChangeKind.CREATED : ChangeKind.UPDATED,
            JobLogState.of(job, previous, details)));
  }

  /** The job is gone; the entry carries it as it was last. */
  void jobDeleted(Scope scope, Job job) {
    log.append(
        new ChangeRecord(
            scope,
            ResourceType.JOB,
            job.jobId(),
            ChangeKind.DELETED,
            JobLogState.of(job, job.status(), null)));
  }

  /** A new execution, or one that changed from {@code previous} (null when new). */
  void execution(Scope scope, JobExecution execution, JobExecutionStatus previous) {
    log.append(
        new ChangeRecord(
            scope,
            ResourceType.JOB_EXECUTION,
            ExecutionLogState.entryName(execution.jobId(), execution.thingName()),
            previous == null ? ChangeKind.CREATED : ChangeKind.UPDATED,
            ExecutionLogState.of(execution, previous)));
  }

  /** An execution removed; the state is the execution as it was, its status as before. */
  void executionDeleted(Scope scope, JobExecution execution) {
    log.append(
        new ChangeRecord(
            scope,
            ResourceType.JOB_EXECUTION,
            ExecutionLogState.entryName(execution.jobId(), execution.thingName()),
            ChangeKind.DELETED,
            ExecutionLogState.of(execution, execution.status())));
  }
}
