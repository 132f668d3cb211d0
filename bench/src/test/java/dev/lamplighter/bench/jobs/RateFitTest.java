package dev.lamplighter.bench.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateFitTest {
  /** What the engine does at 600 a minute: one at once, then 10 a second on its 1 s ticks. */
  private static List<RateFit.Sample> staircase(int perMinute, int seconds, long cap, long lag) {
    List<RateFit.Sample> samples = new ArrayList<>();
    for (int k = 0; k <= seconds; k++) {
      long millis = k * 1000L + 20;
      long sinceStart = Math.max(0, millis - lag);
      long tick = sinceStart / 1000 * 1000; // released at the last tick
      long count = millis < lag ? 0 : Math.min(cap, 1 + (long) perMinute * tick / 60_000);
      samples.add(new RateFit.Sample(millis, count));
    }
    return samples;
  }

  @Test
  void aStaircaseAtTheConfiguredRate_fitsThatRate() {
    RateFit.Fit fit = RateFit.fit(staircase(600, 60, 660, 300), 660);

    assertThat(fit.perMinute()).isCloseTo(600, within(6.0));
    assertThat(fit.errorPercent(600)).isCloseTo(0, within(1.0));
    assertThat(fit.used()).isEqualTo(60); // the sample at 20 ms came before the rollout started
  }

  @Test
  void theFirstExecutionReleasedAtOnce_movesTheLineNotItsSlope() {
    List<RateFit.Sample> withoutFirst = new ArrayList<>();
    List<RateFit.Sample> withFirst = new ArrayList<>();
    for (int k = 1; k <= 10; k++) {
      withoutFirst.add(new RateFit.Sample(k * 1000L, 10L * k));
      withFirst.add(new RateFit.Sample(k * 1000L, 10L * k + 1));
    }

    assertThat(RateFit.fit(withFirst, 1000).perMinute())
        .isCloseTo(RateFit.fit(withoutFirst, 1000).perMinute(), within(1e-9))
        .isCloseTo(600, within(1e-9));
    assertThat(RateFit.fit(withFirst, 1000).endpointPerMinute()).isCloseTo(600, within(1e-9));
  }

  @Test
  void samplesOnceEveryThingHasItsExecution_areLeftOut() {
    // 120 things at 600 a minute: all out after 12 s; sampled for 30 s.
    RateFit.Fit fit = RateFit.fit(staircase(600, 30, 120, 0), 120);

    assertThat(fit.perMinute()).isCloseTo(600, within(30.0));
    assertThat(fit.used()).isLessThan(13);
  }

  @Test
  void aRolloutTwiceTooFast_isOffByAHundredPercent() {
    RateFit.Fit fit = RateFit.fit(staircase(1200, 30, 10_000, 0), 10_000);

    assertThat(fit.errorPercent(600)).isCloseTo(100, within(3.0));
  }

  @Test
  void withFewerThanTwoUsableSamples_theRateIsUnknown() {
    RateFit.Fit fit =
        RateFit.fit(List.of(new RateFit.Sample(0, 0), new RateFit.Sample(1000, 1)), 100);

    assertThat(fit.perMinute()).isNaN();
    assertThat(fit.endpointPerMinute()).isNaN();
    assertThat(fit.used()).isEqualTo(1);
  }
}
