package dev.lamplighter.bench.index;

import java.util.SplittableRandom;

/**
 * Picks the things the probes update: random, always typed (an untyped thing already carries the
 * three attributes AWS allows it), and reproducible from the seed.
 */
final class ProbeThings {
  private final FleetPlan plan;
  private final SplittableRandom random;

  ProbeThings(FleetPlan plan, long seed) {
    this.plan = plan;
    this.random = new SplittableRandom(seed);
  }

  String next() {
    while (true) {
      int i = random.nextInt(plan.things());
      if (plan.typed(i)) {
        return FleetPlan.thing(i);
      }
    }
  }
}
