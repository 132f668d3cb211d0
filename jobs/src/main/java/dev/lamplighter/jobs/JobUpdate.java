package dev.lamplighter.jobs;

import java.util.Objects;

/**
 * UpdateJob: each field null leaves the job's value as it is. Scheduling and targets cannot be
 * changed this way.
 */
public record JobUpdate(String jobId, String description, JobConfigs configs) {
  public JobUpdate {
    Objects.requireNonNull(jobId, "jobId");
    configs = configs == null ? JobConfigs.NONE : configs;
  }
}
