package dev.lamplighter.bench.report;

import static dev.lamplighter.bench.report.RegistryReport.format;

import dev.lamplighter.bench.StandardOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints the report of a {@code bench/run shadow} run from its raw lines. Usage: {@code
 * ShadowReport RAW_FILE}.
 *
 * <p>Three figures, each against a peer or a bound measured in the same run, and the targets table,
 * each row ending in {@code yes} or {@code NO} (a target that could not be measured is not met):
 *
 * <ul>
 *   <li>UpdateThingShadow over MQTT: updates/s of the devices, each waiting for its {@code
 *       update/accepted}, at least {@link #UPDATE_RATIO} of the broker's plain QoS 1 round trip
 *       through the same devices (the median of the per-round ratios);
 *   <li>GetThingShadow over HTTP at least 0.8 of DescribeThing, same workers, same things;
 *   <li>a shadow update searchable in the fleet index within 1 s at the 99th percentile.
 * </ul>
 */
public final class ShadowReport {
  static final String UPDATE = "update";
  static final String ROUND_TRIP = "round-trip";

  /**
   * A shadow update is the round trip's two messages plus a SQLite write transaction: at half the
   * round trip's rate the store costs no more than the messaging around it.
   */
  static final double UPDATE_RATIO = 0.5;

  static final Goal UPDATES =
      new Goal(
          "UpdateThingShadow over MQTT, ratio to QoS 1 round trip",
          true,
          UPDATE_RATIO,
          ShadowReport::ratio);
  static final Goal GET_RATIO =
      new Goal("GetThingShadow, ratio to DescribeThing", true, 0.8, ShadowReport::ratio);
  static final Goal SEARCHABLE =
      new Goal(
          "Update to searchable in the fleet index, p99", false, 1000, v -> format(v, 0) + " ms");

  private ShadowReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ShadowReport RAW_FILE");
    }
    render(ResultFile.read(Path.of(args[0]))).forEach(StandardOutput::println);
  }

  static List<String> render(ResultFile file) {
    List<String> out = new ArrayList<>();
    Optional<ResultRecord> run = file.last("run");
    out.add(
        "Lamplighter shadow benchmark"
            + run.map(r -> ", " + r.text("started")).orElse("")
            + run.map(r -> ", " + r.text("cores") + " cores, Java " + r.text("java")).orElse("")
            + run.filter(r -> "quick".equals(r.text("mode")))
                .map(r -> " (--quick: a smoke run, not a measurement)")
                .orElse(""));
    errors(file).forEach(e -> out.add("ERROR: " + e));
    file.last("shadow-setup")
        .ifPresent(
            s ->
                out.add(
                    s.text("devices")
                        + " devices, each its own thing, certificate and least-privilege policy;"
                        + " registered in "
                        + format(s.number("register_ms") / 1000, 1)
                        + " s, connected in "
                        + format(s.number("connect_ms") / 1000, 1)
                        + " s"));
    out.add("");
    out.addAll(mqtt(file).lines());
    out.add(
        "update: publish to shadow/update at QoS 1 until update/accepted;"
            + " round-trip: publish at QoS 1 to a topic of the device's own until it comes back."
            + " Round 0 is the warm-up.");
    out.add("");
    out.addAll(RegistryReport.throughput(file).lines());
    out.add("");
    out.addAll(searchable(file).lines());
    out.add("");
    out.addAll(targets(file).lines());
    return out;
  }

  private static TextTable mqtt(ResultFile file) {
    TextTable table =
        new TextTable(
            1,
            "mqtt",
            "round",
            "devices",
            "per s",
            "p50 ms",
            "p99 ms",
            "max ms",
            "rejected",
            "failed",
            "server cores");
    for (ResultRecord r : file.all("shadow-mqtt")) {
      table.row(
          r.fields().getOrDefault("mode", "?"),
          r.fields().getOrDefault("round", "?"),
          r.fields().getOrDefault("devices", "?"),
          format(r.number("per_s"), 0),
          format(r.number("p50_ms"), 1),
          format(r.number("p99_ms"), 1),
          format(r.number("max_ms"), 1),
          r.fields().getOrDefault("rejected", "-"),
          r.fields().getOrDefault("publish_failures", "-"),
          r.fields().getOrDefault("target_cpu", "-"));
    }
    return table;
  }

  private static TextTable searchable(ResultFile file) {
    TextTable table =
        new TextTable(
            1,
            "update to searchable",
            "samples",
            "found",
            "timeouts",
            "p50 ms",
            "p99 ms",
            "max ms");
    file.last("searchable")
        .ifPresent(
            r ->
                table.row(
                    "shadow.reported.probe",
                    r.fields().getOrDefault("samples", "-"),
                    r.fields().getOrDefault("found", "-"),
                    r.fields().getOrDefault("timeouts", "-"),
                    format(r.number("p50_ms"), 1),
                    format(r.number("p99_ms"), 1),
                    format(r.number("max_ms"), 1)));
    return table;
  }

  private static TextTable targets(ResultFile file) {
    TextTable table = new TextTable(1, "target", "measured", "goal", "met");
    double updates = median(file, UPDATE);
    double ratio = updateRatio(file);
    table.row(
        judged(
            UPDATES,
            ratio,
            format(updates, 0)
                + "/s, "
                + ratio(ratio)
                + " of "
                + format(median(file, ROUND_TRIP), 0)
                + "/s"));
    double create =
        RegistryReport.median(RegistryReport.rates(file, RegistryReport.SERVER, "CreateThing"));
    table.row(
        "  the same, ratio to CreateThing over HTTP on SQLite",
        ratio(updates / create) + " of " + format(create, 0) + "/s",
        "(info)",
        "");
    double getRatio =
        RegistryReport.medianRatio(
            RegistryReport.rates(file, RegistryReport.SERVER, "GetThingShadow"),
            RegistryReport.rates(file, RegistryReport.SERVER, "DescribeThing"));
    table.row(judged(GET_RATIO, getRatio, ratio(getRatio)));
    double p99 = searchableP99(file);
    table.row(judged(SEARCHABLE, p99, Double.isNaN(p99) ? "n/a" : format(p99, 0) + " ms"));
    return table;
  }

  /** The goal's row with {@code shown} as the measured cell; not measured is not met. */
  private static String[] judged(Goal goal, double measured, String shown) {
    String[] cells = goal.cells(measured);
    cells[1] = Double.isNaN(measured) ? "n/a" : shown;
    if (Double.isNaN(measured)) {
      cells[3] = "NO";
    }
    return cells;
  }

  /** The median of the per-round ratios of updates/s to the round trip's rate just after it. */
  static double updateRatio(ResultFile file) {
    return RegistryReport.medianRatio(measured(file, UPDATE), measured(file, ROUND_TRIP));
  }

  /** The p99 of update to searchable; NaN when a sample was never found (not indexed). */
  static double searchableP99(ResultFile file) {
    return file.last("searchable")
        .filter(r -> r.number("timeouts") == 0 && r.number("found") > 0)
        .map(r -> r.number("p99_ms"))
        .orElse(Double.NaN);
  }

  private static double median(ResultFile file, String mode) {
    return RegistryReport.median(measured(file, mode));
  }

  /** The rates of a mode's measured rounds (not the warm-up), in round order. */
  private static List<Double> measured(ResultFile file, String mode) {
    return file.all("shadow-mqtt").stream()
        .filter(r -> mode.equals(r.text("mode")) && r.number("round") > 0)
        .map(r -> r.number("per_s"))
        .toList();
  }

  static List<String> errors(ResultFile file) {
    List<String> errors = new ArrayList<>();
    for (ResultRecord r : file.all("shadow-mqtt")) {
      if (r.number("rejected") > 0
          || r.number("publish_failures") > 0
          || r.number("stragglers") > 0) {
        errors.add(
            String.format(
                Locale.ROOT,
                "%s round %s: %s rejected, %s publishes failed, %s devices without a last answer",
                r.text("mode"),
                r.text("round"),
                r.text("rejected"),
                r.text("publish_failures"),
                r.text("stragglers")));
      }
    }
    if (file.all("shadow-mqtt").isEmpty()) {
      errors.add("the devices step printed no result (see its log above)");
    }
    return errors;
  }

  private static String ratio(double value) {
    return Double.isNaN(value) || Double.isInfinite(value)
        ? "-"
        : String.format(Locale.ROOT, "%.2fx", value);
  }
}
