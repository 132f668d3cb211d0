package dev.lamplighter.jobs;

import java.util.List;
import java.util.Objects;

/**
 * The advanced configurations of a job or a job template, each null when not set. Values are as the
 * caller gave them; the services validate them against AWS's ranges before storing.
 *
 * @param rollout jobExecutionsRolloutConfig
 * @param abort abortConfig
 * @param timeout timeoutConfig
 * @param retry jobExecutionsRetryConfig
 * @param scheduling schedulingConfig (jobs only; a template keeps maintenance windows alone)
 * @param presignedUrl presignedUrlConfig
 */
public record JobConfigs(
    Rollout rollout,
    Abort abort,
    Timeout timeout,
    Retry retry,
    Scheduling scheduling,
    PresignedUrl presignedUrl) {

  public static final JobConfigs NONE = new JobConfigs(null, null, null, null, null, null);

  /** These configurations with every one {@code overrides} sets replacing this one's. */
  public JobConfigs overriddenBy(JobConfigs overrides) {
    return new JobConfigs(
        overrides.rollout != null ? overrides.rollout : rollout,
        overrides.abort != null ? overrides.abort : abort,
        overrides.timeout != null ? overrides.timeout : timeout,
        overrides.retry != null ? overrides.retry : retry,
        overrides.scheduling != null ? overrides.scheduling : scheduling,
        overrides.presignedUrl != null ? overrides.presignedUrl : presignedUrl);
  }

  /**
   * jobExecutionsRolloutConfig: at most {@code maximumPerMinute} things are notified per minute; an
   * exponential rate starts lower and grows.
   *
   * @param maximumPerMinute at least 1 (1000 when only an exponential rate is given), or null
   * @param exponentialRate or null
   */
  public record Rollout(Integer maximumPerMinute, ExponentialRate exponentialRate) {}

  /**
   * The rate starts at {@code baseRatePerMinute} and is multiplied by {@code incrementFactor} each
   * time another {@code numberOfNotifiedThings} things were notified, or another {@code
   * numberOfSucceededThings} executions succeeded (whichever criterion is set and comes first).
   */
  public record ExponentialRate(
      int baseRatePerMinute,
      double incrementFactor,
      Integer numberOfNotifiedThings,
      Integer numberOfSucceededThings) {}

  /** abortConfig: the job is canceled when any criterion is met. */
  public record Abort(List<AbortCriteria> criteria) {
    public Abort {
      criteria = List.copyOf(criteria);
    }
  }

  /**
   * Once at least {@code minNumberOfExecutedThings} executions are terminal, the job is canceled
   * when {@code thresholdPercentage} percent or more of them ended with {@code failureType}. The
   * action is always CANCEL.
   */
  public record AbortCriteria(
      FailureType failureType, double thresholdPercentage, int minNumberOfExecutedThings) {
    public AbortCriteria {
      Objects.requireNonNull(failureType, "failureType");
    }
  }

  /** How an execution failed, for abort and retry criteria. */
  public enum FailureType {
    FAILED,
    REJECTED,
    TIMED_OUT,
    /** FAILED, REJECTED and TIMED_OUT for abort; FAILED and TIMED_OUT for retry. */
    ALL
  }

  /** timeoutConfig: an execution IN_PROGRESS longer than this is TIMED_OUT. */
  public record Timeout(Long inProgressTimeoutInMinutes) {}

  /** jobExecutionsRetryConfig: one or two criteria. */
  public record Retry(List<RetryCriteria> criteria) {
    public Retry {
      criteria = List.copyOf(criteria);
    }
  }

  /** An execution that ended FAILED or TIMED_OUT is queued again up to this many times. */
  public record RetryCriteria(FailureType failureType, int numberOfRetries) {
    public RetryCriteria {
      Objects.requireNonNull(failureType, "failureType");
    }
  }

  /**
   * schedulingConfig. Times are {@code YYYY-MM-DDTHH:MM} in UTC, as given.
   *
   * @param startTime when the rollout starts, or null
   * @param endTime when the job ends with {@code endBehavior}, or null
   * @param endBehavior what happens at {@code endTime}, or null (STOP_ROLLOUT)
   * @param maintenanceWindows when executions may be rolled out, or empty for any time
   */
  public record Scheduling(
      String startTime,
      String endTime,
      EndBehavior endBehavior,
      List<MaintenanceWindow> maintenanceWindows) {
    public Scheduling {
      maintenanceWindows = maintenanceWindows == null ? List.of() : List.copyOf(maintenanceWindows);
    }
  }

  /** What a scheduled job does at its endTime. */
  public enum EndBehavior {
    /** No more executions are rolled out; those rolled out go on. */
    STOP_ROLLOUT,
    /** The job is canceled: queued executions are canceled. */
    CANCEL,
    /** The job is canceled with force: queued and in-progress executions are canceled. */
    FORCE_CANCEL
  }

  /**
   * A recurring window in which executions are rolled out.
   *
   * @param startTime an AWS cron expression, {@code cron(minutes hours day-of-month month
   *     day-of-week year)}, in UTC
   * @param durationInMinutes 1 to 1430
   */
  public record MaintenanceWindow(String startTime, int durationInMinutes) {
    public MaintenanceWindow {
      Objects.requireNonNull(startTime, "startTime");
    }
  }

  /**
   * presignedUrlConfig: how long the URLs put in place of {@code ${aws:iot:s3-presigned-url:…}}
   * stay valid.
   *
   * @param roleArn kept as given (Lamplighter signs with its own key or the configured object
   *     store's credentials)
   * @param expiresInSec 60 to 3600, default 3600
   */
  public record PresignedUrl(String roleArn, Long expiresInSec) {}
}
