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
 * Prints the report of a {@code bench/run tunnel} run from its raw lines. Usage: {@code
 * TunnelReport RAW_FILE}.
 *
 * <p>The peer is the same traffic over raw loopback TCP to the same echo service, in the same run:
 * the tunnel adds two local proxies, two TLS WebSocket connections and the relay. Targets: the
 * tunnel's full-duplex throughput at least 0.3× raw loopback's (the median of the per-round
 * ratios), and at least 100 MB/s each way. Latency, many tunnels and memory are shown, not judged.
 */
public final class TunnelReport {
  static final String RAW = "raw";
  static final String TUNNEL = "tunnel";

  static final Goal RATIO =
      new Goal(
          "Tunnel throughput, ratio to raw loopback TCP",
          true,
          0.3,
          v -> String.format(Locale.ROOT, "%.2fx", v));
  static final Goal ABSOLUTE =
      new Goal("Tunnel throughput, each way", true, 100, v -> format(v, 0) + " MB/s");

  private TunnelReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: TunnelReport RAW_FILE");
    }
    render(ResultFile.read(Path.of(args[0]))).forEach(StandardOutput::println);
  }

  static List<String> render(ResultFile file) {
    List<String> out = new ArrayList<>();
    Optional<ResultRecord> run = file.last("run");
    out.add(
        "Lamplighter tunnel benchmark"
            + run.map(r -> ", " + r.text("started")).orElse("")
            + run.map(r -> ", " + r.text("cores") + " cores, Java " + r.text("java")).orElse("")
            + run.filter(r -> "quick".equals(r.text("mode")))
                .map(r -> " (--quick: a smoke run, not a measurement)")
                .orElse(""));
    if (file.all("tunnel-throughput").isEmpty()) {
      out.add("ERROR: the tunnel step printed no throughput (see its log above)");
    }
    out.add("");
    out.addAll(throughput(file).lines());
    out.add(
        "Full duplex: the client sends while it reads the echo back; MB/s = 10^6 bytes a second"
            + " each way. raw: client to the echo service over loopback TCP; tunnel: client to"
            + " the source local proxy, TLS WebSocket to the relay, TLS WebSocket to the"
            + " destination local proxy, then the echo service.");
    out.add("");
    out.addAll(latency(file).lines());
    out.add("");
    out.addAll(many(file).lines());
    out.add("");
    out.addAll(targets(file).lines());
    return out;
  }

  private static TextTable throughput(ResultFile file) {
    TextTable table = new TextTable(1, "throughput", "round", "MiB each way", "seconds", "MB/s");
    for (ResultRecord r : file.all("tunnel-throughput")) {
      table.row(
          r.text("path"),
          r.text("round"),
          r.text("mib"),
          format(r.number("seconds"), 2),
          format(r.number("mb_s"), 1));
    }
    return table;
  }

  private static TextTable latency(ResultFile file) {
    TextTable table =
        new TextTable(1, "round trip", "samples", "bytes", "p50 us", "p99 us", "max us");
    for (ResultRecord r : file.all("tunnel-latency")) {
      table.row(
          r.text("path"),
          r.text("samples"),
          r.text("bytes"),
          format(r.number("p50_us"), 1),
          format(r.number("p99_us"), 1),
          format(r.number("max_us"), 1));
    }
    Optional<ResultRecord> raw = latencyOf(file, RAW);
    Optional<ResultRecord> tunnel = latencyOf(file, TUNNEL);
    if (raw.isPresent() && tunnel.isPresent()) {
      table.row(
          "added by the tunnel",
          "",
          "",
          format(tunnel.get().number("p50_us") - raw.get().number("p50_us"), 1),
          format(tunnel.get().number("p99_us") - raw.get().number("p99_us"), 1),
          "");
    }
    return table;
  }

  private static TextTable many(ResultFile file) {
    TextTable table =
        new TextTable(
            1,
            "many tunnels",
            "MiB each way each",
            "seconds",
            "aggregate MB/s",
            "server RSS before MiB",
            "connected MiB",
            "RSS delta per tunnel KiB",
            "server cores");
    file.last("tunnel-many")
        .ifPresent(
            r ->
                table.row(
                    r.text("tunnels"),
                    r.text("mib_each"),
                    format(r.number("seconds"), 2),
                    format(r.number("aggregate_mb_s"), 1),
                    format(r.number("rss_before_kb") / 1024, 0),
                    format(r.number("rss_connected_kb") / 1024, 0),
                    format(r.number("per_tunnel_kb"), 0),
                    r.fields().getOrDefault("server_cores", "-")));
    return table;
  }

  private static TextTable targets(ResultFile file) {
    TextTable table = new TextTable(1, "target", "measured", "goal", "met");
    double ratio = ratio(file);
    double tunnel = RegistryReport.median(rates(file, TUNNEL));
    table.row(
        judged(
            RATIO,
            ratio,
            String.format(Locale.ROOT, "%.2fx", ratio)
                + " ("
                + format(tunnel, 0)
                + " of "
                + format(RegistryReport.median(rates(file, RAW)), 0)
                + " MB/s)"));
    table.row(judged(ABSOLUTE, tunnel, format(tunnel, 0) + " MB/s"));
    return table;
  }

  /** The median of the per-round ratios of the tunnel's rate to raw loopback's. */
  static double ratio(ResultFile file) {
    return RegistryReport.medianRatio(rates(file, TUNNEL), rates(file, RAW));
  }

  private static List<Double> rates(ResultFile file, String path) {
    return file.all("tunnel-throughput").stream()
        .filter(r -> path.equals(r.text("path")))
        .map(r -> r.number("mb_s"))
        .toList();
  }

  private static Optional<ResultRecord> latencyOf(ResultFile file, String path) {
    return file.all("tunnel-latency").stream().filter(r -> path.equals(r.text("path"))).findFirst();
  }

  private static String[] judged(Goal goal, double measured, String shown) {
    String[] cells = goal.cells(measured);
    cells[1] = Double.isNaN(measured) ? "n/a" : shown;
    if (Double.isNaN(measured)) {
      cells[3] = "NO";
    }
    return cells;
  }
}
