package dev.lamplighter.bench.load;

import java.util.Locale;

/** Names of the things a bench run creates. */
public final class ThingNames {
  /** A prime step between the workers' starting points. */
  private static final int WORKER_STRIDE = 7919;

  private ThingNames() {}

  /** The {@code index}th of the things seeded for the describe scenario: bench-thing-007. */
  public static String seeded(int index) {
    return String.format(Locale.ROOT, "bench-thing-%03d", index);
  }

  /**
   * The seeded thing of worker {@code worker}'s {@code sequence}th step out of {@code things}: each
   * worker walks the set from its own offset, so the workers spread over it without randomness.
   */
  static String spread(int things, int worker, long sequence) {
    return seeded((int) Math.floorMod((long) worker * WORKER_STRIDE + sequence, (long) things));
  }

  /** A thing name no other request of any run uses: bench-{run}-{worker}-{n}. */
  static String unique(String runId, int worker, long sequence) {
    return "bench-" + runId + "-" + worker + "-" + sequence;
  }
}
