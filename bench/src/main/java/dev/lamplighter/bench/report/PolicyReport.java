package dev.lamplighter.bench.report;

import dev.lamplighter.bench.StandardOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints the report of a {@code bench/run policy} run from its raw lines. Usage: {@code
 * PolicyReport RAW_FILE}.
 *
 * <p>The target (from the issue that asked for the evaluator): at least 1,000,000 decisions per
 * second per core on the realistic policy set, on the matching and on the non-matching topic. The
 * benchmark runs one thread, so its decisions per second are those of one core. It is judged on the
 * slower of the two topics. The naive evaluator (regular expressions built per evaluation) is the
 * peer measured in the same run; the ratio to it is the meaningful comparison across machines.
 */
public final class PolicyReport {
  static final String COMPILED_MATCHING = "compiledMatching";
  static final String COMPILED_NON_MATCHING = "compiledNonMatching";
  static final String NAIVE_MATCHING = "naiveMatching";
  static final String NAIVE_NON_MATCHING = "naiveNonMatching";

  static final Goal PER_CORE =
      new Goal(
          "Compiled evaluator, slower topic, decisions/s per core",
          true,
          1_000_000,
          v -> format(v, 0) + "/s");

  private PolicyReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: PolicyReport RAW_FILE");
    }
    render(ResultFile.read(Path.of(args[0]))).forEach(StandardOutput::println);
  }

  static List<String> render(ResultFile file) {
    List<String> out = new ArrayList<>();
    Optional<ResultRecord> run = file.last("run");
    out.add(
        "Lamplighter policy evaluator benchmark"
            + run.map(r -> ", " + r.text("started")).orElse("")
            + run.map(r -> ", " + r.text("cores") + " cores, Java " + r.text("java")).orElse("")
            + run.filter(r -> "quick".equals(r.text("mode")))
                .map(r -> " (--quick: a smoke run, not a measurement)")
                .orElse(""));
    Optional<ResultRecord> any = file.last("jmh");
    out.add(
        "iot:Publish against 5 policies (3 on the certificate with 10 statements each, 2 of thing"
            + " groups with 5), one thread"
            + any.map(
                    r ->
                        " (JMH: forks "
                            + r.text("forks")
                            + ", warm-up "
                            + text(r, "warmup")
                            + ", measurement "
                            + text(r, "measurement")
                            + ")")
                .orElse(""));
    out.add("");
    out.addAll(table(file).lines());
    out.add(
        "per core: one benchmark thread keeps one core busy, so decisions/s is per core."
            + " B/decision: memory allocated per decision (JMH's GC profiler).");
    out.add("");
    TextTable targets = new TextTable(1, "target", "measured", "goal", "met");
    targets.row(PER_CORE.cells(slowerCompiled(file)));
    out.addAll(targets.lines());
    out.add("");
    out.add(
        "The naive peer substitutes the variables into every Action and Resource and compiles"
            + " them into java.util.regex.Pattern on each evaluation; the compiled evaluator matches"
            + " pre-split literal, variable and wildcard elements in place. Both give the same"
            + " decisions on these policies (PolicySetTest).");
    return out;
  }

  private static TextTable table(ResultFile file) {
    TextTable table =
        new TextTable(
            1, "benchmark", "decisions/s", "± error", "per core", "B/decision", "ratio to naive");
    row(table, file, "compiled, matching topic", COMPILED_MATCHING, NAIVE_MATCHING);
    row(table, file, "compiled, non-matching topic", COMPILED_NON_MATCHING, NAIVE_NON_MATCHING);
    row(table, file, "naive (regex), matching topic", NAIVE_MATCHING, null);
    row(table, file, "naive (regex), non-matching topic", NAIVE_NON_MATCHING, null);
    return table;
  }

  private static void row(
      TextTable table, ResultFile file, String label, String benchmark, String peer) {
    Optional<ResultRecord> result = result(file, benchmark);
    double score = result.map(r -> r.number("score")).orElse(Double.NaN);
    double peerScore = peer == null ? Double.NaN : score(file, peer);
    table.row(
        label,
        format(score, 0),
        result
            .filter(r -> !Double.isNaN(r.number("error")))
            .map(r -> "± " + format(r.number("error"), 0))
            .orElse("-"),
        result.map(r -> "1 thread = 1 core").orElse("-"),
        result.map(r -> format(r.number("alloc_bytes"), 0)).orElse("-"),
        peer == null
            ? "1.00x (peer)"
            : Double.isNaN(score) || Double.isNaN(peerScore) || peerScore <= 0
                ? "-"
                : String.format(Locale.ROOT, "%.1fx", score / peerScore));
  }

  /** The lower score of the two compiled benchmarks, NaN when either is missing. */
  static double slowerCompiled(ResultFile file) {
    double matching = score(file, COMPILED_MATCHING);
    double nonMatching = score(file, COMPILED_NON_MATCHING);
    return Double.isNaN(matching) || Double.isNaN(nonMatching)
        ? Double.NaN
        : Math.min(matching, nonMatching);
  }

  private static double score(ResultFile file, String benchmark) {
    return result(file, benchmark).map(r -> r.number("score")).orElse(Double.NaN);
  }

  private static Optional<ResultRecord> result(ResultFile file, String benchmark) {
    return file.last("jmh", r -> benchmark.equals(r.text("benchmark")));
  }

  private static String text(ResultRecord record, String key) {
    String value = record.text(key);
    return value == null ? "?" : value.replace('_', ' ');
  }

  static String format(double value, int decimals) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }
}
