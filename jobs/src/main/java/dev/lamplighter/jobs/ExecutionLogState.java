package dev.lamplighter.jobs;

import java.time.Instant;
import java.util.Map;

/**
 * What a JOB_EXECUTION change log entry carries (named {@code {jobId}/{thingName}}): the execution
 * after the change and the status before it, so a follower can tell an execution joining or leaving
 * its thing's pending list without reading it again.
 *
 * @param previousStatus the status before the change, or null for a new execution
 */
public record ExecutionLogState(
    String jobId,
    String thingName,
    JobExecutionStatus status,
    JobExecutionStatus previousStatus,
    Map<String, String> statusDetails,
    long executionNumber,
    long versionNumber,
    int retryAttempt,
    Instant queuedAt,
    Instant startedAt,
    Instant lastUpdatedAt) {

  public static ExecutionLogState of(JobExecution execution, JobExecutionStatus previousStatus) {
    return new ExecutionLogState(
        execution.jobId(),
        execution.thingName(),
        execution.status(),
        previousStatus,
        execution.statusDetails(),
        execution.executionNumber(),
        execution.versionNumber(),
        execution.retryAttempt(),
        execution.queuedAt(),
        execution.startedAt(),
        execution.lastUpdatedAt());
  }

  /** The name a JOB_EXECUTION entry is logged under. */
  public static String entryName(String jobId, String thingName) {
    return jobId + "/" + thingName;
  }
}
