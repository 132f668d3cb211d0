package dev.lamplighter.bench.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.lamplighter.bench.StandardOutput;
import dev.lamplighter.broker.MqttBroker;
import dev.lamplighter.broker.fuzz.BrokerFuzzer;
import dev.lamplighter.broker.fuzz.FuzzBroker;
import dev.lamplighter.broker.fuzz.GoodClient;
import dev.lamplighter.broker.fuzz.PipelineWatch;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * Runs the broker's malformed-packet fuzzer for a given time against a plain-TCP broker in this JVM
 * (so that its leak reports and pipeline warnings can be watched), with a well-behaved client
 * round-tripping QoS 1 messages throughout, and prints a table. Exits 1 when anything was found.
 *
 * <p>Arguments: {@code SECONDS [SOCKETS [SEED]]}; the seed defaults to the clock.
 */
public final class FuzzBench {
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(FuzzBench.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
  private static final int GOOD_MESSAGES_PER_SECOND = 50;

  private FuzzBench() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: FuzzBench SECONDS [SOCKETS [SEED]]");
    }
    Duration duration = Duration.ofSeconds(Long.parseLong(args[0]));
    int sockets = args.length > 1 ? Integer.parseInt(args[1]) : 16;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : System.currentTimeMillis();
    // One event-log line per fuzz connection would drown the run's own log.
    ((Logger) LoggerFactory.getLogger("lamplighter.events")).setLevel(Level.WARN);

    BrokerFuzzer.Result result;
    GoodClient good;
    List<String> leaks;
    List<String> escaped;
    List<String> warnings;
    boolean goodConnected;
    long started = System.nanoTime();
    try (PipelineWatch watch = PipelineWatch.install()) {
      try (MqttBroker broker = FuzzBroker.start(CONNECT_TIMEOUT)) {
        LOG.info(
            "fuzzing 127.0.0.1:{} for {} s from {} sockets, seed {}",
            broker.port(),
            duration.toSeconds(),
            sockets,
            seed);
        good =
            GoodClient.start("127.0.0.1", broker.port(), "good-client", GOOD_MESSAGES_PER_SECOND);
        try {
          result =
              new BrokerFuzzer(
                      new BrokerFuzzer.Options(
                          "127.0.0.1",
                          broker.port(),
                          seed,
                          sockets,
                          duration,
                          CONNECT_TIMEOUT.plusSeconds(2)))
                  .run();
          good.stopAndDrain(Duration.ofSeconds(30));
          goodConnected = good.connected();
        } finally {
          good.close();
        }
      }
      watch.provokeLeakReports();
      leaks = watch.leaks();
      escaped = watch.escapedExceptions();
      warnings = watch.otherWarnings();
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    row("seed", Long.toString(seed));
    row("duration", String.format(Locale.ROOT, "%.0f s", seconds));
    row("sockets", Integer.toString(sockets));
    row("streams sent", Long.toString(result.streams()));
    row("streams per second", String.format(Locale.ROOT, "%.1f", result.streams() / seconds));
    row("connections closed by the broker", Long.toString(result.closed()));
    row("connections answered, left open", Long.toString(result.answered()));
    row("neither within the connect timeout", Long.toString(result.silentCount()));
    row("connections refused", Long.toString(result.unreachable()));
    row("leaks", Integer.toString(leaks.size()));
    row("exceptions reaching a pipeline's tail", Integer.toString(escaped.size()));
    row("other warnings", Integer.toString(warnings.size()));
    row(
        "good client delivered / expected",
        good.received() + " / " + good.sent() + (goodConnected ? "" : " (disconnected)"));
    row("good client failed publishes", Integer.toString(good.failures()));

    boolean clean =
        result.silentCount() == 0
            && result.unreachable() == 0
            && leaks.isEmpty()
            && escaped.isEmpty()
            && warnings.isEmpty()
            && goodConnected
            && good.failures() == 0
            && good.received() == good.sent();
    for (String silent : result.silent()) {
      StandardOutput.println("silent stream: " + silent);
    }
    for (String line : leaks) {
      StandardOutput.println("leak: " + line);
    }
    for (String line : escaped) {
      StandardOutput.println("escaped: " + line);
    }
    for (String line : warnings) {
      StandardOutput.println("warning: " + line);
    }
    StandardOutput.println(
        clean ? "result: clean" : "result: FINDINGS (replay with seed " + seed + ")");
    System.exit(clean ? 0 : 1);
  }

  private static void row(String name, String value) {
    StandardOutput.println(String.format(Locale.ROOT, "%-40s %s", name, value));
  }
}
