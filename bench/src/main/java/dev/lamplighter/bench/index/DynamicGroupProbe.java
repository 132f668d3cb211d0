package dev.lamplighter.bench.index;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamplighter.bench.groups.RawLine;
import dev.lamplighter.bench.groups.SignedClient;
import dev.lamplighter.bench.load.LatencyRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dynamic-group convergence: creates the {@link DynamicGroupPlan}'s groups, waits until every one
 * is ACTIVE, then marks a random thing so that it enters the probe group and polls
 * ListThingGroupsForThing every 5 ms until the group is listed (entering), then unmarks it and
 * polls until it is gone (leaving). A sample is the time from sending the UpdateThing to the answer
 * that showed the change.
 */
final class DynamicGroupProbe {
  private static final Logger LOG = LoggerFactory.getLogger(DynamicGroupProbe.class);
  private static final Duration ACTIVE_POLL = Duration.ofMillis(250);
  private static final Duration ACTIVE_GIVE_UP = Duration.ofMinutes(15);

  private final SignedClient client;
  private final ProbeThings things;

  DynamicGroupProbe(SignedClient client, FleetPlan plan) {
    this.client = client;
    this.things = new ProbeThings(plan, 11);
  }

  /** The lines {@code dyngroups …} and {@code convergence direction=enter|leave …}. */
  List<String> run(int groupCount, int samples) throws InterruptedException {
    List<DynamicGroupPlan.Group> groups = DynamicGroupPlan.groups(groupCount);
    long start = System.nanoTime();
    for (DynamicGroupPlan.Group group : groups) {
      SignedClient.Answer answer =
          client.send(IndexRequests.createDynamicThingGroup(group.name(), group.queryString()));
      if (!answer.ok()) {
        throw new IllegalStateException(
            "CreateDynamicThingGroup "
                + group.name()
                + " ("
                + group.queryString()
                + ") answered "
                + answer.status()
                + ": "
                + answer.text());
      }
    }
    long created = System.nanoTime();
    LOG.info("created {} dynamic groups; waiting until they are ACTIVE", groups.size());
    boolean active = awaitActive(groups);
    long activeAt = System.nanoTime();
    List<String> lines = new ArrayList<>();
    lines.add(
        new RawLine("dyngroups")
            .put("groups", groups.size())
            .put("create_ms", Duration.ofNanos(created - start).toMillis())
            .put("active_ms", active ? Duration.ofNanos(activeAt - start).toMillis() : null)
            .put("all_active", active ? "yes" : "no")
            .toString());
    LatencyRecorder entering = new LatencyRecorder();
    LatencyRecorder leaving = new LatencyRecorder();
    int[] timeouts = new int[2];
    long firstEnter = -1;
    for (int n = 0; n < samples; n++) {
      String thing = things.next();
      long entered = sample(thing, "in", true, entering, timeouts, 0);
      if (n == 0) {
        firstEnter = entered;
      }
      if (entered >= 0) {
        sample(thing, "out", false, leaving, timeouts, 1);
      } else {
        // A thing that never showed as a member would seem to leave at once: reset it, unmeasured
        // (its leave sample is missing from ok).
        client.send(IndexRequests.setAttribute(thing, DynamicGroupPlan.PROBE_ATTRIBUTE, "out"));
      }
    }
    lines.add(
        new RawLine("dyngroups_first")
            .put("first_enter_ms", firstEnter < 0 ? null : Duration.ofNanos(firstEnter).toMillis())
            .toString());
    lines.add(line("enter", samples, timeouts[0], entering));
    lines.add(line("leave", samples, timeouts[1], leaving));
    return lines;
  }

  /**
   * Records one sample.
   *
   * @return how long the change took to show, in nanoseconds; -1 when it did not (a failure or a
   *     timeout)
   */
  private long sample(
      String thing,
      String value,
      boolean member,
      LatencyRecorder recorder,
      int[] timeouts,
      int slot)
      throws InterruptedException {
    long start = System.nanoTime();
    SignedClient.Answer update =
        client.send(IndexRequests.setAttribute(thing, DynamicGroupPlan.PROBE_ATTRIBUTE, value));
    if (!update.ok()) {
      recorder.record(update.status(), 0);
      LOG.warn("UpdateThing {} answered {}: {}", thing, update.status(), update.text());
      return -1;
    }
    long seen =
        Poller.until(() -> groupsOf(thing).contains(DynamicGroupPlan.PROBE_GROUP) == member);
    if (seen < 0) {
      timeouts[slot]++;
      LOG.warn(
          "{} did not {} {} within {}",
          thing,
          member ? "enter" : "leave",
          DynamicGroupPlan.PROBE_GROUP,
          Poller.GIVE_UP);
      return -1;
    }
    recorder.record(200, seen - start);
    return seen - start;
  }

  private Set<String> groupsOf(String thing) throws InterruptedException {
    SignedClient.Answer answer = client.send(IndexRequests.listThingGroupsForThing(thing));
    if (!answer.ok()) {
      throw new IllegalStateException(
          "ListThingGroupsForThing "
              + thing
              + " answered "
              + answer.status()
              + ": "
              + answer.text());
    }
    Set<String> names = new LinkedHashSet<>();
    for (JsonNode group : Json.read(answer.body()).path("thingGroups")) {
      names.add(group.path("groupName").asText());
    }
    return names;
  }

  private boolean awaitActive(List<DynamicGroupPlan.Group> groups) throws InterruptedException {
    long deadline = System.nanoTime() + ACTIVE_GIVE_UP.toNanos();
    List<DynamicGroupPlan.Group> waiting = new ArrayList<>(groups);
    while (!waiting.isEmpty()) {
      if (System.nanoTime() > deadline) {
        LOG.error("ERROR: {} dynamic groups not ACTIVE after {}", waiting.size(), ACTIVE_GIVE_UP);
        return false;
      }
      List<DynamicGroupPlan.Group> still = new ArrayList<>();
      for (DynamicGroupPlan.Group group : waiting) {
        SignedClient.Answer answer = client.send(IndexRequests.describeThingGroup(group.name()));
        if (!answer.ok() || !"ACTIVE".equals(Json.read(answer.body()).path("status").asText())) {
          still.add(group);
        }
      }
      waiting = still;
      if (!waiting.isEmpty()) {
        Thread.sleep(ACTIVE_POLL.toMillis());
      }
    }
    return true;
  }

  private static String line(
      String direction, int samples, int timeouts, LatencyRecorder recorder) {
    LatencyRecorder.Summary summary = LatencyRecorder.merge(List.of(recorder));
    return new RawLine("convergence")
        .put("direction", direction)
        .put("group", DynamicGroupPlan.PROBE_GROUP)
        .put("samples", samples)
        .put("ok", summary.successes())
        .put("timeouts", timeouts)
        .statuses("error_statuses", summary.errorsByStatus())
        .put("poll_ms", Poller.INTERVAL.toMillis())
        .number("p50_ms", summary.percentileMillis(50), 1)
        .number("p99_ms", summary.percentileMillis(99), 1)
        .number("max_ms", summary.percentileMillis(100), 1)
        .toString();
  }
}
