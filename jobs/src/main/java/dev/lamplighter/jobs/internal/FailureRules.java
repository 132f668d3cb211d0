package dev.lamplighter.jobs.internal;

import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobConfigs.AbortCriteria;
import dev.lamplighter.jobs.JobConfigs.FailureType;
import dev.lamplighter.jobs.JobConfigs.RetryCriteria;
import dev.lamplighter.jobs.JobExecutionStatus;
import dev.lamplighter.jobs.JobProcessDetails;
import java.util.Locale;
import java.util.Optional;

/** What a job's retry and abort configurations say about failed executions. */
final class FailureRules {
  /** The reason code a job canceled by its abort configuration gets. */
  static final String ABORT_REASON_CODE = "ABORT_CRITERIA_MET";

  private FailureRules() {}

  /**
   * Whether an execution that just ended in {@code status} after {@code retryAttempt} retries is
   * queued again: FAILED and TIMED_OUT are retried while the matching criterion (its type, or ALL)
   * allows more retries.
   */
  static boolean retries(JobConfigs.Retry retry, JobExecutionStatus status, int retryAttempt) {
    if (retry == null
        || (status != JobExecutionStatus.FAILED && status != JobExecutionStatus.TIMED_OUT)) {
      return false;
    }
    FailureType type =
        status == JobExecutionStatus.FAILED ? FailureType.FAILED : FailureType.TIMED_OUT;
    int allowed = -1;
    for (RetryCriteria criteria : retry.criteria()) {
      if (criteria.failureType() == type) {
        allowed = criteria.numberOfRetries();
        break;
      }
      if (criteria.failureType() == FailureType.ALL) {
        allowed = criteria.numberOfRetries();
      }
    }
    return retryAttempt < allowed;
  }

  /**
   * The comment of the first abort criterion the job's executions meet, if any: at least {@code
   * minNumberOfExecutedThings} terminal executions, of which {@code thresholdPercentage} percent or
   * more ended with the criterion's failure type.
   */
  static Optional<String> abortReason(JobConfigs.Abort abort, JobProcessDetails details) {
    if (abort == null) {
      return Optional.empty();
    }
    long executed = details.terminal();
    if (executed == 0) {
      return Optional.empty();
    }
    for (AbortCriteria criteria : abort.criteria()) {
      if (executed < criteria.minNumberOfExecutedThings()) {
        continue;
      }
      long failures = failures(criteria.failureType(), details);
      double percentage = 100.0 * failures / executed;
      if (percentage >= criteria.thresholdPercentage()) {
        return Optional.of(
            String.format(
                Locale.ROOT,
                "The job was canceled by its abort configuration: %d of %d executed things"
                    + " (%.2f%%) ended %s, at or above the threshold of %.2f%%.",
                failures,
                executed,
                percentage,
                criteria.failureType(),
                criteria.thresholdPercentage()));
      }
    }
    return Optional.empty();
  }

  private static long failures(FailureType type, JobProcessDetails details) {
    long failed = details.count(JobExecutionStatus.FAILED);
    long rejected = details.count(JobExecutionStatus.REJECTED);
    long timedOut = details.count(JobExecutionStatus.TIMED_OUT);
    return switch (type) {
      case FAILED -> failed;
      case REJECTED -> rejected;
      case TIMED_OUT -> timedOut;
      case ALL -> failed + rejected + timedOut;
    };
  }
}
