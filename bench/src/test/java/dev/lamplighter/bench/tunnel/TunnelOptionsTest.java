package dev.lamplighter.bench.tunnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TunnelOptionsTest {
  @Test
  void defaults_areTheFullRun() {
    TunnelOptions options = TunnelOptions.parse(new String[] {"http://127.0.0.1:8080", "8443"});

    assertThat(options.dataPort()).isEqualTo(8443);
    assertThat(options.mebibytes()).isEqualTo(64);
    assertThat(options.tunnels()).isEqualTo(100);
    assertThat(options.targetPid()).isEmpty();
  }

  @Test
  void options_overrideTheDefaults() {
    TunnelOptions options =
        TunnelOptions.parse(
            new String[] {
              "http://127.0.0.1:8080", "8443", "--mib", "8", "--tunnels", "10", "--target-pid", "42"
            });

    assertThat(options.mebibytes()).isEqualTo(8);
    assertThat(options.tunnels()).isEqualTo(10);
    assertThat(options.targetPid()).hasValue(42);
  }

  @Test
  void aMissingDataPort_isABadCommandLine() {
    assertThatThrownBy(() -> TunnelOptions.parse(new String[] {"http://127.0.0.1:8080"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DATA_PORT");
  }
}
