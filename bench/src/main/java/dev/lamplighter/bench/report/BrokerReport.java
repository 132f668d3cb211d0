package dev.lamplighter.bench.report;

import dev.lamplighter.bench.StandardOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Prints the report of a {@code bench/run broker} run from its raw lines. Usage: {@code
 * BrokerReport RAW_FILE}.
 *
 * <p>One line per benchmark compares Lamplighter with Mosquitto, both measured in the same run,
 * alternating; for each broker it takes its best run (highest throughput, lowest CPU per message,
 * lowest p99), leaving out runs that failed or lost messages, which head the report as {@code
 * ERROR:} lines. Then every run, then the targets of the issue with whether each is met.
 */
public final class BrokerReport {
  static final String LAMPLIGHTER = "lamplighter";
  static final String MOSQUITTO = "mosquitto";

  static final Goal FAN_IN_RATIO =
      new Goal("Fan-in QoS 1 throughput, ratio to Mosquitto", true, 1.0, v -> ratio(v));
  static final Goal FAN_IN_CPU =
      new Goal("Fan-in CPU per message, ratio to Mosquitto", false, 1.5, v -> ratio(v));
  static final Goal CONNECTS =
      new Goal("Mutual-TLS connects per second (P-256)", true, 500, v -> format(v, 0) + "/s");
  static final Goal IDLE_KB =
      new Goal("Memory per idle TLS connection (RSS)", false, 30, v -> format(v, 1) + " KB");
  static final Goal CAPACITY =
      new Goal(
          "Idle connections held within a 2 GiB heap", true, 50_000, v -> format(v, 0) + " conns");

