package dev.lamplighter.bench.broker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultLineTest {
  @Test
  void values_areKeyValueWords_withUnknownsAsDash() {
    String line =
        new ResultLine("broker")
            .add("scenario", "connects")
            .add("ok", 2000)
            .add("rate", 1234.5678, 1)
            .add("p99_ms", Double.NaN, 2)
            .add("first_error", "connection refused: localhost")
            .add("missing", (String) null)
            .toString();

    assertThat(line)
        .isEqualTo(
            "broker scenario=connects ok=2000 rate=1234.6 p99_ms=-"
                + " first_error=connection_refused:_localhost missing=-");
  }
}
