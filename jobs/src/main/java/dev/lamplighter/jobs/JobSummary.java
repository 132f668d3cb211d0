package dev.lamplighter.jobs;

import java.time.Instant;

/**
 * One job as ListJobs shows it.
 *
 * @param thingGroupId the id of the job's first thing-group target, or null
 */
public record JobSummary(
    String jobId,
    JobStatus status,
    TargetSelection targetSelection,
    String thingGroupId,
    Instant createdAt,
    Instant lastUpdatedAt,
    Instant completedAt,
    boolean concurrent) {}
