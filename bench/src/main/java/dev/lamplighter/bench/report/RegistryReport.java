package dev.lamplighter.bench.report;

import dev.lamplighter.bench.StandardOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints the report of a {@code bench/run registry} run from its raw lines. Usage: {@code
 * RegistryReport RAW_FILE}.
 *
 * <p>The targets (from the issue that asked for this benchmark): DescribeThing at least half the
 * ceiling's throughput; CreateThing at least 2,000 requests/s on SQLite; start to ready within 2 s;
 * idle RSS within 256 MiB. Start to ready is the wall time from launching the process to the first
 * 200 from {@code /health}; the server's own "ready in" (from the start of its main start-up
 * method, after the JVM has started) is shown beside it.
 */
public final class RegistryReport {
  static final String CEILING = "ceiling";
  static final String SERVER = "lamplighter";

  static final Goal DESCRIBE_RATIO =
      new Goal(
          "DescribeThing, ratio to the ceiling",
          true,
          0.5,
          v -> String.format(Locale.ROOT, "%.2fx", v));
  static final Goal CREATE_RATE =
      new Goal("CreateThing on SQLite", true, 2000, v -> format(v, 0) + " req/s");
  static final Goal READY =
      new Goal("Start to ready (launch to first 200)", false, 2000, v -> format(v, 0) + " ms");
  static final Goal IDLE_RSS = new Goal("Idle RSS", false, 256, v -> format(v, 0) + " MiB");

  private RegistryReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: RegistryReport RAW_FILE");
    }
    render(ResultFile.read(Path.of(args[0]))).forEach(StandardOutput::println);
  }

  static List<String> render(ResultFile file) {
    List<String> out = new ArrayList<>();
    Optional<ResultRecord> run = file.last("run");
    out.add(
        "Lamplighter registry benchmark"
            + run.map(r -> ", " + r.text("started")).orElse("")
            + run.map(r -> ", " + r.text("cores") + " cores, Java " + r.text("java")).orElse("")
            + run.filter(r -> "quick".equals(r.text("mode")))
                .map(r -> " (--quick: a smoke run, not a measurement)")
                .orElse(""));
    run.ifPresent(
        r ->
            out.add(
                "Closed loop, "
                    + r.text("concurrency")
                    + " workers, warm-up "
                    + r.text("warmup_s")
                    + " s, measured "
                    + r.text("measure_s")
                    + " s, DescribeThing over "
                    + r.text("things")
                    + " things; the load generator shares the machine"));
    out.add("");
    out.addAll(throughput(file).lines());
    out.add(
        "CPU/req: the target's CPU time per successful request. cores: CPU used during the"
            + " window by the load generator, the target and all other processes.");
    out.add("");
    out.addAll(targets(file).lines());
    out.add("");
    notes(file, out);
    return out;
  }

  static TextTable throughput(ResultFile file) {
    TextTable table =
        new TextTable(
            2,
            "target",
            "operation",
            "req/s",
            "p50 ms",
            "p99 ms",
            "errors",
            "target CPU/req",
            "cores: loadgen",
            "target",
            "others");
    for (ResultRecord load : file.all("load")) {
      double rps = load.number("rps");
      double loadgen = load.number("loadgen_cpu");
      double target = load.number("target_cpu");
      table.row(
          load.fields().getOrDefault("label", "?"),
          load.fields().getOrDefault("operation", "?"),
          format(rps, 0),
          format(load.number("p50_ms"), 2),
          format(load.number("p99_ms"), 2),
          load.fields().getOrDefault("errors", "-"),
          rps > 0 ? format(target / rps * 1e6, 0) + " us" : "-",
          format(loadgen, 2),
          format(target, 2),
          format(Math.max(0, load.number("machine_cpu") - loadgen - target), 2));
    }
    return table;
  }

  private static TextTable targets(ResultFile file) {
    Optional<ResultRecord> startup = file.last("startup");
    double rssMib = startup.map(r -> r.number("idle_rss_kb") / 1024).orElse(Double.NaN);
    TextTable table = new TextTable(1, "target", "measured", "goal", "met");
    table.row(DESCRIBE_RATIO.cells(describeRatio(file)));
    table.row(CREATE_RATE.cells(rps(file, SERVER, "CreateThing")));
    table.row(READY.cells(startup.map(r -> r.number("ready_wall_ms")).orElse(Double.NaN)));
    table.row(IDLE_RSS.cells(rssMib));
    table.row(
        "DescribeThing CPU per request, server/ceiling",
        String.format(Locale.ROOT, "%.2fx", describeCpuRatio(file)),
        "(info)",
        "");
    table.row(
        "Server's own log: ready in",
        startup.map(r -> format(r.number("ready_logged_ms"), 0) + " ms").orElse("-"),
        "(info)",
        "");
    return table;
  }

  private static void notes(ResultFile file, List<String> out) {
    file.last("startup")
        .ifPresent(
            s ->
                out.add(
                    "Idle RSS read from /proc after "
                        + s.text("idle_wait_s")
                        + " s idle, before any request but /health."));
    file.last("seed")
        .ifPresent(
            s ->
                out.add(
                    "Seeded "
                        + s.text("things")
                        + " things in "
                        + s.text("ms")
                        + " ms with "
                        + s.text("concurrency")
                        + " workers."));
    for (ResultRecord load : file.all("load")) {
      if (load.number("errors") > 0) {
        out.add(
            "Errors: "
                + load.text("label")
                + " "
                + load.text("operation")
                + " answered "
                + load.text("error_statuses")
                + " (status:count, 0 = transport error); req/s counts only 2xx.");
      }
    }
  }

  /**
   * The median over rounds of the server's DescribeThing rate divided by the ceiling's in the
   * window just before it: each ratio compares the two under the same machine conditions.
   */
  static double describeRatio(ResultFile file) {
    return medianRatio(rates(file, SERVER, "DescribeThing"), rates(file, CEILING, "DescribeThing"));
  }

  /**
   * The median over rounds of the server's CPU time per DescribeThing divided by the ceiling's:
   * meaningful even when the load generator, not the target, limits the request rate.
   */
  static double describeCpuRatio(ResultFile file) {
    return medianRatio(cpuPerRequest(file, SERVER), cpuPerRequest(file, CEILING));
  }

  /**
   * The median of the ratios of values at the same position: each pair was measured one right after
   * the other, under the same machine conditions.
   */
  static double medianRatio(List<Double> numerators, List<Double> denominators) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < Math.min(numerators.size(), denominators.size()); i++) {
      ratios.add(numerators.get(i) / denominators.get(i));
    }
    return median(ratios);
  }

  private static List<Double> cpuPerRequest(ResultFile file, String label) {
    return file.all("load").stream()
        .filter(r -> label.equals(r.text("label")) && "DescribeThing".equals(r.text("operation")))
        .map(r -> r.number("target_cpu") / r.number("rps"))
        .toList();
  }

  static List<Double> rates(ResultFile file, String label, String operation) {
    return file.all("load").stream()
        .filter(r -> label.equals(r.text("label")) && operation.equals(r.text("operation")))
        .map(r -> r.number("rps"))
        .toList();
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static double rps(ResultFile file, String label, String operation) {
    return file.last(
            "load", r -> label.equals(r.text("label")) && operation.equals(r.text("operation")))
        .map(r -> r.number("rps"))
        .orElse(Double.NaN);
  }

  static String format(double value, int decimals) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }
}
