package dev.lamplighter.bench.jobs;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every device reports to: the rounds by job id, the round running now (for replies that do
 * not name their job), and the peers' delivery counter. Thread-safe.
 */
final class JobBoard {
  private final Map<String, JobRound> rounds = new ConcurrentHashMap<>();
  private final Deliveries peer = new Deliveries();
  private volatile JobRound current;

  /** A new round for {@code jobId}, the current one from now on. */
  JobRound begin(String jobId) {
    JobRound round = new JobRound(jobId);
    rounds.put(jobId, round);
    current = round;
    return round;
  }

  /** The round of a job, or null for a job of no round. */
  JobRound round(String jobId) {
    return rounds.get(jobId);
  }

  /** The round running now, or null before the first. */
  JobRound current() {
    return current;
  }

  Deliveries peer() {
    return peer;
  }
}
