package dev.lamplighter.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobConfigs.ExponentialRate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rollout allowances: exactly the rate per minute from the anchor, and exponential steps. */
class RolloutRateTest {
  private static final Instant ANCHOR = Instant.parse("2026-01-01T00:00:00Z");

  private static Job.RolloutState state(long rolledOut, long anchorCount) {
    return new Job.RolloutState(true, rolledOut, ANCHOR, anchorCount, 0, false, false);
  }

  @Test
  void withoutARolloutConfiguration_theRateIsUnlimited() {
    assertThat(RolloutRate.perMinute(null, 0)).isZero();
    assertThat(RolloutRate.allowance(state(5, 0), 0, ANCHOR)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void maximumPerMinute_allowsThatManyInEachMinuteFromTheAnchor() {
    double rate = RolloutRate.perMinute(new JobConfigs.Rollout(60, null), 0);

    assertThat(RolloutRate.allowance(state(0, 0), rate, ANCHOR)).isEqualTo(1);
    assertThat(RolloutRate.allowance(state(1, 0), rate, ANCHOR.plusMillis(999))).isZero();
    assertThat(RolloutRate.allowance(state(1, 0), rate, ANCHOR.plusSeconds(30))).isEqualTo(30);
    // Over the first minute, [0 s, 60 s), exactly 60.
    assertThat(RolloutRate.allowance(state(0, 0), rate, ANCHOR.plus(Duration.ofMillis(59_999))))
        .isEqualTo(60);
    // Counting from a later anchor (a rate change, a takeover) grants nothing at once.
    Job.RolloutState reanchored = new Job.RolloutState(true, 100, ANCHOR, 100, 0, false, false);
    assertThat(RolloutRate.allowance(reanchored, rate, ANCHOR)).isZero();
    assertThat(RolloutRate.allowance(reanchored, rate, ANCHOR.plusSeconds(1))).isEqualTo(1);
  }

  @Test
  void exponentialRate_growsByItsFactor_eachTimeTheCriterionIsMet_cappedByTheMaximum() {
    JobConfigs.Rollout rollout =
        new JobConfigs.Rollout(300, new ExponentialRate(50, 2.0, 1000, null));

    assertThat(RolloutRate.step(rollout, 999, 0)).isZero();
    assertThat(RolloutRate.step(rollout, 1000, 0)).isEqualTo(1);
    assertThat(RolloutRate.step(rollout, 3500, 0)).isEqualTo(3);
    assertThat(RolloutRate.perMinute(rollout, 0)).isEqualTo(50);
    assertThat(RolloutRate.perMinute(rollout, 1)).isEqualTo(100);
    assertThat(RolloutRate.perMinute(rollout, 2)).isEqualTo(200);
    assertThat(RolloutRate.perMinute(rollout, 3)).isEqualTo(300);
  }

  @Test
  void succeededThingsCriterion_countsSuccesses_andTheFurtherCriterionWins() {
    JobConfigs.Rollout rollout =
        new JobConfigs.Rollout(null, new ExponentialRate(10, 1.5, 100, 20));

    assertThat(RolloutRate.step(rollout, 50, 45)).isEqualTo(2);
    assertThat(RolloutRate.perMinute(rollout, 2)).isEqualTo(22); // floor(10 × 1.5²)
  }
}
