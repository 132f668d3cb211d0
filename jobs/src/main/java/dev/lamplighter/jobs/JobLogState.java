package dev.lamplighter.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a JOB change log entry carries (named by the job id; a DELETED entry carries the job as it
 * was last): enough for a subscriber to job events without reading the job again.
 *
 * @param previousStatus the status before the change, or null for a new job
 * @param processDetails the executions per status when the job became COMPLETED or CANCELED, else
 *     null
 */
public record JobLogState(
    String jobId,
    JobStatus status,
    JobStatus previousStatus,
    TargetSelection targetSelection,
    List<String> targets,
    String description,
    String comment,
    String reasonCode,
    boolean forceCanceled,
    Instant createdAt,
    Instant lastUpdatedAt,
    Instant completedAt,
    Map<JobExecutionStatus, Long> processDetails) {

  /**
   * The state of {@code job} after a change from {@code previousStatus}, with the executions per
   * status when given.
   */
  public static JobLogState of(Job job, JobStatus previousStatus, JobProcessDetails details) {
    return new JobLogState(
        job.jobId(),
        job.status(),
        previousStatus,
        job.targetSelection(),
        job.targets(),
        job.description(),
        job.comment(),
        job.reasonCode(),
        job.forceCanceled(),
        job.createdAt(),
        job.lastUpdatedAt(),
        job.completedAt(),
        details == null ? null : details.counts());
  }
}
