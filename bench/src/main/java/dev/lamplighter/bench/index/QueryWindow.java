package dev.lamplighter.bench.index;

import dev.lamplighter.bench.groups.RawLine;
import dev.lamplighter.bench.load.LatencyRecorder;
import dev.lamplighter.bench.load.ProcessCpu;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the {@link QueryMix} on one {@link SearchSide} with a few closed-loop workers, each taking
 * the queries in turn: a warm-up, then a measured window in which only queries that start and end
 * inside it count. Prints nothing; returns one result line per query and one over all of them, the
 * last with the CPU this process and the server (when its pid is known) used in the window.
 */
final class QueryWindow {
  private final SearchSide side;
  private final int workers;
  private final Duration warmup;
  private final Duration measure;
  private final Optional<ProcessCpu> target;

  QueryWindow(
      SearchSide side,
      int workers,
      Duration warmup,
      Duration measure,
      Optional<ProcessCpu> target) {
    this.side = side;
    this.workers = workers;
    this.warmup = warmup;
    this.measure = measure;
    this.target = target;
  }

  List<String> run() throws InterruptedException {
    Map<QueryMix, SearchSide.Sample> samples = new EnumMap<>(QueryMix.class);
    for (QueryMix query : QueryMix.values()) {
      samples.put(query, side.sample(query));
    }
    long measureStart = System.nanoTime() + warmup.toNanos();
    long measureEnd = measureStart + measure.toNanos();
    List<Map<QueryMix, LatencyRecorder>> recorders = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      Map<QueryMix, LatencyRecorder> own = new EnumMap<>(QueryMix.class);
      for (QueryMix query : QueryMix.values()) {
        own.put(query, new LatencyRecorder());
      }
      recorders.add(own);
      int offset = w;
      threads.add(
          new Thread(() -> work(offset, own, measureStart, measureEnd), "search-" + side.label()));
    }
    threads.forEach(Thread::start);
    ProcessCpu self = ProcessCpu.self();
    sleepUntil(measureStart);
    Optional<Duration> selfBefore = self.total();
    Optional<Duration> targetBefore = target.flatMap(ProcessCpu::total);
    sleepUntil(measureEnd);
    Optional<Duration> selfUsed = difference(selfBefore, self.total());
    Optional<Duration> targetUsed = difference(targetBefore, target.flatMap(ProcessCpu::total));
    for (Thread thread : threads) {
      thread.join();
    }
    List<String> lines = new ArrayList<>();
    List<LatencyRecorder> everything = new ArrayList<>();
    for (QueryMix query : QueryMix.values()) {
      List<LatencyRecorder> ofQuery = recorders.stream().map(r -> r.get(query)).toList();
      everything.addAll(ofQuery);
      SearchSide.Sample sample = samples.get(query);
      lines.add(
          line(query.label(), LatencyRecorder.merge(ofQuery))
              .put("page", sample.page())
              .put("first", sample.first())
              .put("last", sample.last())
              .put("matches", sample.matches())
              .toString());
    }
    lines.add(
        line("all", LatencyRecorder.merge(everything))
            .number("loadgen_cpu", cores(selfUsed), 2)
            .number("target_cpu", cores(targetUsed), 2)
            .toString());
    return lines;
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left = nanoTime - System.nanoTime();
    if (left > 0) {
      Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
    }
  }

  private double cores(Optional<Duration> cpu) {
    return cpu.map(d -> d.toNanos() / (double) measure.toNanos()).orElse(Double.NaN);
  }

  private static Optional<Duration> difference(
      Optional<Duration> before, Optional<Duration> after) {
    return before.flatMap(b -> after.map(a -> a.minus(b)));
  }

  private void work(
      int offset, Map<QueryMix, LatencyRecorder> recorders, long measureStart, long measureEnd) {
    QueryMix[] queries = QueryMix.values();
    int n = offset;
    try {
      while (true) {
        long start = System.nanoTime();
        if (start >= measureEnd) {
          return;
        }
        QueryMix query = queries[n++ % queries.length];
        SearchSide.Outcome outcome = side.time(query);
        long end = System.nanoTime();
        if (start >= measureStart && end <= measureEnd) {
          recorders.get(query).record(outcome.status(), outcome.nanos());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private RawLine line(String query, LatencyRecorder.Summary summary) {
    return new RawLine("search")
        .put("side", side.label())
        .put("query", query)
        .put("workers", workers)
        .put("ok", summary.successes())
        .put("errors", summary.errors())
        .statuses("error_statuses", summary.errorsByStatus())
        .number("qps", summary.successes() / (measure.toNanos() / 1e9), 1)
        .number("p50_ms", summary.percentileMillis(50), 3)
        .number("p99_ms", summary.percentileMillis(99), 3)
        .number("max_ms", summary.percentileMillis(100), 3);
  }
}
