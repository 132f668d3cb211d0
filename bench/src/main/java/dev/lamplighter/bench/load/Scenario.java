package dev.lamplighter.bench.load;

import dev.lamplighter.bench.BenchCredentials;

/**
 * What a worker sends: the AWS operation a run measures and the request for each step. Called by
 * every worker thread, so implementations are immutable.
 */
interface Scenario {
  /** The AWS operation the requests call, for the report. */
  String operation();

  /** The SigV4 signing name of the requests' service. */
  default String signingName() {
    return BenchCredentials.SERVICE;
  }

  /** The request of worker {@code worker}'s {@code sequence}th step (from 0). */
  BenchRequest request(int worker, long sequence);

  /**
   * The scenario of a name given on the command line.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  static Scenario named(String name, LoadOptions options) {
    return switch (name) {
      case DescribeThingScenario.NAME -> new DescribeThingScenario(options.things());
      case CreateThingScenario.NAME -> new CreateThingScenario(options.runId());
      case GetThingShadowScenario.NAME -> new GetThingShadowScenario(options.things());
      default ->
          throw new IllegalArgumentException(
              "unknown scenario '"
                  + name
                  + "'; expected "
                  + DescribeThingScenario.NAME
                  + ", "
                  + CreateThingScenario.NAME
                  + " or "
                  + GetThingShadowScenario.NAME);
    };
  }
}
