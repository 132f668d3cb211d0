package dev.lamplighter.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThingNamesTest {
  @Test
  void spread_startsEachWorkerElsewhere_andStaysInTheSet() {
    assertThat(ThingNames.spread(1000, 0, 0)).isEqualTo("bench-thing-000");
    assertThat(ThingNames.spread(1000, 1, 0)).isEqualTo("bench-thing-919");
    assertThat(ThingNames.spread(1000, 1, 81)).isEqualTo("bench-thing-000");
  }

  @Test
  void getThingShadow_readsTheClassicShadowOfTheSameThings_signedForIotData() {
    GetThingShadowScenario scenario = new GetThingShadowScenario(1000);

    assertThat(scenario.request(1, 0).path()).isEqualTo("/things/bench-thing-919/shadow");
    assertThat(scenario.signingName()).isEqualTo("iotdata");
  }
}
