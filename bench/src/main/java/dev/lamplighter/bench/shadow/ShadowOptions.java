package dev.lamplighter.bench.shadow;

import dev.lamplighter.bench.CommandLines;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The shadow suite's command line.
 *
 * @param step devices (MQTT updates against the broker's round trip) or searchable
 * @param target the server's API URL
 * @param count devices registered (devices) or read (searchable)
 * @param mqttPort the server's MQTT port (devices)
 * @param warmUp each mode's unreported warm-up (devices)
 * @param measure each measured phase (devices)
 * @param rounds measured rounds of each mode (devices)
 * @param samples update-to-searchable samples (searchable)
 * @param concurrency devices registered at once (devices)
 * @param targetPid the server's process, whose CPU use is reported when given
 */
record ShadowOptions(
    Step step,
    URI target,
    int count,
    int mqttPort,
    Duration warmUp,
    Duration measure,
    int rounds,
    int samples,
    int concurrency,
    OptionalLong targetPid) {

  enum Step {
    DEVICES,
    SEARCHABLE
  }

  static final String USAGE =
      "usage: ShadowBench devices|searchable URL COUNT [--mqtt-port PORT] [--warmup S]"
          + " [--seconds S] [--rounds N] [--samples N] [--concurrency N] [--target-pid PID]";

  private static final Set<String> OPTIONS =
      Set.of(
          "--mqtt-port",
          "--warmup",
          "--seconds",
          "--rounds",
          "--samples",
          "--concurrency",
          "--target-pid");

  /**
   * Parses the command line.
   *
   * @throws IllegalArgumentException naming the argument that is missing or wrong
   */
  static ShadowOptions parse(String[] args) {
    if (args.length < 3) {
      throw new IllegalArgumentException(USAGE);
    }
    Step step = CommandLines.step(Step.class, args[0], USAGE);
    Map<String, String> options = CommandLines.options(args, 3, OPTIONS, USAGE);
    int mqttPort = CommandLines.positive(options, "--mqtt-port", 0);
    OptionalLong targetPid =
        options.containsKey("--target-pid")
            ? OptionalLong.of(CommandLines.positive(options, "--target-pid", 1))
            : OptionalLong.empty();
    if (step == Step.DEVICES && mqttPort == 0) {
      throw new IllegalArgumentException("the devices step needs --mqtt-port; " + USAGE);
    }
    return new ShadowOptions(
        step,
        URI.create(args[1]),
        CommandLines.positive("COUNT", args[2]),
        mqttPort,
        Duration.ofSeconds(CommandLines.positive(options, "--warmup", 10)),
        Duration.ofSeconds(CommandLines.positive(options, "--seconds", 15)),
        CommandLines.positive(options, "--rounds", 2),
        CommandLines.positive(options, "--samples", 100),
        CommandLines.positive(options, "--concurrency", 16),
        targetPid);
  }
}
