package dev.lamplighter.jobs;

/**
 * A job's status, as AWS IoT Jobs defines it.
 *
 * <pre>
 *  create ─┬─(schedulingConfig)─▶ SCHEDULED ──startTime / window opens──▶ IN_PROGRESS
 *          └────────────────────────────────────────────────────────────▶ IN_PROGRESS
 *  IN_PROGRESS ──window closes──▶ SCHEDULED
 *  IN_PROGRESS ──every execution terminal (snapshot; continuous after endTime)──▶ COMPLETED
 *  SCHEDULED / IN_PROGRESS ──CancelJob, abort criteria, endBehavior CANCEL──▶ CANCELED
 *  any ──DeleteJob──▶ DELETION_IN_PROGRESS ──executions deleted──▶ (gone)
 * </pre>
 */
public enum JobStatus {
  SCHEDULED,
  IN_PROGRESS,
  CANCELED,
  COMPLETED,
  DELETION_IN_PROGRESS;

  /** Whether the job is finished (COMPLETED or CANCELED); a finished job may be deleted. */
  public boolean isFinished() {
    return this == CANCELED || this == COMPLETED;
  }

  /** Whether the job still rolls out or waits for its executions (SCHEDULED or IN_PROGRESS). */
  public boolean isActive() {
    return this == SCHEDULED || this == IN_PROGRESS;
  }
}
