package dev.lamplighter.bench.groups;

import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a plan's things with CreateThing, then adds each to its leaf with AddThingToThingGroup,
 * each phase a measured {@link BatchRun}. A failed request is counted, not fatal: the walks that
 * follow then see fewer things than expected and the report says so.
 */
final class MembershipLoader {
  private static final Logger LOG = LoggerFactory.getLogger(MembershipLoader.class);

  private final SignedClient client;
  private final GroupPlan plan;
  private final int concurrency;
  private final OptionalLong targetPid;

  MembershipLoader(SignedClient client, GroupPlan plan, int concurrency, OptionalLong targetPid) {
    this.client = client;
    this.plan = plan;
    this.concurrency = concurrency;
    this.targetPid = targetPid;
  }

  /** The two result lines, {@code batch … operation=CreateThing} and AddThingToThingGroup. */
  List<String> load(String label) throws InterruptedException {
    LOG.info("{}: creating {} things with {} workers", label, plan.things(), concurrency);
    BatchRun.Result created =
        BatchRun.run(
            client,
            "CreateThing",
            plan.things(),
            concurrency,
            i -> GroupRequests.createThing(plan.thing(i)),
            targetPid);
    LOG.info(
        "{}: adding {} things to {} leaf groups with {} workers",
        label,
        plan.things(),
        plan.leafCount(),
        concurrency);
    BatchRun.Result added =
        BatchRun.run(
            client,
            "AddThingToThingGroup",
            plan.things(),
            concurrency,
            i -> GroupRequests.addThingToThingGroup(plan.leafOf(i), plan.thing(i)),
            targetPid);
    return List.of(created.line(label), added.line(label));
  }
}
