package dev.lamplighter.bench.load;

import java.util.Locale;

/** Names of the things a bench run creates. */
final class ThingNames {
  private ThingNames() {}

  /** The {@code index}th of the things seeded for the describe scenario: bench-thing-007. */
  static String seeded(int index) {
    return String.format(Locale.ROOT, "bench-thing-%03d", index);
  }

  /** A thing name no other request of any run uses: bench-{run}-{worker}-{n}. */
  static String unique(String runId, int worker, long sequence) {
    return "bench-" + runId + "-" + worker + "-" + sequence;
  }
}
