package dev.lamplighter.jobs.internal;

import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobConfigs.ExponentialRate;
import java.time.Duration;
import java.time.Instant;

/**
 * How many executions a job may roll out now.
 *
 * <p>A rate counts from an anchor (a moment and how many were rolled out then): by {@code t}, up to
 * {@code anchorCount + floor(rate × minutes since anchor)} may be out, so each minute from the
 * anchor sees exactly {@code rate} executions; a rollout that starts (anchored at none rolled out)
 * releases its first execution at once. The engine moves the anchor when the rate changes (an
 * exponential step) and when it takes the job over (a restart, another node), so time the engine
 * was not running never turns into a burst. Without a rollout configuration the rate is unlimited.
 */
final class RolloutRate {
  private RolloutRate() {}

  /** The rate in executions per minute at {@code step} increases, or 0 for unlimited. */
  static double perMinute(JobConfigs.Rollout rollout, int step) {
    if (rollout == null) {
      return 0;
    }
    Integer maximum = rollout.maximumPerMinute();
    ExponentialRate exponential = rollout.exponentialRate();
    if (exponential == null) {
      return maximum == null ? 0 : maximum;
    }
    double cap = maximum == null ? ConfigRules.MAX_RATE_PER_MINUTE : maximum;
    double rate = exponential.baseRatePerMinute() * Math.pow(exponential.incrementFactor(), step);
    return Math.min(cap, Math.floor(rate));
  }

  /**
   * How many times an exponential rate has grown: once per {@code numberOfNotifiedThings} things
   * notified or {@code numberOfSucceededThings} executions succeeded, whichever is further.
   */
  static int step(JobConfigs.Rollout rollout, long notified, long succeeded) {
    if (rollout == null || rollout.exponentialRate() == null) {
      return 0;
    }
    ExponentialRate rate = rollout.exponentialRate();
    long steps = 0;
    if (rate.numberOfNotifiedThings() != null) {
      steps = Math.max(steps, notified / rate.numberOfNotifiedThings());
    }
    if (rate.numberOfSucceededThings() != null) {
      steps = Math.max(steps, succeeded / rate.numberOfSucceededThings());
    }
    return (int) Math.min(steps, 64);
  }

  /** How many more executions may be rolled out at {@code now}. */
  static long allowance(Job.RolloutState state, double perMinute, Instant now) {
    if (perMinute <= 0) {
      return Long.MAX_VALUE;
    }
    if (state.anchorAt() == null) {
      return 0;
    }
    long elapsedMillis = Math.max(0, Duration.between(state.anchorAt(), now).toMillis());
    long first = state.anchorCount() == 0 ? 1 : 0;
    long allowedTotal =
        state.anchorCount() + first + (long) Math.floor(perMinute * elapsedMillis / 60_000.0);
    return Math.max(0, allowedTotal - state.rolledOut());
  }
}
