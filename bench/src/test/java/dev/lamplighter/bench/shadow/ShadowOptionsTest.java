package dev.lamplighter.bench.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShadowOptionsTest {
  @Test
  void parse_readsTheStepTargetCountAndOptions() {
    ShadowOptions options =
        ShadowOptions.parse(
            new String[] {
              "devices",
              "http://127.0.0.1:8080",
              "1000",
              "--mqtt-port",
              "8883",
              "--warmup",
              "4",
              "--seconds",
              "20",
              "--rounds",
              "3",
              "--concurrency",
              "8",
              "--target-pid",
              "42"
            });

    assertThat(options.step()).isEqualTo(ShadowOptions.Step.DEVICES);
    assertThat(options.target().getPort()).isEqualTo(8080);
    assertThat(options.count()).isEqualTo(1000);
    assertThat(options.mqttPort()).isEqualTo(8883);
    assertThat(options.warmUp()).isEqualTo(Duration.ofSeconds(4));
    assertThat(options.measure()).isEqualTo(Duration.ofSeconds(20));
    assertThat(options.rounds()).isEqualTo(3);
    assertThat(options.concurrency()).isEqualTo(8);
    assertThat(options.targetPid()).hasValue(42);
  }

  @Test
  void parse_searchable_needsNoMqttPort() {
    ShadowOptions options =
        ShadowOptions.parse(
            new String[] {"searchable", "http://127.0.0.1:8080", "100", "--samples", "7"});

    assertThat(options.step()).isEqualTo(ShadowOptions.Step.SEARCHABLE);
    assertThat(options.samples()).isEqualTo(7);
  }

  @Test
  void parse_devicesWithoutAnMqttPort_namesTheOption() {
    assertThatThrownBy(
            () -> ShadowOptions.parse(new String[] {"devices", "http://127.0.0.1:8080", "10"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--mqtt-port");
  }

  @Test
  void parse_anUnknownStep_isRefused() {
    assertThatThrownBy(
            () -> ShadowOptions.parse(new String[] {"sideways", "http://127.0.0.1:8080", "10"}))
        .hasMessageContaining("unknown step 'sideways'");
  }

  @Test
  void payload_changesWithEveryUpdate() {
    assertThat(new String(ShadowDevice.payload(1001)))
        .isEqualTo("{\"state\":{\"reported\":{\"seq\":1001,\"lux\":1,\"on\":true}}}");
  }
}