  private BrokerReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: BrokerReport RAW_FILE");
    }
    render(ResultFile.read(Path.of(args[0]))).forEach(StandardOutput::println);
  }

  static List<String> render(ResultFile file) {
    List<String> out = new ArrayList<>();
    Optional<ResultRecord> run = file.last("run");
    out.add(
        "Lamplighter MQTT broker against Mosquitto"
            + run.map(r -> ", " + r.text("started")).orElse("")
            + run.map(r -> ", " + r.text("cores") + " cores, Java " + r.text("java")).orElse("")
            + run.filter(r -> "quick".equals(r.text("mode")))
                .map(r -> " (--quick: a smoke run, not a measurement)")
                .orElse(""));
    for (ResultRecord broker : file.all("broker")) {
      String problem = problem(broker);
      if (problem != null) {
        out.add(
            "ERROR: "
                + broker.text("scenario")
                + " on "
                + broker.text("target")
                + " round "
                + broker.text("round")
                + ": "
                + problem);
      }
    }
    for (ResultRecord held : file.all("broker-held")) {
      if (held.number("still_connected") < held.number("opened")) {
        out.add(
            "ERROR: idle-footprint on "
                + held.text("target")
                + ": "
                + format(held.number("opened") - held.number("still_connected"), 0)
                + " of "
                + format(held.number("opened"), 0)
                + " connections were closed while held");
      }
    }
    out.add("");
    out.add("Settings");
    for (ResultRecord settings : file.all("settings")) {
      StringBuilder line = new StringBuilder("  " + settings.text("target") + ":");
      settings.fields().entrySet().stream()
          .filter(e -> !e.getKey().equals("target"))
          .sorted(java.util.Map.Entry.comparingByKey())
          .forEach(e -> line.append(' ').append(e.getKey()).append('=').append(e.getValue()));
      out.add(line.toString());
    }
    out.add("");
    out.addAll(benchmarkLines(file));
    out.add("");
    out.add("Every run (the best of each broker is used above)");
    out.addAll(runs(file).lines());
    out.add("");
    TextTable targets = new TextTable(1, "target", "measured", "goal", "met");
    targets.row(FAN_IN_RATIO.cells(fanInRatio(file)));
    targets.row(FAN_IN_CPU.cells(fanInCpuRatio(file)));
    targets.row(
        CONNECTS.cells(
            best(file, "connects", LAMPLIGHTER, r -> r.number("connects_per_s"), true)
                .map(r -> r.number("connects_per_s"))
                .orElse(Double.NaN)));
    targets.row(IDLE_KB.cells(kbPerConnection(file, LAMPLIGHTER)));
    targets.row(
        CAPACITY.cells(
            file.last("capacity", r -> r.text("skipped") == null)
                .map(r -> r.number("held"))
                .orElse(Double.NaN)));
    out.addAll(targets.lines());
    file.last("capacity", r -> r.text("skipped") != null)
        .ifPresent(
            r -> out.add("50,000 connections not run: " + r.text("skipped").replace('_', ' ')));
    out.add("");
    out.add(
        "ratio: Lamplighter / Mosquitto (above 1 is Lamplighter faster); cpu_ratio: Lamplighter's"
            + " CPU per message / Mosquitto's (below 1 is Lamplighter cheaper). The load generator"
            + " shares the machine's cores with the broker under test; cores are averages over"
            + " each invocation, connecting included, and a large 'others' means something else"
            + " competed for the machine.");
    return out;
  }

  private static List<String> benchmarkLines(ResultFile file) {
    List<String> out = new ArrayList<>();
    out.add(
        "fan-in-qos1-tls  "
            + pair(file, "fan-in-qos1-tls", "msgs_per_s", " msg/s")
            + " ratio="
            + plain(fanInRatio(file), 2)
            + "  CPU/msg "
            + both(file, "fan-in-qos1-tls", "cpu_us_per_msg", false, 1, " µs")
            + " cpu_ratio="
            + plain(fanInCpuRatio(file), 2)
            + runsNote(file, "fan-in-qos1-tls"));
    out.add(
        "fan-out-qos1     "
            + pair(file, "fan-out-qos1", "deliveries_per_s", " deliveries/s")
            + " ratio="
            + plain(ratioOfBest(file, "fan-out-qos1", "deliveries_per_s"), 2)
            + "  CPU/delivery "
            + both(file, "fan-out-qos1", "cpu_us_per_delivery", false, 1, " µs")
            + runsNote(file, "fan-out-qos1"));
    out.add(
        "connects         "
            + pair(file, "connects", "connects_per_s", " connects/s")
            + " ratio="
            + plain(ratioOfBest(file, "connects", "connects_per_s"), 2)
            + "  CONNACK p99 "
            + both(file, "connects", "p99_ms", false, 1, " ms")
            + runsNote(file, "connects"));
    double lamplighterKb = kbPerConnection(file, LAMPLIGHTER);
    double mosquittoKb = kbPerConnection(file, MOSQUITTO);
    Optional<ResultRecord> lamplighterMemory = file.last("memory", r -> target(r, LAMPLIGHTER));
    out.add(
        "idle-footprint   lamplighter="
            + format(lamplighterKb, 1)
            + " KB/conn mosquitto="
            + format(mosquittoKb, 1)
            + " KB/conn ratio="
            + plain(lamplighterKb / mosquittoKb, 2)
            + "  at "
            + lamplighterMemory.map(r -> format(r.number("connections"), 0)).orElse("-")
            + " connections (RSS after - before); Lamplighter heap after GC "
            + lamplighterMemory
                .map(
                    r ->
                        format(r.number("heap_after_kb") / 1024, 1)
                            + " MiB, "
                            + format(
                                (r.number("heap_after_kb") - r.number("heap_before_kb")) / held(r),
                                1)
                            + " KB/conn")
                .orElse("-"));
    Optional<ResultRecord> lamplighterLatency =
        best(file, "latency", LAMPLIGHTER, r -> r.number("p99_ms"), false);
    Optional<ResultRecord> mosquittoLatency =
        best(file, "latency", MOSQUITTO, r -> r.number("p99_ms"), false);
    out.add(
        "latency          at "
            + lamplighterLatency
                .or(() -> mosquittoLatency)
                .map(r -> format(r.number("rate"), 0))
                .orElse("-")
            + " msg/s: lamplighter p50="
            + lamplighterLatency.map(r -> format(r.number("p50_ms"), 2)).orElse("-")
            + " p99="
            + lamplighterLatency.map(r -> format(r.number("p99_ms"), 2)).orElse("-")
            + " ms  mosquitto p50="
            + mosquittoLatency.map(r -> format(r.number("p50_ms"), 2)).orElse("-")
            + " p99="
            + mosquittoLatency.map(r -> format(r.number("p99_ms"), 2)).orElse("-")
            + " ms  p99 ratio="
            + plain(
                lamplighterLatency.map(r -> r.number("p99_ms")).orElse(Double.NaN)
                    / mosquittoLatency.map(r -> r.number("p99_ms")).orElse(Double.NaN),
                2)
            + runsNote(file, "latency"));
    file.last("capacity")
        .ifPresent(
            r ->
                out.add(
                    r.text("skipped") != null
                        ? "capacity-50k     not run: " + r.text("skipped").replace('_', ' ')
                        : "capacity-50k     lamplighter connected="
                            + format(r.number("held"), 0)
                            + " of "
                            + format(r.number("connections"), 0)
                            + " heap after GC "
                            + format(r.number("heap_after_kb") / 1024, 1)
                            + " MiB (JAVA_OPTS "
                            + r.text("java_opts")
                            + ")"));
    return out;
  }

  private static TextTable runs(ResultFile file) {
    TextTable table =
        new TextTable(
            2,
            "scenario",
            "target",
            "round",
            "rate",
            "CPU",
            "p50 ms",
            "p99 ms",
            "lost",
            "errors",
            "seconds",
            "cores: loadgen",
            "broker",
            "others");
    for (ResultRecord r : file.all("broker")) {
      String scenario = r.text("scenario");
      String rate;
      String cpu;
      switch (scenario == null ? "" : scenario) {
        case "fan-in-qos1-tls" -> {
          rate = format(r.number("msgs_per_s"), 0) + " msg/s";
          cpu = format(r.number("cpu_us_per_msg"), 1) + " µs/msg";
        }
        case "fan-out-qos1" -> {
          rate = format(r.number("deliveries_per_s"), 0) + " deliveries/s";
          cpu = format(r.number("cpu_us_per_delivery"), 1) + " µs/delivery";
        }
        case "connects" -> {
          rate = format(r.number("connects_per_s"), 0) + " connects/s";
          cpu = format(r.number("cpu_ms_per_connect"), 2) + " ms/connect";
        }
        case "idle-footprint" -> {
          rate =
              format(r.number("opened"), 0)
                  + " opened, "
                  + format(r.number("connects_per_s"), 0)
                  + " connects/s";
          cpu = "-";
        }
        case "latency" -> {
          rate = format(r.number("rate"), 0) + " msg/s paced";
          cpu = "-";
        }
        default -> {
          rate = "-";
          cpu = "-";
        }
      }
      double lost = r.number("lost");
      double errors = r.number("errors");
      if (Double.isNaN(errors)) {
        errors = r.number("failed");
      }
      table.row(
          String.valueOf(scenario),
          String.valueOf(r.text("target")),
          String.valueOf(r.text("round")),
          rate,
          cpu,
          format(r.number("p50_ms"), 2),
          format(r.number("p99_ms"), 2),
          format(lost, 0),
          format(errors, 0),
          format(r.number("seconds"), 1),
          format(r.number("cores_loadgen"), 2),
          format(r.number("cores_broker"), 2),
          format(r.number("cores_others"), 2));
    }
    return table;
  }

  /** Why a run is left out of the comparison, or null when it is not. */
  static String problem(ResultRecord r) {
    if ("yes".equals(r.text("failed")) && r.text("opened") == null && r.text("ok") == null) {
      return "failed: " + r.text("first_error");
    }
    if ("no".equals(r.text("complete"))) {
      return format(r.number("lost"), 0)
          + " messages never arrived (no progress for 15 s)"
          + (r.text("first_error") != null ? "; first error: " + r.text("first_error") : "");
    }
    if (r.number("lost") > 0) {
      return format(r.number("lost"), 0) + " messages lost";
    }
    double failures = r.number("failed");
    if (failures > 0) {
      return format(failures, 0) + " connects failed; first: " + r.text("first_error");
    }
    if (r.number("errors") > 0) {
      return format(r.number("errors"), 0) + " publishes failed; first: " + r.text("first_error");
    }
    return null;
  }

  static double fanInRatio(ResultFile file) {
    return ratioOfBest(file, "fan-in-qos1-tls", "msgs_per_s");
  }

  static double fanInCpuRatio(ResultFile file) {
    return lowest(file, "fan-in-qos1-tls", LAMPLIGHTER, "cpu_us_per_msg")
        / lowest(file, "fan-in-qos1-tls", MOSQUITTO, "cpu_us_per_msg");
  }

  private static double ratioOfBest(ResultFile file, String scenario, String key) {
    return highest(file, scenario, LAMPLIGHTER, key) / highest(file, scenario, MOSQUITTO, key);
  }

  /**
   * KB of RSS per idle connection: the growth of the broker's RSS over the connections still held
   * when it was read.
   */
  static double kbPerConnection(ResultFile file, String target) {
    return file.last("memory", r -> target(r, target))
        .map(r -> (r.number("rss_after_kb") - r.number("rss_before_kb")) / held(r))
        .orElse(Double.NaN);
  }

  private static double held(ResultRecord memory) {
    double held = memory.number("held");
    return Double.isNaN(held) || held <= 0 ? memory.number("connections") : held;
  }

  private static String pair(ResultFile file, String scenario, String key, String unit) {
    return LAMPLIGHTER
        + "="
        + format(highest(file, scenario, LAMPLIGHTER, key), 0)
        + unit
        + " "
        + MOSQUITTO
        + "="
        + format(highest(file, scenario, MOSQUITTO, key), 0)
        + unit;
  }

  private static String both(
      ResultFile file, String scenario, String key, boolean high, int decimals, String unit) {
    return LAMPLIGHTER
        + "="
        + format(
            high
                ? highest(file, scenario, LAMPLIGHTER, key)
                : lowest(file, scenario, LAMPLIGHTER, key),
            decimals)
        + unit
        + " "
        + MOSQUITTO
        + "="
        + format(
            high ? highest(file, scenario, MOSQUITTO, key) : lowest(file, scenario, MOSQUITTO, key),
            decimals)
        + unit;
  }

  private static String runsNote(ResultFile file, String scenario) {
    long lamplighter = usable(file, scenario, LAMPLIGHTER).size();
    long mosquitto = usable(file, scenario, MOSQUITTO).size();
    long all = file.all("broker").stream().filter(r -> scenario.equals(r.text("scenario"))).count();
    long bad = all - lamplighter - mosquitto;
    return "  (best of "
        + lamplighter
        + "+"
        + mosquitto
        + " runs"
        + (bad > 0 ? ", " + bad + " left out: see ERROR" : "")
        + ")";
  }

  static double highest(ResultFile file, String scenario, String target, String key) {
    return best(file, scenario, target, r -> r.number(key), true)
        .map(r -> r.number(key))
        .orElse(Double.NaN);
  }

  static double lowest(ResultFile file, String scenario, String target, String key) {
    return best(file, scenario, target, r -> r.number(key), false)
        .map(r -> r.number(key))
        .orElse(Double.NaN);
  }

  private static Optional<ResultRecord> best(
      ResultFile file,
      String scenario,
      String target,
      ToDoubleFunction<ResultRecord> value,
      boolean highest) {
    Comparator<ResultRecord> order = Comparator.comparingDouble(value);
    return usable(file, scenario, target).stream()
        .filter(r -> !Double.isNaN(value.applyAsDouble(r)))
        .max(highest ? order : order.reversed());
  }

  private static List<ResultRecord> usable(ResultFile file, String scenario, String target) {
    return file.all("broker").stream()
        .filter(r -> scenario.equals(r.text("scenario")) && target(r, target))
        .filter(r -> problem(r) == null)
        .toList();
  }

  private static boolean target(ResultRecord r, String target) {
    return target.equals(r.text("target"));
  }

  static String ratio(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2fx", value);
  }

  private static String plain(double value, int decimals) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "-";
  }

  static String format(double value, int decimals) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%,." + decimals + "f", value) : "-";
  }
}
