package dev.lamplighter.bench.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobsOptionsTest {
  @Test
  void parse_readsTheStepTargetCountAndOptions() {
    JobsOptions options =
        JobsOptions.parse(
            new String[] {
              "devices",
              "http://127.0.0.1:8080",
              "2000",
              "--mqtt-port",
              "8883",
              "--warm-ups",
              "3",
              "--rounds",
              "5",
              "--concurrency",
              "16",
              "--target-pid",
              "42"
            });

    assertThat(options.step()).isEqualTo(JobsOptions.Step.DEVICES);
    assertThat(options.target()).isEqualTo("http://127.0.0.1:8080");
    assertThat(options.count()).isEqualTo(2000);
    assertThat(options.mqttPort()).isEqualTo(8883);
    assertThat(options.warmUps()).isEqualTo(3);
    assertThat(options.rounds()).isEqualTo(5);
    assertThat(options.concurrency()).isEqualTo(16);
    assertThat(options.targetPid()).hasValue(42);
  }

  @Test
  void parse_aRolloutWithoutARate_namesTheOption() {
    assertThatThrownBy(
            () -> JobsOptions.parse(new String[] {"rollout", "http://127.0.0.1:8080", "660"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--rate");
  }

  @Test
  void parse_devicesWithoutTheMqttPort_namesTheOption() {
    assertThatThrownBy(
            () -> JobsOptions.parse(new String[] {"devices", "http://127.0.0.1:8080", "20"}))
        .hasMessageContaining("--mqtt-port");
  }

  @Test
  void parse_withAnUnknownStep_showsTheUsage() {
    assertThatThrownBy(() -> JobsOptions.parse(new String[] {"notify", "x", "1"}))
        .hasMessageContaining("rollout|devices|snapshot|raw");
  }
}
