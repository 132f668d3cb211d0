package dev.lamplighter.bench.load;

import java.net.URI;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * The load generator's command line.
 *
 * <pre>
 * LoadGenerator URL SCENARIO CONCURRENCY WARMUP_SECONDS MEASURE_SECONDS
 *               [--label NAME] [--things N] [--run ID] [--target-pid PID]
 *               [--client shared|per-worker]
 * </pre>
 *
 * @param target where requests go, such as {@code http://127.0.0.1:8080}
 * @param scenario describe-thing or create-thing
 * @param concurrency worker threads, each with one request in flight
 * @param warmUp how long to send before measuring
 * @param measure how long the measured window lasts
 * @param label names the target in the result line (such as ceiling or lamplighter)
 * @param things how many seeded things the describe scenario reads
 * @param runId makes the create scenario's thing names unique across runs
 * @param targetPid the target's process, whose CPU use is reported when given
 * @param client how the workers share HTTP clients
 */
record LoadOptions(
    URI target,
    String scenario,
    int concurrency,
    Duration warmUp,
    Duration measure,
    String label,
    int things,
    String runId,
    OptionalLong targetPid,
    ClientMode client) {

  static final String USAGE =
      "usage: LoadGenerator URL SCENARIO CONCURRENCY WARMUP_SECONDS MEASURE_SECONDS"
          + " [--label NAME] [--things N] [--run ID] [--target-pid PID]"
          + " [--client shared|per-worker]";

  /**
   * Parses the command line.
   *
   * @throws IllegalArgumentException naming the argument that is missing or wrong
   */
  static LoadOptions parse(String[] args) {
    if (args.length < 5) {
      throw new IllegalArgumentException(USAGE);
    }
    URI target = URI.create(args[0]);
    int concurrency = positive("CONCURRENCY", args[2]);
    Duration warmUp = seconds("WARMUP_SECONDS", args[3], true);
    Duration measure = seconds("MEASURE_SECONDS", args[4], false);
    String label = "target";
    int things = 1000;
    String runId = Long.toString(System.currentTimeMillis(), 36);
    OptionalLong targetPid = OptionalLong.empty();
    ClientMode client = ClientMode.SHARED;
    for (int i = 5; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value; " + USAGE);
      }
      String value = args[i + 1];
      switch (args[i]) {
        case "--label" -> label = value;
        case "--things" -> things = positive("--things", value);
        case "--run" -> runId = value;
        case "--target-pid" -> targetPid = OptionalLong.of(positive("--target-pid", value));
        case "--client" -> client = ClientMode.parse(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
      }
    }
    return new LoadOptions(
        target, args[1], concurrency, warmUp, measure, label, things, runId, targetPid, client);
  }

  private static int positive(String name, String text) {
    try {
      int value = Integer.parseInt(text);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        name + " must be a positive whole number, not '" + text + "'");
  }

  private static Duration seconds(String name, String text, boolean zeroAllowed) {
    try {
      double value = Double.parseDouble(text);
      if (value > 0 || zeroAllowed && value == 0) {
        return Duration.ofMillis(Math.round(value * 1000));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " must be a number of seconds, not '" + text + "'");
  }
}
