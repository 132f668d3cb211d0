package dev.lamplighter.bench.index;

import dev.lamplighter.bench.groups.BatchRun;
import dev.lamplighter.bench.groups.SignedClient;
import dev.lamplighter.bench.load.BenchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds a {@link FleetPlan} through the API: switches thing indexing on with the Number custom
 * fields (before any thing exists, so the fields are typed from the first document), creates the
 * thing types and static groups, then the things and the static memberships as measured batches. A
 * failed set-up request stops it; failed batch requests are counted and reported.
 */
final class FleetSeeder {
  private static final Logger LOG = LoggerFactory.getLogger(FleetSeeder.class);

  private final SignedClient client;
  private final FleetPlan plan;
  private final int concurrency;
  private final OptionalLong targetPid;

  FleetSeeder(SignedClient client, FleetPlan plan, int concurrency, OptionalLong targetPid) {
    this.client = client;
    this.plan = plan;
    this.concurrency = concurrency;
    this.targetPid = targetPid;
  }

  /** The two batch lines, CreateThing and AddThingToThingGroup, labelled {@code seed}. */
  List<String> seed() throws InterruptedException {
    required(IndexRequests.enableThingIndexing(), "UpdateIndexingConfiguration");
    for (String type : FleetPlan.THING_TYPES) {
      required(IndexRequests.createThingType(type), "CreateThingType " + type);
    }
    for (int k = 0; k < FleetPlan.STATIC_GROUPS; k++) {
      required(
          IndexRequests.createThingGroup(FleetPlan.district(k)),
          "CreateThingGroup " + FleetPlan.district(k));
    }
    LOG.info("creating {} things with {} workers", plan.things(), concurrency);
    BatchRun.Result created =
        BatchRun.run(
            client,
            "CreateThing",
            plan.things(),
            concurrency,
            i -> IndexRequests.createThing(plan, i),
            targetPid);
    LOG.info(
        "created {} things in {} s", created.summary().successes(), Math.round(created.seconds()));
    BatchRun.Result added =
        BatchRun.run(
            client,
            "AddThingToThingGroup",
            plan.staticMembers(),
            concurrency,
            n -> {
              int i = FleetPlan.staticMember(n);
              return IndexRequests.addThingToThingGroup(
                  FleetPlan.staticGroup(i).orElseThrow(), FleetPlan.thing(i));
            },
            targetPid);
    List<String> lines = new ArrayList<>();
    lines.add(created.line("seed"));
    lines.add(added.line("seed"));
    return lines;
  }

  private void required(BenchRequest request, String what) throws InterruptedException {
    SignedClient.Answer answer = client.send(request);
    if (!answer.ok()) {
      throw new IllegalStateException(what + " answered " + answer.status() + ": " + answer.text());
    }
  }
}
