package dev.lamplighter.bench.index;

import static dev.lamplighter.bench.CommandLines.positive;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * The command line of {@link IndexBench}.
 *
 * <pre>
 * IndexBench STEP TARGET THINGS [--concurrency N] [--workers N] [--warmup S] [--measure S]
 *            [--samples N] [--groups N] [--target-pid PID] [--launched-ms EPOCH_MS]
 * </pre>
 *
 * @param step what this invocation does
 * @param target the server's URL, such as {@code http://127.0.0.1:8080}; for the raw step the index
 *     directory
 * @param plan the fleet the steps seed or expect
 * @param concurrency requests in flight while seeding
 * @param workers concurrent searches of the search and raw steps
 * @param warmup warm-up of the search and raw steps
 * @param measure measured window of the search and raw steps
 * @param samples samples of the freshness and dyngroups steps
 * @param groups dynamic groups the dyngroups step creates
 * @param targetPid the server's process, whose CPU use the seed step reports, when given
 * @param launchedMillis when the server was launched (epoch ms), for the build step
 */
record IndexOptions(
    Step step,
    String target,
    FleetPlan plan,
    int concurrency,
    int workers,
    Duration warmup,
    Duration measure,
    int samples,
    int groups,
    OptionalLong targetPid,
    long launchedMillis) {

  /** What one invocation does. */
  enum Step {
    /** Switches indexing on, creates types, static groups, things and memberships. */
    SEED,
    /** Waits until a restarted server has rebuilt its index from the store. */
    BUILD,
    /** SearchIndex through the API. */
    SEARCH,
    /** The same queries on the stopped server's index with plain Lucene. */
    RAW,
    /** Update to searchable. */
    FRESHNESS,
    /** Dynamic groups: creation, then entering and leaving one. */
    DYNGROUPS
  }

  static final String USAGE =
      "usage: IndexBench seed|build|search|raw|freshness|dyngroups TARGET THINGS"
          + " [--concurrency N] [--workers N] [--warmup S] [--measure S] [--samples N]"
          + " [--groups N] [--target-pid PID] [--launched-ms EPOCH_MS]";

  /**
   * Parses the command line.
   *
   * @throws IllegalArgumentException naming the argument that is missing or wrong
   */
  static IndexOptions parse(String[] args) {
    if (args.length < 3) {
      throw new IllegalArgumentException(USAGE);
    }
    Step step;
    try {
      step = Step.valueOf(args[0].toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown step '" + args[0] + "'; " + USAGE, e);
    }
    FleetPlan plan = new FleetPlan(positive("THINGS", args[2]));
    int concurrency = 32;
    int workers = 2;
    int warmup = 10;
    int measure = 20;
    int samples = 20;
    int groups = 100;
    OptionalLong targetPid = OptionalLong.empty();
    long launched = 0;
    for (int i = 3; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value; " + USAGE);
      }
      String value = args[i + 1];
      switch (args[i]) {
        case "--concurrency" -> concurrency = positive("--concurrency", value);
        case "--workers" -> workers = positive("--workers", value);
        case "--warmup" -> warmup = positive("--warmup", value);
        case "--measure" -> measure = positive("--measure", value);
        case "--samples" -> samples = positive("--samples", value);
        case "--groups" -> groups = positive("--groups", value);
        case "--target-pid" -> targetPid = OptionalLong.of(positive("--target-pid", value));
        case "--launched-ms" -> launched = Long.parseLong(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
      }
    }
    return new IndexOptions(
        step,
        args[1],
        plan,
        concurrency,
        workers,
        Duration.ofSeconds(warmup),
        Duration.ofSeconds(measure),
        samples,
        groups,
        targetPid,
        launched);
  }
}
