package dev.lamplighter.jobs;

import java.util.List;

/**
 * GetPendingJobExecutions' answer, each list oldest first.
 *
 * @param inProgress executions IN_PROGRESS
 * @param queued executions QUEUED
 */
public record PendingExecutions(List<JobExecution> inProgress, List<JobExecution> queued) {
  public PendingExecutions {
    inProgress = List.copyOf(inProgress);
    queued = List.copyOf(queued);
  }
}
