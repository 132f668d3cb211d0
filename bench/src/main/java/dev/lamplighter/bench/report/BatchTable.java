package dev.lamplighter.bench.report;

import static dev.lamplighter.bench.report.GroupsReport.format;

/**
 * The table of load-generator batches ({@code batch} lines) that the whole-server suites print:
 * throughput, latency, errors and where the machine's CPU went.
 */
final class BatchTable {
  private BatchTable() {}

  static TextTable of(Iterable<ResultRecord> batches) {
    TextTable table =
        new TextTable(
            1,
            "operation",
            "requests",
            "workers",
            "req/s",
            "p50 ms",
            "p99 ms",
            "max ms",
            "errors",
            "target CPU/req",
            "cores: loadgen",
            "target",
            "others");
    for (ResultRecord batch : batches) {
      double rps = batch.number("rps");
      double loadgen = batch.number("loadgen_cpu");
      double target = batch.number("target_cpu");
      table.row(
          batch.fields().getOrDefault("operation", "?"),
          format(batch.number("requests"), 0),
          batch.fields().getOrDefault("concurrency", "-"),
          format(rps, 0),
          format(batch.number("p50_ms"), 2),
          format(batch.number("p99_ms"), 2),
          format(batch.number("max_ms"), 2),
          batch.fields().getOrDefault("errors", "-"),
          rps > 0 ? format(target / rps * 1e6, 0) + " us" : "-",
          format(loadgen, 2),
          format(target, 2),
          format(Math.max(0, batch.number("machine_cpu") - loadgen - target), 2));
    }
    return table;
  }
}
