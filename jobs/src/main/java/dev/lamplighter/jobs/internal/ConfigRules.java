package dev.lamplighter.jobs.internal;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobConfigs.AbortCriteria;
import dev.lamplighter.jobs.JobConfigs.ExponentialRate;
import dev.lamplighter.jobs.JobConfigs.FailureType;
import dev.lamplighter.jobs.JobConfigs.RetryCriteria;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/** AWS's ranges for the advanced configurations of jobs and templates. */
final class ConfigRules {
  static final int MAX_RATE_PER_MINUTE = 1000;
  static final long MAX_TIMEOUT_MINUTES = 10_080;
  static final int MAX_RETRIES = 10;

  private ConfigRules() {}

  /**
   * Checks every configuration that is set.
   *
   * @throws dev.lamplighter.core.error.ServiceException INVALID_REQUEST naming the member
   */
  static void check(JobConfigs configs) {
    if (configs.rollout() != null) {
      checkRollout(configs.rollout());
    }
    if (configs.abort() != null) {
      checkAbort(configs.abort());
    }
    if (configs.timeout() != null) {
      Long minutes = configs.timeout().inProgressTimeoutInMinutes();
      if (minutes != null && (minutes < 1 || minutes > MAX_TIMEOUT_MINUTES)) {
        throw invalid(
            "timeoutConfig.inProgressTimeoutInMinutes must be 1 to %d, not %d.",
            MAX_TIMEOUT_MINUTES, minutes);
      }
    }
    if (configs.retry() != null) {
      checkRetry(configs.retry());
    }
    if (configs.presignedUrl() != null) {
      Long seconds = configs.presignedUrl().expiresInSec();
      if (seconds != null && (seconds < 60 || seconds > 3600)) {
        throw invalid("presignedUrlConfig.expiresInSec must be 60 to 3600, not %d.", seconds);
      }
    }
  }

  private static void checkRollout(JobConfigs.Rollout rollout) {
    Integer maximum = rollout.maximumPerMinute();
    if (maximum != null && (maximum < 1 || maximum > MAX_RATE_PER_MINUTE)) {
      throw invalid(
          "jobExecutionsRolloutConfig.maximumPerMinute must be 1 to %d, not %d.",
          MAX_RATE_PER_MINUTE, maximum);
    }
    ExponentialRate rate = rollout.exponentialRate();
    if (rate == null) {
      return;
    }
    if (rate.baseRatePerMinute() < 1 || rate.baseRatePerMinute() > MAX_RATE_PER_MINUTE) {
      throw invalid(
          "exponentialRate.baseRatePerMinute must be 1 to %d, not %d.",
          MAX_RATE_PER_MINUTE, rate.baseRatePerMinute());
    }
    if (rate.incrementFactor() < 1.1
        || rate.incrementFactor() > 5
        || decimals(rate.incrementFactor()) > 1) {
      throw invalid(
          "exponentialRate.incrementFactor must be 1.1 to 5 with at most one decimal, not %s.",
          rate.incrementFactor());
    }
    Integer notified = rate.numberOfNotifiedThings();
    Integer succeeded = rate.numberOfSucceededThings();
    if (notified == null && succeeded == null) {
      throw invalid(
          "exponentialRate.rateIncreaseCriteria needs numberOfNotifiedThings or"
              + " numberOfSucceededThings.");
    }
    if (notified != null && notified < 1 || succeeded != null && succeeded < 1) {
      throw invalid("exponentialRate.rateIncreaseCriteria numbers must be at least 1.");
    }
    if (maximum != null && rate.baseRatePerMinute() > maximum) {
      throw invalid(
          "exponentialRate.baseRatePerMinute %d is above maximumPerMinute %d.",
          rate.baseRatePerMinute(), maximum);
    }
  }

  private static void checkAbort(JobConfigs.Abort abort) {
    if (abort.criteria().isEmpty()) {
      throw invalid("abortConfig.criteriaList needs at least one criterion.");
    }
    for (AbortCriteria criteria : abort.criteria()) {
      if (criteria.thresholdPercentage() <= 0
          || criteria.thresholdPercentage() > 100
          || decimals(criteria.thresholdPercentage()) > 2) {
        throw invalid(
            "abortConfig thresholdPercentage must be above 0 and at most 100 with at most two"
                + " decimals, not %s.",
            criteria.thresholdPercentage());
      }
      if (criteria.minNumberOfExecutedThings() < 1) {
        throw invalid(
            "abortConfig minNumberOfExecutedThings must be at least 1, not %d.",
            criteria.minNumberOfExecutedThings());
      }
    }
  }

  private static void checkRetry(JobConfigs.Retry retry) {
    if (retry.criteria().isEmpty() || retry.criteria().size() > 2) {
      throw invalid(
          "jobExecutionsRetryConfig.criteriaList needs one or two criteria, not %d.",
          retry.criteria().size());
    }
    Set<FailureType> seen = EnumSet.noneOf(FailureType.class);
    int total = 0;
    for (RetryCriteria criteria : retry.criteria()) {
      if (criteria.failureType() == FailureType.REJECTED) {
        throw invalid("jobExecutionsRetryConfig failureType must be FAILED, TIMED_OUT or ALL.");
      }
      if (!seen.add(criteria.failureType())) {
        throw invalid(
            "jobExecutionsRetryConfig lists failureType %s twice.", criteria.failureType());
      }
      if (criteria.numberOfRetries() < 0 || criteria.numberOfRetries() > MAX_RETRIES) {
        throw invalid(
            "jobExecutionsRetryConfig numberOfRetries must be 0 to %d, not %d.",
            MAX_RETRIES, criteria.numberOfRetries());
      }
      total += criteria.numberOfRetries();
    }
    if (total > MAX_RETRIES) {
      throw invalid(
          "jobExecutionsRetryConfig allows at most %d retries for all failure types together.",
          MAX_RETRIES);
    }
  }

  private static int decimals(double value) {
    return Math.max(0, BigDecimal.valueOf(value).stripTrailingZeros().scale());
  }

  private static RuntimeException invalid(String format, Object... args) {
    return ErrorCode.INVALID_REQUEST.exception(format, args);
  }
}
