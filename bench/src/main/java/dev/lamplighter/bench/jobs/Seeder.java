package dev.lamplighter.bench.jobs;

import dev.lamplighter.bench.groups.BatchRun;
import dev.lamplighter.bench.groups.GroupRequests;
import dev.lamplighter.bench.groups.SignedClient;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.IntFunction;

/**
 * Puts things into a static thing group the way the groups suite does, the fastest honest way the
 * API offers: CreateThingGroup, then CreateThing for every thing and AddThingToThingGroup for every
 * thing, each a {@link BatchRun} of signed requests at {@code concurrency} workers.
 */
final class Seeder {
  private final SignedClient client;
  private final int concurrency;
  private final OptionalLong targetPid;

  Seeder(SignedClient client, int concurrency, OptionalLong targetPid) {
    this.client = client;
    this.concurrency = concurrency;
    this.targetPid = targetPid;
  }

  /**
   * Creates the group and {@code count} things named by {@code names}, each added to it.
   *
   * @return the two {@code batch label=<label> …} result lines
   * @throws IllegalStateException when the group cannot be created or a request failed
   */
  List<String> seed(String label, String group, int count, IntFunction<String> names)
      throws InterruptedException {
    SignedClient.Answer created = client.send(GroupRequests.createThingGroup(group, null));
    if (!created.ok()) {
      throw new IllegalStateException(
          "CreateThingGroup " + group + " answered " + created.status() + ": " + created.text());
    }
    BatchRun.Result things =
        BatchRun.run(
            client,
            "CreateThing",
            count,
            concurrency,
            i -> GroupRequests.createThing(names.apply(i)),
            targetPid);
    BatchRun.Result members =
        BatchRun.run(
            client,
            "AddThingToThingGroup",
            count,
            concurrency,
            i -> GroupRequests.addThingToThingGroup(group, names.apply(i)),
            targetPid);
    if (things.summary().errors() > 0 || members.summary().errors() > 0) {
      throw new IllegalStateException(
          label
              + ": seeding failed: "
              + things.summary().errorsByStatus()
              + " CreateThing and "
              + members.summary().errorsByStatus()
              + " AddThingToThingGroup errors by status; see the log");
    }
    return List.of(things.line(label), members.line(label));
  }
}
