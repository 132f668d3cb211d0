package dev.lamplighter.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobConfigs.AbortCriteria;
import dev.lamplighter.jobs.JobConfigs.FailureType;
import dev.lamplighter.jobs.JobConfigs.RetryCriteria;
import dev.lamplighter.jobs.JobExecutionStatus;
import dev.lamplighter.jobs.JobProcessDetails;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Retry and abort criteria. */
class FailureRulesTest {

  @Test
  void failedExecutions_areRetried_whileTheirCriterionAllowsMore() {
    JobConfigs.Retry retry =
        new JobConfigs.Retry(
            List.of(
                new RetryCriteria(FailureType.FAILED, 2), new RetryCriteria(FailureType.ALL, 1)));

    assertThat(FailureRules.retries(retry, JobExecutionStatus.FAILED, 0)).isTrue();
    assertThat(FailureRules.retries(retry, JobExecutionStatus.FAILED, 1)).isTrue();
    assertThat(FailureRules.retries(retry, JobExecutionStatus.FAILED, 2)).isFalse();
    // TIMED_OUT falls to ALL.
    assertThat(FailureRules.retries(retry, JobExecutionStatus.TIMED_OUT, 0)).isTrue();
    assertThat(FailureRules.retries(retry, JobExecutionStatus.TIMED_OUT, 1)).isFalse();
  }

  @Test
  void rejectedAndCanceledExecutions_areNeverRetried() {
    JobConfigs.Retry retry = new JobConfigs.Retry(List.of(new RetryCriteria(FailureType.ALL, 10)));

    assertThat(FailureRules.retries(retry, JobExecutionStatus.REJECTED, 0)).isFalse();
    assertThat(FailureRules.retries(retry, JobExecutionStatus.CANCELED, 0)).isFalse();
    assertThat(FailureRules.retries(null, JobExecutionStatus.FAILED, 0)).isFalse();
  }

  @Test
  void abort_waitsForTheMinimumOfExecutedThings_thenComparesTheFailureShare() {
    JobConfigs.Abort abort =
        new JobConfigs.Abort(List.of(new AbortCriteria(FailureType.FAILED, 20, 10)));

    assertThat(FailureRules.abortReason(abort, details(5, 4, 0))).isEmpty();
    assertThat(FailureRules.abortReason(abort, details(9, 1, 0))).isEmpty();
    assertThat(FailureRules.abortReason(abort, details(8, 2, 0)))
        .hasValueSatisfying(
            comment ->
                assertThat(comment).contains("2 of 10 executed things (20.00%) ended FAILED"));
  }

  @Test
  void abortOnAll_countsFailedRejectedAndTimedOut() {
    JobConfigs.Abort abort =
        new JobConfigs.Abort(List.of(new AbortCriteria(FailureType.ALL, 50, 4)));

    assertThat(FailureRules.abortReason(abort, details(2, 1, 1))).isPresent();
    assertThat(FailureRules.abortReason(abort, details(3, 1, 0))).isEmpty();
  }

  private static JobProcessDetails details(long succeeded, long failed, long timedOut) {
    return new JobProcessDetails(
        Map.of(
            JobExecutionStatus.SUCCEEDED, succeeded,
            JobExecutionStatus.FAILED, failed,
            JobExecutionStatus.TIMED_OUT, timedOut,
            JobExecutionStatus.QUEUED, 100L),
        List.of());
  }
}
