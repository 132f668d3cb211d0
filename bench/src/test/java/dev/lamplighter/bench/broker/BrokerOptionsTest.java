package dev.lamplighter.bench.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BrokerOptionsTest {
  @Test
  void parse_readsTheScenarioPortDirectoryAndOptions() {
    BrokerOptions options =
        BrokerOptions.parse(
            new String[] {
              "latency",
              "8883",
              "/tmp/tls",
              "--label",
              "mosquitto",
              "--round",
              "2",
              "--target-pid",
              "42",
              "--rate",
              "5000.5",
              "--warmup",
              "0",
              "--hold-until",
              "/tmp/stop"
            });

    assertThat(options.scenario()).isEqualTo(BrokerOptions.Scenario.LATENCY);
    assertThat(options.port()).isEqualTo(8883);
    assertThat(options.tlsDir()).isEqualTo(Path.of("/tmp/tls"));
    assertThat(options.label()).isEqualTo("mosquitto");
    assertThat(options.round()).isEqualTo(2);
    assertThat(options.targetPid()).hasValue(42);
    assertThat(options.rate()).isEqualTo(5000.5);
    assertThat(options.warmup()).isZero();
    assertThat(options.holdUntil()).contains(Path.of("/tmp/stop"));
    assertThat(options.publishers()).isEqualTo(10);
    assertThat(options.payloadBytes()).isEqualTo(64);
  }

  @Test
  void parse_refusesUnknownScenariosOptionsAndBadNumbers() {
    assertThatThrownBy(() -> BrokerOptions.parse(new String[] {"fan-in", "1", "/tmp"}))
        .hasMessageContaining("unknown scenario 'fan-in'");
    assertThatThrownBy(
            () -> BrokerOptions.parse(new String[] {"connects", "1", "/tmp", "--threads", "2"}))
        .hasMessageContaining("unknown option --threads");
    assertThatThrownBy(
            () -> BrokerOptions.parse(new String[] {"connects", "1", "/tmp", "--connects", "0"}))
        .hasMessageContaining("--connects must be a whole number of at least 1");
    assertThatThrownBy(
            () -> BrokerOptions.parse(new String[] {"latency", "1", "/tmp", "--payload", "4"}))
        .hasMessageContaining("--payload must be a whole number of at least 8");
  }
}
