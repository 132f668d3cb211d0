package dev.lamplighter.bench.groups;

import dev.lamplighter.bench.load.LatencyRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages through the things of a group and everything below it with recursive
 * ListThingsInThingGroup, as one client does: one page at a time, each next page asked for with the
 * previous page's token, until a page comes without one. Each page's latency is the send alone.
 *
 * <p>A walk also checks what it read: the names must come in ascending order (so none twice) and
 * their number must be what the {@link GroupPlan} put under the group. A walk that falls short is
 * logged as an error and its result line says {@code complete=no}.
 */
final class GroupPager {
  private static final Logger LOG = LoggerFactory.getLogger(GroupPager.class);

  /** More pages than this beyond what the things fill means the tokens go round in a circle. */
  private static final int SPARE_PAGES = 100;

  /** Requests that warm this process up before the first timed page. */
  private static final int PRIMING_REQUESTS = 200;

  private final SignedClient client;
  private final int pageSize;

  GroupPager(SignedClient client, int pageSize) {
    this.client = client;
    this.pageSize = pageSize;
  }

  /**
   * One walk through a group.
   *
   * @param pages pages answered with 2xx
   * @param things names read
   * @param outOfOrder names not greater than the one before them
   * @param reachedEnd whether a last page (without a token) came
   * @param latencies the pages' latencies and failures by status
   * @param nanos wall time of the walk
   * @param failure why the walk stopped early, or null
   */
  record Walk(
      int pages,
      long things,
      long outOfOrder,
      boolean reachedEnd,
      LatencyRecorder latencies,
      long nanos,
      String failure) {
    boolean complete(long expected) {
      return reachedEnd && failure == null && outOfOrder == 0 && things == expected;
    }
  }

  Walk walk(String group, long expected) throws InterruptedException {
    LatencyRecorder latencies = new LatencyRecorder();
    long maxPages = expected / pageSize + SPARE_PAGES;
    int pages = 0;
    long things = 0;
    long outOfOrder = 0;
    String previous = null;
    String token = null;
    long start = System.nanoTime();
    while (true) {
      SignedClient.Answer answer =
          client.send(GroupRequests.listThingsRecursively(group, pageSize, token));
      latencies.record(answer.status(), answer.nanos());
      if (!answer.ok()) {
        return stopped(
            pages, things, outOfOrder, latencies, start, answer.status() + " " + answer.text());
      }
      pages++;
      ThingPage page;
      try {
        page = ThingPage.parse(answer.body());
      } catch (IllegalArgumentException e) {
        return stopped(
            pages, things, outOfOrder, latencies, start, "unreadable page: " + e.getMessage());
      }
      for (String name : page.things()) {
        if (previous != null && name.compareTo(previous) <= 0) {
          outOfOrder++;
        }
        previous = name;
      }
      things += page.things().size();
      token = page.nextToken();
      if (token == null) {
        return new Walk(
            pages, things, outOfOrder, true, latencies, System.nanoTime() - start, null);
      }
      if (pages >= maxPages) {
        return stopped(
            pages, things, outOfOrder, latencies, start, pages + " pages and still a next token");
      }
    }
  }

  /**
   * Walks the first group of {@code level} {@code count} times and returns the result lines: one
   * {@code walk} line per walk and, for more than one walk, one {@code walks} line over the later
   * (warm) walks together.
   */
  List<String> walks(GroupPlan plan, String label, int level, int count)
      throws InterruptedException {
    String group = plan.group(level, 0);
    long expected = plan.thingsUnder(level, 0);
    prime(plan.thing(0));
    List<String> lines = new ArrayList<>();
    List<Walk> later = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      Walk walk = walk(group, expected);
      if (!walk.complete(expected)) {
        LOG.error(
            "ERROR: walk {} of {} read {} things in {} pages, expected {}; out of order: {}; {}",
            n,
            group,
            walk.things(),
            walk.pages(),
            expected,
            walk.outOfOrder(),
            walk.failure() == null ? "it reached the last page" : "stopped: " + walk.failure());
      } else {
        LOG.info(
            "walk {} of {}: {} things in {} pages, {} ms",
            n,
            group,
            walk.things(),
            walk.pages(),
            Duration.ofNanos(walk.nanos()).toMillis());
      }
      LatencyRecorder.Summary summary = LatencyRecorder.merge(List.of(walk.latencies()));
      lines.add(
          line("walk", label, group, level, Integer.toString(n), summary)
              .put("things", walk.things())
              .put("expected", expected)
              .put("complete", walk.complete(expected) ? "yes" : "no")
              .put("out_of_order", walk.outOfOrder())
              .put("ms", Duration.ofNanos(walk.nanos()).toMillis())
              .toString());
      if (n > 1) {
        later.add(walk);
      }
    }
    if (!later.isEmpty()) {
      LatencyRecorder.Summary summary =
          LatencyRecorder.merge(later.stream().map(Walk::latencies).toList());
      lines.add(
          line("walks", label, group, level, "2-" + count, summary)
              .put("things", later.stream().mapToLong(Walk::things).sum())
              .put("expected", expected * later.size())
              .put("complete", later.stream().allMatch(w -> w.complete(expected)) ? "yes" : "no")
              .toString());
    }
    return lines;
  }

  /**
   * Warms this process (its connection, the signer, the HTTP client's code) with DescribeThing
   * requests, so that the first walk's pages measure a cold listing in the server rather than a
   * cold client. DescribeThing shares no code specific to the listing in the server.
   */
  private void prime(String thing) throws InterruptedException {
    int failed = 0;
    for (int i = 0; i < PRIMING_REQUESTS; i++) {
      if (!client.send(GroupRequests.describeThing(thing)).ok()) {
        failed++;
      }
    }
    if (failed > 0) {
      LOG.warn("{} of {} priming DescribeThing requests failed", failed, PRIMING_REQUESTS);
    }
  }

  private RawLine line(
      String kind,
      String label,
      String group,
      int level,
      String walk,
      LatencyRecorder.Summary summary) {
    return new RawLine(kind)
        .put("label", label)
        .put("group", group)
        .put("level", level)
        .put("walk", walk)
        .put("page_size", pageSize)
        .put("pages", summary.successes())
        .put("errors", summary.errors())
        .statuses("error_statuses", summary.errorsByStatus())
        .number("p50_ms", summary.percentileMillis(50), 3)
        .number("p99_ms", summary.percentileMillis(99), 3)
        .number("max_ms", summary.percentileMillis(100), 3);
  }

  private static Walk stopped(
      int pages,
      long things,
      long outOfOrder,
      LatencyRecorder latencies,
      long start,
      String failure) {
    return new Walk(
        pages, things, outOfOrder, false, latencies, System.nanoTime() - start, failure);
  }
}
