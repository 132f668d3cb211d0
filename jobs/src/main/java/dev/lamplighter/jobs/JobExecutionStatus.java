package dev.lamplighter.jobs;

/**
 * A job execution's status. Devices set IN_PROGRESS, SUCCEEDED, FAILED and REJECTED; the service
 * sets QUEUED (rollout, retry), TIMED_OUT (timers), CANCELED and REMOVED (the thing left the
 * target).
 *
 * <pre>
 *  QUEUED ──device──▶ IN_PROGRESS ──device──▶ SUCCEEDED | FAILED | REJECTED
 *  QUEUED ──device──▶ SUCCEEDED | FAILED | REJECTED
 *  IN_PROGRESS ──timer──▶ TIMED_OUT
 *  QUEUED (IN_PROGRESS with force) ──cancel──▶ CANCELED
 *  QUEUED ──thing left the target──▶ REMOVED
 *  FAILED | TIMED_OUT ──retry left──▶ QUEUED
 * </pre>
 */
public enum JobExecutionStatus {
  QUEUED,
  IN_PROGRESS,
  SUCCEEDED,
  FAILED,
  TIMED_OUT,
  REJECTED,
  REMOVED,
  CANCELED;

  /** Whether the execution is over; a terminal execution never changes again (but for retries). */
  public boolean isTerminal() {
    return this != QUEUED && this != IN_PROGRESS;
  }

  /** Whether the execution is on its thing's list of pending executions. */
  public boolean isPending() {
    return !isTerminal();
  }

  /** Whether a device may report this status in UpdateJobExecution. */
  public boolean isReportableByDevice() {
    return this == IN_PROGRESS || this == SUCCEEDED || this == FAILED || this == REJECTED;
  }
}
