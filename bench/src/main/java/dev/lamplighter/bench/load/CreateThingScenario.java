package dev.lamplighter.bench.load;

import java.nio.charset.StandardCharsets;

/**
 * CreateThing ({@code POST /things/{thingName}}) with a name no earlier request used and a small
 * attribute payload, so every request is a real insert.
 */
record CreateThingScenario(String runId) implements Scenario {
  static final String NAME = "create-thing";

  private static final byte[] BODY =
      "{\"attributePayload\":{\"attributes\":{\"bench\":\"registry\"}}}"
          .getBytes(StandardCharsets.UTF_8);

  @Override
  public String operation() {
    return "CreateThing";
  }

  @Override
  public BenchRequest request(int worker, long sequence) {
    return new BenchRequest("POST", "/things/" + ThingNames.unique(runId, worker, sequence), BODY);
  }
}
