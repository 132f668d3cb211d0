package dev.lamplighter.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobConfigs.FailureType;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.JobExecutionStatus;
import dev.lamplighter.jobs.JobStatus;
import dev.lamplighter.jobs.TargetSelection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Timers, status details and the configuration ranges of executions. */
class ExecutionRulesTest {
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  private static Job jobWithTimeout(Long minutes) {
    return new Job(
        "fw",
        JobStatus.IN_PROGRESS,
        TargetSelection.SNAPSHOT,
        List.of(),
        null,
        "{}",
        null,
        null,
        Map.of(),
        new JobConfigs(null, null, new JobConfigs.Timeout(minutes), null, null, null),
        null,
        null,
        null,
        false,
        List.of(),
        NOW,
        NOW,
        null,
        Job.RolloutState.START,
        1);
  }

  @Test
  void inProgressTimer_startsWhenTheExecutionStarts_andStepTimersNeverRunPastIt() {
    Job job = jobWithTimeout(20L);
    JobExecution queued = JobExecution.queued("fw", "lamp-1", NOW);

    JobExecution started =
        Timers.apply(
            job, queued, queued.moved(JobExecutionStatus.IN_PROGRESS, null, NOW, false), 7L, NOW);
    assertThat(started.inProgressDeadline()).isEqualTo(NOW.plus(Duration.ofMinutes(20)));
    assertThat(started.timesOutAt()).isEqualTo(NOW.plus(Duration.ofMinutes(7)));

    Instant later = NOW.plus(Duration.ofMinutes(13));
    JobExecution extended =
        Timers.apply(
            job,
            started,
            started.moved(JobExecutionStatus.IN_PROGRESS, null, later, false),
            9L,
            later);
    assertThat(extended.timesOutAt()).isEqualTo(NOW.plus(Duration.ofMinutes(20)));

    JobExecution cleared =
        Timers.apply(
            job,
            extended,
            extended.moved(JobExecutionStatus.IN_PROGRESS, null, later, false),
            -1L,
            later);
    assertThat(cleared.stepDeadline()).isNull();
    assertThat(cleared.timesOutAt()).isEqualTo(NOW.plus(Duration.ofMinutes(20)));
    assertThat(Timers.secondsBeforeTimedOut(cleared, later)).isEqualTo(7 * 60);
  }

  @Test
  void terminalExecutions_haveNoTimers_andReportNoTimeLeft() {
    JobExecution queued = JobExecution.queued("fw", "lamp-1", NOW);
    JobExecution started =
        Timers.apply(
            jobWithTimeout(5L),
            queued,
            queued.moved(JobExecutionStatus.IN_PROGRESS, null, NOW, false),
            null,
            NOW);

    JobExecution done = started.moved(JobExecutionStatus.SUCCEEDED, Map.of("k", "v"), NOW, false);

    assertThat(done.timesOutAt()).isNull();
    assertThat(Timers.secondsBeforeTimedOut(done, NOW)).isNull();
    assertThat(done.versionNumber()).isEqualTo(3);
    assertThat(done.statusDetails()).containsEntry("k", "v");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "bad key! | v | statusDetails key bad key!",
        "k | '' | statusDetails value of k",
      })
  void malformedStatusDetails_areInvalidRequests(String key, String value, String message) {
    assertThatThrownBy(() -> DetailsRules.check(Map.of(key, value))).hasMessageContaining(message);
  }

  @Test
  void controlPlaneDetails_holdAtMostTenPairs() {
    Map<String, String> eleven = new java.util.HashMap<>();
    for (int i = 0; i < 11; i++) {
      eleven.put("k" + i, "v");
    }
    assertThatThrownBy(() -> DetailsRules.checkControlPlane(eleven))
        .hasMessageContaining("at most 10");
  }

  @ParameterizedTest
  @CsvSource({"0", "10081", "-2"})
  void stepTimeoutsOutOfRange_areRefused(long minutes) {
    assertThatThrownBy(() -> DetailsRules.checkStepTimeout(minutes))
        .hasMessageContaining("stepTimeoutInMinutes must be 1 to 10080");
  }

  @Test
  void configurationsOutOfAwsRanges_areRefused_namingTheMember() {
    assertThatThrownBy(
            () ->
                ConfigRules.check(
                    new JobConfigs(
                        new JobConfigs.Rollout(1001, null), null, null, null, null, null)))
        .hasMessageContaining("maximumPerMinute must be 1 to 1000");
    assertThatThrownBy(
            () ->
                ConfigRules.check(
                    new JobConfigs(
                        new JobConfigs.Rollout(
                            null, new JobConfigs.ExponentialRate(10, 1.25, 5, null)),
                        null,
                        null,
                        null,
                        null,
                        null)))
        .hasMessageContaining("incrementFactor");
    assertThatThrownBy(
            () ->
                ConfigRules.check(
                    new JobConfigs(
                        null,
                        null,
                        null,
                        new JobConfigs.Retry(
                            List.of(
                                new JobConfigs.RetryCriteria(FailureType.FAILED, 6),
                                new JobConfigs.RetryCriteria(FailureType.TIMED_OUT, 5))),
                        null,
                        null)))
        .hasMessageContaining("at most 10 retries");
    assertThatThrownBy(
            () ->
                ConfigRules.check(
                    new JobConfigs(
                        null, null, null, null, null, new JobConfigs.PresignedUrl(null, 30L))))
        .hasMessageContaining("expiresInSec must be 60 to 3600");
  }
}
