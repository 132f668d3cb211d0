package dev.lamplighter.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {
  @Test
  void parse_readsPositionalArgumentsAndOptions() {
    LoadOptions options =
        LoadOptions.parse(
            new String[] {
              "http://127.0.0.1:8080",
              "describe-thing",
              "32",
              "0.5",
              "15",
              "--label",
              "ceiling",
              "--things",
              "10",
              "--target-pid",
              "42",
              "--client",
              "per-worker"
            });

    assertThat(options.concurrency()).isEqualTo(32);
    assertThat(options.warmUp()).isEqualTo(Duration.ofMillis(500));
    assertThat(options.measure()).isEqualTo(Duration.ofSeconds(15));
    assertThat(options.label()).isEqualTo("ceiling");
    assertThat(options.things()).isEqualTo(10);
    assertThat(options.targetPid()).hasValue(42);
    assertThat(options.client()).isEqualTo(ClientMode.PER_WORKER);
  }

  @Test
  void parse_defaultsToOneSharedClient() {
    LoadOptions options =
        LoadOptions.parse(new String[] {"http://127.0.0.1:8080", "create-thing", "4", "0", "1"});

    assertThat(options.client()).isEqualTo(ClientMode.SHARED);
    assertThat(options.targetPid()).isEmpty();
  }

  @Test
  void parse_withZeroMeasureTime_namesTheArgument() {
    assertThatThrownBy(
            () ->
                LoadOptions.parse(
                    new String[] {"http://127.0.0.1:8080", "create-thing", "4", "1", "0"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("MEASURE_SECONDS");
  }

  @Test
  void scenarios_buildTheRequestsOfTheirOperation() {
    LoadOptions options =
        LoadOptions.parse(
            new String[] {"http://127.0.0.1:8080", "create-thing", "4", "0", "1", "--run", "r1"});

    BenchRequest create = Scenario.named("create-thing", options).request(3, 7);
    BenchRequest describe = new DescribeThingScenario(1000).request(0, 1007);

    assertThat(create.method()).isEqualTo("POST");
    assertThat(create.path()).isEqualTo("/things/bench-r1-3-7");
    assertThat(describe.method()).isEqualTo("GET");
    assertThat(describe.path()).isEqualTo("/things/bench-thing-007");
    assertThat(describe.body()).isNull();
  }
}
