package dev.lamplighter.bench.jobs;

import java.util.List;

/**
 * A rollout's measured rate from samples of its execution count.
 *
 * <p>The engine releases a rollout's first execution at once and the others at the configured rate
 * from then on, on its ticks (every second when nothing wakes it), so the count is a staircase
 * around a line. The rate is the least-squares slope of count over time of the samples taken while
 * the rollout ran: from the first sample that shows an execution to the last one below the job's
 * target count (once every thing has its execution the count stops growing, whatever the rate). A
 * constant offset, such as the first execution released at once, moves the line, not its slope.
 * Beside it, the endpoint rate: the executions added between the first and the last of those
 * samples over the time between them, which leaves that first execution out in the same way.
 */
final class RateFit {
  /**
   * One sample.
   *
   * @param millis when it was taken, from any fixed origin
   * @param count the executions that existed then
   */
  record Sample(long millis, long count) {}

  /**
   * The rates, per minute; NaN when fewer than two samples were taken while the rollout ran.
   *
   * @param perMinute the least-squares slope
   * @param endpointPerMinute executions added from the first used sample to the last, over the time
   *     between them
   * @param used the samples the fit used
   */
  record Fit(double perMinute, double endpointPerMinute, int used) {
    /** The slope's deviation from {@code configured}, in percent of it. */
    double errorPercent(double configured) {
      return (perMinute - configured) / configured * 100;
    }
  }

  private RateFit() {}

  /** Fits the samples with a count from 1 to {@code cap - 1}, in the order given. */
  static Fit fit(List<Sample> samples, long cap) {
    List<Sample> used = samples.stream().filter(s -> s.count() >= 1 && s.count() < cap).toList();
    if (used.size() < 2) {
      return new Fit(Double.NaN, Double.NaN, used.size());
    }
    double n = used.size();
    double meanT = used.stream().mapToDouble(Sample::millis).sum() / n;
    double meanC = used.stream().mapToDouble(Sample::count).sum() / n;
    double covariance = 0;
    double variance = 0;
    for (Sample s : used) {
      double dt = s.millis() - meanT;
      covariance += dt * (s.count() - meanC);
      variance += dt * dt;
    }
    Sample first = used.get(0);
    Sample last = used.get(used.size() - 1);
    double span = last.millis() - first.millis();
    double slope = variance == 0 ? Double.NaN : covariance / variance * 60_000;
    double endpoint = span <= 0 ? Double.NaN : (last.count() - first.count()) / span * 60_000;
    return new Fit(slope, endpoint, used.size());
  }
}
