package dev.lamplighter.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a JOB change log entry carries (named by the job id; none for DELETED): enough for a
 * subscriber to job events without reading the job again.
 *
 * @param processDetails the executions per status when the job became COMPLETED or CANCELED, else
 *     null
 */
public record JobLogState(
    String jobId,
    JobStatus status,
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

  static JobLogState of(Job job, JobProcessDetails details) {
    return new JobLogState(
        job.jobId(),
        job.status(),
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

  /** The state of {@code job}, with the executions per status when given. */
  public static JobLogState from(Job job, JobProcessDetails details) {
    return of(job, details);
  }
}
