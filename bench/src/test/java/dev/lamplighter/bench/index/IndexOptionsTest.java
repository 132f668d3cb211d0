package dev.lamplighter.bench.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IndexOptionsTest {
  @Test
  void parse_readsTheStepTheTargetAndOptions() {
    IndexOptions options =
        IndexOptions.parse(
            new String[] {
              "search",
              "http://127.0.0.1:8080",
              "500000",
              "--workers",
              "4",
              "--warmup",
              "15",
              "--measure",
              "30",
              "--target-pid",
              "42"
            });

    assertThat(options.step()).isEqualTo(IndexOptions.Step.SEARCH);
    assertThat(options.target()).isEqualTo("http://127.0.0.1:8080");
    assertThat(options.plan().things()).isEqualTo(500_000);
    assertThat(options.workers()).isEqualTo(4);
    assertThat(options.warmup()).isEqualTo(Duration.ofSeconds(15));
    assertThat(options.measure()).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.targetPid()).hasValue(42);
  }

  @Test
  void parse_refusesAnUnknownStepOrOption() {
    assertThatThrownBy(() -> IndexOptions.parse(new String[] {"walk", "x", "10"}))
        .hasMessageContaining("unknown step 'walk'");
    assertThatThrownBy(
            () -> IndexOptions.parse(new String[] {"raw", "/tmp/index", "10", "--level", "2"}))
        .hasMessageContaining("unknown option --level");
    assertThatThrownBy(() -> IndexOptions.parse(new String[] {"seed", "x", "0"}))
        .hasMessageContaining("THINGS must be a positive whole number");
  }
}
