package dev.lamplighter.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.broker.fuzz.BrokerFuzzer;
import dev.lamplighter.broker.fuzz.FuzzBroker;
import dev.lamplighter.broker.fuzz.GoodClient;
import dev.lamplighter.broker.fuzz.PipelineWatch;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Mutated MQTT streams from several sockets at once against a real broker, with a well-behaved
 * client connected throughout. The broker must close or answer every stream within its connect
 * timeout, never let an exception escape a pipeline, never leak a buffer (paranoid leak detection),
 * and keep serving the good client. The seed is fixed so that a run is repeatable; set {@code
 * -Dlamplighter.fuzz.seed=N} to explore others ({@code bench/run fuzz} runs longer).
 */
class MalformedPacketFuzzTest {
  private static final long DEFAULT_SEED = 20_260_401L;
  private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
  private static final Duration FUZZ_DURATION = Duration.ofSeconds(8);
  private static final int SOCKETS = 16;
  private static final int GOOD_MESSAGES_PER_SECOND = 50;

  @Test
  void mutatedStreams_neitherBreakNorLeak_andTheGoodClientKeepsItsMessages() throws Exception {
    long seed = Long.getLong("lamplighter.fuzz.seed", DEFAULT_SEED);
    String replay = "seed " + seed + " (rerun with -Dlamplighter.fuzz.seed=" + seed + ")";
    BrokerFuzzer.Result result;
    GoodClient good;
    try (PipelineWatch watch = PipelineWatch.install()) {
      try (MqttBroker broker = FuzzBroker.start(CONNECT_TIMEOUT)) {
        good =
            GoodClient.start("127.0.0.1", broker.port(), "good-client", GOOD_MESSAGES_PER_SECOND);
        try {
          result =
              new BrokerFuzzer(
                      new BrokerFuzzer.Options(
                          "127.0.0.1",
                          broker.port(),
                          seed,
                          SOCKETS,
                          FUZZ_DURATION,
                          CONNECT_TIMEOUT.plusSeconds(2)))
                  .run();
          good.stopAndDrain(Duration.ofSeconds(10));
          assertThat(good.connected()).as("good client still connected, " + replay).isTrue();
        } finally {
          good.close();
        }
      }
      watch.provokeLeakReports();

      assertThat(result.silent())
          .as("streams neither answered nor closed within the connect timeout, " + replay)
          .isEmpty();
      assertThat(result.unreachable()).as("connections refused, " + replay).isZero();
      assertThat(result.streams()).as("streams sent").isGreaterThan(100);
      assertThat(watch.escapedExceptions())
          .as("exceptions that reached the tail of a pipeline, " + replay)
          .isEmpty();
      assertThat(watch.leaks()).as("buffer leaks, " + replay).isEmpty();
      assertThat(watch.otherWarnings())
          .as("warnings from Netty or the broker, " + replay)
          .isEmpty();
    }
    assertThat(good.failures()).as("good client's failed publishes, " + replay).isZero();
    assertThat(good.received()).as("good client's messages back, " + replay).isEqualTo(good.sent());
    // Its pace held: at least half the scheduled messages went out while the fuzzer ran.
    assertThat(good.sent())
        .as("good client's messages sent, " + replay)
        .isGreaterThan((int) (FUZZ_DURATION.toSeconds() * GOOD_MESSAGES_PER_SECOND / 2));
  }
}
