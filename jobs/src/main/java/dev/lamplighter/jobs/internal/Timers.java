package dev.lamplighter.jobs.internal;

import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.JobExecutionStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * An execution's timers. The in-progress timer starts when the execution goes IN_PROGRESS and
 * cannot change after that; a step timer set by a device replaces the previous one ({@code -1}
 * clears it) and never runs past the in-progress timer.
 */
final class Timers {
  private Timers() {}

  /**
   * {@code next} (a device's transition from {@code current}) with its timers set.
   *
   * @param stepTimeoutInMinutes the device's step timeout, or null to keep the current step timer
   */
  static JobExecution apply(
      Job job, JobExecution current, JobExecution next, Long stepTimeoutInMinutes, Instant now) {
    if (next.status() != JobExecutionStatus.IN_PROGRESS) {
      return next;
    }
    Instant inProgress = next.inProgressDeadline();
    if (current.status() == JobExecutionStatus.QUEUED) {
      Long minutes =
          job.configs().timeout() == null
              ? null
              : job.configs().timeout().inProgressTimeoutInMinutes();
      inProgress = minutes == null ? null : now.plus(Duration.ofMinutes(minutes));
    }
    Instant step = next.stepDeadline();
    if (stepTimeoutInMinutes != null) {
      step = stepTimeoutInMinutes == -1 ? null : now.plus(Duration.ofMinutes(stepTimeoutInMinutes));
    }
    if (step != null && inProgress != null && step.isAfter(inProgress)) {
      step = inProgress;
    }
    return next.withDeadlines(inProgress, step);
  }

  /** Whole seconds until the execution times out, or null without a timer or once terminal. */
  static Long secondsBeforeTimedOut(JobExecution execution, Instant now) {
    Instant at = execution.timesOutAt();
    if (at == null || execution.status().isTerminal()) {
      return null;
    }
    return Math.max(0, Duration.between(now, at).getSeconds());
  }
}
