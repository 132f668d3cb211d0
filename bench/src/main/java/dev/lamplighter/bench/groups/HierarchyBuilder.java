package dev.lamplighter.bench.groups;

import java.time.Duration;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a plan's thing groups with CreateThingGroup, one level at a time (a group's parent must
 * exist first), the groups of a level in parallel. Setup, not a measurement: any failure stops it.
 */
final class HierarchyBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(HierarchyBuilder.class);

  private final SignedClient client;
  private final GroupPlan plan;
  private final int concurrency;

  HierarchyBuilder(SignedClient client, GroupPlan plan, int concurrency) {
    this.client = client;
    this.plan = plan;
    this.concurrency = concurrency;
  }

  /**
   * Creates every group.
   *
   * @return the line {@code hierarchy label=… groups=… ms=…}
   * @throws IllegalStateException when a group could not be created
   */
  String build(String label) throws InterruptedException {
    long start = System.nanoTime();
    for (int level = 1; level <= plan.levels(); level++) {
      int at = level;
      BatchRun.Result result =
          BatchRun.run(
              client,
              "CreateThingGroup",
              plan.groupsAt(level),
              concurrency,
              i -> GroupRequests.createThingGroup(plan.group(at, i), plan.parent(at, i)),
              OptionalLong.empty());
      if (result.summary().errors() > 0) {
        throw new IllegalStateException(
            "CreateThingGroup failed at level "
                + level
                + ": "
                + result.summary().errorsByStatus()
                + " (status=count); the first failure is logged above");
      }
      LOG.info(
          "level {}: {} groups in {} ms",
          level,
          result.count(),
          Math.round(result.seconds() * 1000));
    }
    return new RawLine("hierarchy")
        .put("label", label)
        .put("root", plan.root())
        .put("levels", plan.levels())
        .put("branching", plan.branching())
        .put("groups", plan.groupCount())
        .put("leaves", plan.leafCount())
        .put("concurrency", concurrency)
        .put("ms", Duration.ofNanos(System.nanoTime() - start).toMillis())
        .toString();
  }
}
