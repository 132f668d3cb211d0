package dev.lamplighter.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A job's execution on one thing. One record per job and thing: a retry queues the same execution
 * again (its {@code retryAttempt} grows), and a continuous job that reaches a thing again after its
 * execution ended starts the next {@code executionNumber}.
 *
 * @param statusDetails the latest name/value pairs reported (at most 10 through the control plane)
 * @param executionNumber 1 for a thing's first execution of the job
 * @param versionNumber 1 when queued, one more with every update
 * @param retryAttempt how many retries were made
 * @param inProgressDeadline when the in-progress timer fires, or null
 * @param stepDeadline when the step timer fires (never after the in-progress timer), or null
 * @param rolledOut false while the engine holds the execution back (rollout rate, schedule): such
 *     an execution is invisible to devices and listings
 */
public record JobExecution(
    String jobId,
    String thingName,
    JobExecutionStatus status,
    Map<String, String> statusDetails,
    long executionNumber,
    long versionNumber,
    int retryAttempt,
    boolean forceCanceled,
    Instant queuedAt,
    Instant startedAt,
    Instant lastUpdatedAt,
    Instant inProgressDeadline,
    Instant stepDeadline,
    boolean rolledOut) {
  public JobExecution {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(thingName, "thingName");
    Objects.requireNonNull(status, "status");
    statusDetails = statusDetails == null ? Map.of() : Map.copyOf(statusDetails);
  }

  /** When the execution times out: the earlier of its timers, or null. */
  public Instant timesOutAt() {
    if (inProgressDeadline == null) {
      return stepDeadline;
    }
    if (stepDeadline == null) {
      return inProgressDeadline;
    }
    return stepDeadline.isBefore(inProgressDeadline) ? stepDeadline : inProgressDeadline;
  }

  /** A copy in another status, one version later. */
  public JobExecution moved(
      JobExecutionStatus next, Map<String, String> details, Instant at, boolean forced) {
    boolean starting = next == JobExecutionStatus.IN_PROGRESS && startedAt == null;
    boolean ending = next.isTerminal();
    return new JobExecution(
        jobId,
        thingName,
        next,
        details == null ? statusDetails : details,
        executionNumber,
        versionNumber + 1,
        retryAttempt,
        forced || forceCanceled,
        queuedAt,
        starting ? at : startedAt,
        at,
        ending ? null : inProgressDeadline,
        ending ? null : stepDeadline,
        rolledOut);
  }

  /** A copy with other timers (same version: the caller moves it too). */
  public JobExecution withDeadlines(Instant inProgress, Instant step) {
    return new JobExecution(
        jobId,
        thingName,
        status,
        statusDetails,
        executionNumber,
        versionNumber,
        retryAttempt,
        forceCanceled,
        queuedAt,
        startedAt,
        lastUpdatedAt,
        inProgress,
        step,
        rolledOut);
  }

  /** The same execution queued again for a retry. */
  public JobExecution retried(Instant at) {
    return new JobExecution(
        jobId,
        thingName,
        JobExecutionStatus.QUEUED,
        statusDetails,
        executionNumber,
        versionNumber + 1,
        retryAttempt + 1,
        false,
        at,
        null,
        at,
        null,
        null,
        true);
  }

  /** The next execution of the job on this thing (a continuous job reached it again). */
  public JobExecution next(Instant at) {
    return new JobExecution(
        jobId,
        thingName,
        JobExecutionStatus.QUEUED,
        Map.of(),
        executionNumber + 1,
        1,
        0,
        false,
        at,
        null,
        at,
        null,
        null,
        true);
  }

  /** A first execution, queued and rolled out at {@code at}. */
  public static JobExecution queued(String jobId, String thingName, Instant at) {
    return new JobExecution(
        jobId,
        thingName,
        JobExecutionStatus.QUEUED,
        Map.of(),
        1,
        1,
        0,
        false,
        at,
        null,
        at,
        null,
        null,
        true);
  }
}
