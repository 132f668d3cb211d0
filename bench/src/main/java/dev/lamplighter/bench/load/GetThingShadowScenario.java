package dev.lamplighter.bench.load;

/**
 * GetThingShadow ({@code GET /things/{thingName}/shadow}, the classic shadow) of the seeded things,
 * spread over them as {@link DescribeThingScenario} spreads its reads, and signed for the {@code
 * iot-data} service as its SDK client signs it.
 */
record GetThingShadowScenario(int things) implements Scenario {
  static final String NAME = "get-thing-shadow";

  GetThingShadowScenario {
    if (things < 1) {
      throw new IllegalArgumentException("the shadow scenario needs at least one thing");
    }
  }

  @Override
  public String operation() {
    return "GetThingShadow";
  }

  @Override
  public String signingName() {
    return "iotdata";
  }

  @Override
  public BenchRequest request(int worker, long sequence) {
    return new BenchRequest(
        "GET", "/things/" + ThingNames.spread(things, worker, sequence) + "/shadow", null);
  }
}
