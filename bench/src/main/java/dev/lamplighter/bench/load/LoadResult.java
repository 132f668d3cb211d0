package dev.lamplighter.bench.load;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a run measured, written as one line of {@code key=value} words after the word {@code load},
 * for {@code bench/run} and the report to read. Throughput counts successful responses only;
 * percentiles are of successful responses; CPU is in cores (CPU seconds per second of the window)
 * for this process, the target and the whole machine, {@code -} when unknown.
 */
record LoadResult(
    LoadOptions options,
    String operation,
    LatencyRecorder.Summary summary,
    double windowSeconds,
    Optional<Duration> loadGeneratorCpu,
    Optional<Duration> targetCpu,
    double machineCpuCores) {

  static final String RECORD = "load";

  String line() {
    StringBuilder out = new StringBuilder(RECORD);
    put(out, "label", options.label());
    put(out, "operation", operation);
    put(out, "scenario", options.scenario());
    put(out, "concurrency", Integer.toString(options.concurrency()));
    put(out, "client", options.client().label());
    put(out, "warmup_s", number(options.warmUp().toMillis() / 1000.0, 1));
    put(out, "measure_s", number(windowSeconds, 2));
    put(out, "ok", Long.toString(summary.successes()));
    put(out, "errors", Long.toString(summary.errors()));
    put(out, "error_statuses", statuses(summary.errorsByStatus()));
    put(out, "rps", number(summary.successes() / windowSeconds, 1));
    put(out, "p50_ms", number(summary.percentileMillis(50), 3));
    put(out, "p90_ms", number(summary.percentileMillis(90), 3));
    put(out, "p99_ms", number(summary.percentileMillis(99), 3));
    put(out, "max_ms", number(summary.percentileMillis(100), 3));
    put(out, "loadgen_cpu", cores(loadGeneratorCpu));
    put(out, "target_cpu", cores(targetCpu));
    put(out, "machine_cpu", number(machineCpuCores, 2));
    return out.toString();
  }

  private String cores(Optional<Duration> cpu) {
    return cpu.map(d -> number(d.toNanos() / 1e9 / windowSeconds, 2)).orElse("-");
  }

  private static String statuses(Map<Integer, Long> errors) {
    if (errors.isEmpty()) {
      return "-";
    }
    return errors.entrySet().stream()
        .map(e -> e.getKey() + ":" + e.getValue())
        .collect(Collectors.joining(","));
  }

  private static String number(double value, int decimals) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static void put(StringBuilder out, String key, String value) {
    out.append(' ').append(key).append('=').append(value);
  }
}
