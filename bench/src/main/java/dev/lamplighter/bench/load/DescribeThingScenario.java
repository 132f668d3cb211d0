package dev.lamplighter.bench.load;

/**
 * DescribeThing ({@code GET /things/{thingName}}) over the seeded things. Each worker walks the set
 * from its own offset, so the workers spread over it without needing randomness.
 */
record DescribeThingScenario(int things) implements Scenario {
  static final String NAME = "describe-thing";

  DescribeThingScenario {
    if (things < 1) {
      throw new IllegalArgumentException("the describe scenario needs at least one thing");
    }
  }

  @Override
  public String operation() {
    return "DescribeThing";
  }

  @Override
  public BenchRequest request(int worker, long sequence) {
    return new BenchRequest("GET", "/things/" + ThingNames.spread(things, worker, sequence), null);
  }
}
