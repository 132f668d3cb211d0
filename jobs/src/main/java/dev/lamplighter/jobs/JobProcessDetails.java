package dev.lamplighter.jobs;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How many of a job's rolled-out executions are in each status, and the targets still being rolled
 * out to.
 *
 * @param processingTargets the target ARNs whose executions are still being created or rolled out;
 *     empty once the rollout finished
 */
public record JobProcessDetails(
    Map<JobExecutionStatus, Long> counts, List<String> processingTargets) {
  public JobProcessDetails {
    EnumMap<JobExecutionStatus, Long> all = new EnumMap<>(JobExecutionStatus.class);
    for (JobExecutionStatus status : JobExecutionStatus.values()) {
      all.put(status, counts.getOrDefault(status, 0L));
    }
    counts = Map.copyOf(all);
    processingTargets = List.copyOf(processingTargets);
  }

  public long count(JobExecutionStatus status) {
    return counts.get(status);
  }

  /** Executions in a terminal status. */
  public long terminal() {
    return counts.entrySet().stream()
        .filter(e -> e.getKey().isTerminal())
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** Executions QUEUED or IN_PROGRESS. */
  public long pending() {
    return count(JobExecutionStatus.QUEUED) + count(JobExecutionStatus.IN_PROGRESS);
  }
}
