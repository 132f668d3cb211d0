package dev.lamplighter.bench.jobs;

import static dev.lamplighter.bench.CommandLines.positive;

import java.util.OptionalLong;

/**
 * The command line of {@link JobsBench}.
 *
 * <pre>
 * JobsBench rollout|devices|snapshot|raw TARGET COUNT [--rate PER_MINUTE] [--seconds S]
 *           [--mqtt-port PORT] [--warm-ups N] [--rounds N] [--concurrency N] [--target-pid PID]
 * </pre>
 *
 * @param step what to do
 * @param target the server's API URL, such as {@code http://127.0.0.1:8080}; for {@code raw}, the
 *     stopped server's {@code lamplighter.db}
 * @param count things (rollout, snapshot, raw) or devices (devices)
 * @param ratePerMinute the rollout's {@code maximumPerMinute} (rollout)
 * @param seconds how long the rollout is sampled (rollout)
 * @param mqttPort the server's MQTT port on 127.0.0.1 (devices)
 * @param warmUps warm-up jobs before the peers and the measured jobs (devices)
 * @param rounds measured jobs after the warm-up jobs, and measured rounds of each peer (devices)
 * @param concurrency requests in flight while seeding or setting devices up
 * @param targetPid the server's process, whose CPU use is reported when given
 */
record JobsOptions(
    Step step,
    String target,
    int count,
    int ratePerMinute,
    int seconds,
    int mqttPort,
    int warmUps,
    int rounds,
    int concurrency,
    OptionalLong targetPid) {

  /** What one invocation does. */
  enum Step {
    /** A job at a configured rollout rate, its executions counted every second. */
    ROLLOUT,
    /** Devices over MQTT taking jobs, and the broker's delivery peers. */
    DEVICES,
    /** A snapshot job to a large static group, timed until every execution exists. */
    SNAPSHOT,
    /** The same rows inserted into the stopped server's SQLite file directly. */
    RAW
  }

  static final String USAGE =
      "usage: JobsBench rollout|devices|snapshot|raw TARGET COUNT [--rate PER_MINUTE]"
          + " [--seconds S] [--mqtt-port PORT] [--warm-ups N] [--rounds N] [--concurrency N]"
          + " [--target-pid PID]";

  /**
   * Parses the command line.
   *
   * @throws IllegalArgumentException naming the argument that is missing or wrong
   */
  static JobsOptions parse(String[] args) {
    if (args.length < 3) {
      throw new IllegalArgumentException(USAGE);
    }
    Step step =
        switch (args[0]) {
          case "rollout" -> Step.ROLLOUT;
          case "devices" -> Step.DEVICES;
          case "snapshot" -> Step.SNAPSHOT;
          case "raw" -> Step.RAW;
          default -> throw new IllegalArgumentException("unknown step '" + args[0] + "'; " + USAGE);
        };
    String target = args[1];
    int count = positive("COUNT", args[2]);
    int rate = 0;
    int seconds = 60;
    int mqttPort = 0;
    int warmUps = 1;
    int rounds = 3;
    int concurrency = 32;
    OptionalLong targetPid = OptionalLong.empty();
    for (int i = 3; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value; " + USAGE);
      }
      String value = args[i + 1];
      switch (args[i]) {
        case "--rate" -> rate = positive("--rate", value);
        case "--seconds" -> seconds = positive("--seconds", value);
        case "--mqtt-port" -> mqttPort = positive("--mqtt-port", value);
        case "--warm-ups" -> warmUps = positive("--warm-ups", value);
        case "--rounds" -> rounds = positive("--rounds", value);
        case "--concurrency" -> concurrency = positive("--concurrency", value);
        case "--target-pid" -> targetPid = OptionalLong.of(positive("--target-pid", value));
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
      }
    }
    if (step == Step.ROLLOUT && rate == 0) {
      throw new IllegalArgumentException("the rollout step needs --rate; " + USAGE);
    }
    if (step == Step.DEVICES && mqttPort == 0) {
      throw new IllegalArgumentException("the devices step needs --mqtt-port; " + USAGE);
    }
    return new JobsOptions(
        step, target, count, rate, seconds, mqttPort, warmUps, rounds, concurrency, targetPid);
  }
}
