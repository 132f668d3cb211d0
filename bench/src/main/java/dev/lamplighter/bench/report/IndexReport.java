package dev.lamplighter.bench.report;

import static dev.lamplighter.bench.report.GroupsReport.format;

import dev.lamplighter.bench.StandardOutput;
import dev.lamplighter.bench.index.QueryMix;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Prints the report of a {@code bench/run index} run from its raw lines. Usage: {@code IndexReport
 * RAW_FILE}.
 *
 * <p>The targets (from the issue that asked for this benchmark): SearchIndex through the API within
 * 5 ms at the median and 25 ms at the 99th percentile over the query mix; an update searchable, and
 * a thing entering or leaving a dynamic group among 100, within 1 s at the 99th percentile. Raw
 * Lucene on the same index, measured in the same run, is the peer of the API's search times.
 *
 * <p>Failed requests, a rebuild that did not count every thing, probes that timed out and the two
 * sides disagreeing on a query's results head the report as {@code ERROR} lines.
 */
public final class IndexReport {
  static final Goal SEARCH_P50 = new Goal("SearchIndex p50 (API, all queries)", false, 5, ms(2));
  static final Goal SEARCH_P99 = new Goal("SearchIndex p99 (API, all queries)", false, 25, ms(2));
  static final Goal FRESH_P99 = new Goal("Update to searchable, p99", false, 1000, ms(0));
  static final Goal ENTER_P99 =
      new Goal("Dynamic group (1 of 100), entering, p99", false, 1000, ms(0));
  static final Goal LEAVE_P99 =
      new Goal("Dynamic group (1 of 100), leaving, p99", false, 1000, ms(0));

  private IndexReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: IndexReport RAW_FILE");
    }
    render(ResultFile.read(Path.of(args[0]))).forEach(StandardOutput::println);
  }

  static List<String> render(ResultFile file) {
    List<String> out = new ArrayList<>();
    Optional<ResultRecord> run = file.last("run");
    out.add(
        "Lamplighter fleet-index benchmark"
            + run.map(r -> ", " + r.text("started")).orElse("")
            + run.map(r -> ", " + r.text("cores") + " cores, Java " + r.text("java")).orElse("")
            + run.filter(r -> "quick".equals(r.text("mode")))
                .map(r -> " (--quick: a smoke run, not a measurement)")
                .orElse(""));
    out.add(
        count(run.map(r -> r.number("things")).orElse(Double.NaN))
            + " street lights on SQLite: 20 cities (skewed), 10 models, 12 firmware versions,"
            + " Number fields wattage and installYear, 95 % typed, 10 % in 10 static groups;"
            + " the load generator shares the machine");
    List<String> errors = errors(file);
    if (!errors.isEmpty()) {
      out.add("");
      out.addAll(errors);
    }
    out.add("");
    out.add("Seeding through the API (every request counts; req/s over the batch's wall time)");
    out.addAll(seeding(file).lines());
    out.add("");
    out.add(
        "Index rebuilt from the store (restart without <data-dir>/index; times from the launch)");
    out.addAll(rebuild(file).lines());
    out.add("");
    out.add(
        "SearchIndex, maxResults=100, "
            + run.map(r -> r.text("workers")).orElse("?")
            + " workers taking the queries in turn, "
            + run.map(r -> r.text("measure_s")).orElse("?")
            + " s measured after "
            + run.map(r -> r.text("warmup_s")).orElse("?")
            + " s warm-up; API: the server, send alone; raw: plain Lucene on the same index"
            + " after the stop (top 101 by _name, the _source doc values of 100)");
    out.addAll(searches(file).lines());
    out.add("");
    out.add("Probes: one client, polling every 5 ms; a sample runs from sending the UpdateThing");
    out.addAll(probes(file).lines());
    out.add("");
    out.addAll(targets(file).lines());
    out.add("");
    notes(file, out);
    return out;
  }

  private static TextTable seeding(ResultFile file) {
    return BatchTable.of(file.all("batch"));
  }

  private static TextTable rebuild(ResultFile file) {
    TextTable table =
        new TextTable(0, "things", "indexed", "ACTIVE after", "all counted after", "things/s");
    file.last("build")
        .ifPresent(
            b ->
                table.row(
                    count(b.number("things")),
                    count(b.number("counted")),
                    seconds(b.number("active_ms")),
                    seconds(b.number("complete_ms")),
                    count(b.number("things_per_s"))));
    return table;
  }

  private static TextTable searches(ResultFile file) {
    TextTable table =
        new TextTable(
            1,
            "query",
            "API p50",
            "API p99",
            "raw p50",
            "raw p99",
            "ratio p50",
            "ratio p99",
            "API q/s",
            "errors",
            "page",
            "matches",
            "same results");
    for (QueryMix query : QueryMix.values()) {
      Optional<ResultRecord> api = search(file, "api", query.label());
      Optional<ResultRecord> raw = search(file, "raw", query.label());
      table.row(
          searchCells(
              query.queryString(),
              api,
              raw,
              api.map(r -> count(r.number("page"))).orElse("-"),
              api.map(r -> count(r.number("matches"))).orElse("-"),
              sameResults(api, raw)));
    }
    table.row(
        searchCells(
            "all queries", search(file, "api", "all"), search(file, "raw", "all"), "", "", ""));
    return table;
  }

  private static String[] searchCells(
      String label,
      Optional<ResultRecord> api,
      Optional<ResultRecord> raw,
      String page,
      String matches,
      String same) {
    double apiP50 = api.map(r -> r.number("p50_ms")).orElse(Double.NaN);
    double apiP99 = api.map(r -> r.number("p99_ms")).orElse(Double.NaN);
    double rawP50 = raw.map(r -> r.number("p50_ms")).orElse(Double.NaN);
    double rawP99 = raw.map(r -> r.number("p99_ms")).orElse(Double.NaN);
    return new String[] {
      label,
      format(apiP50, 2),
      format(apiP99, 2),
      format(rawP50, 2),
      format(rawP99, 2),
      ratio(apiP50, rawP50),
      ratio(apiP99, rawP99),
      api.map(r -> format(r.number("qps"), 0)).orElse("-"),
      api.map(r -> r.fields().getOrDefault("errors", "-")).orElse("-"),
      page,
      matches,
      same
    };
  }

  /** yes when both sides found the same page and the same number of matches. */
  static String sameResults(Optional<ResultRecord> api, Optional<ResultRecord> raw) {
    if (api.isEmpty() || raw.isEmpty()) {
      return "-";
    }
    for (String key : List.of("page", "first", "last", "matches")) {
      if (!Objects.equals(api.get().text(key), raw.get().text(key))) {
        return "NO";
      }
    }
    return "yes";
  }

  private static TextTable probes(ResultFile file) {
    TextTable table =
        new TextTable(1, "probe", "samples", "ok", "timeouts", "p50 ms", "p99 ms", "max ms");
    file.last("freshness")
        .ifPresent(f -> table.row(probeCells("update to searchable (SearchIndex)", f)));
    file.last("read-after-write")
        .ifPresent(f -> table.row(probeCells("SearchIndex right after UpdateThing", f)));
    convergence(file, "enter")
        .ifPresent(
            c -> table.row(probeCells("entering the probe group (ListThingGroupsForThing)", c)));
    convergence(file, "leave").ifPresent(c -> table.row(probeCells("leaving the probe group", c)));
    return table;
  }

  private static String[] probeCells(String label, ResultRecord r) {
    return new String[] {
      label,
      count(r.number("samples")),
      count(r.number("ok")),
      // A search right after a write has no timeout: the column counts the searches that missed.
      count(Double.isNaN(r.number("timeouts")) ? r.number("missed") : r.number("timeouts")),
      format(r.number("p50_ms"), 1),
      format(r.number("p99_ms"), 1),
      format(r.number("max_ms"), 1)
    };
  }

  private static TextTable targets(ResultFile file) {
    Optional<ResultRecord> apiAll = search(file, "api", "all");
    Optional<ResultRecord> rawAll = search(file, "raw", "all");
    Optional<ResultRecord> memory = file.last("memory");
    TextTable table = new TextTable(1, "target", "measured", "goal", "met");
    table.row(SEARCH_P50.cells(apiAll.map(r -> r.number("p50_ms")).orElse(Double.NaN)));
    table.row(SEARCH_P99.cells(apiAll.map(r -> r.number("p99_ms")).orElse(Double.NaN)));
    table.row(
        FRESH_P99.cells(file.last("freshness").map(r -> r.number("p99_ms")).orElse(Double.NaN)));
    table.row(
        ENTER_P99.cells(
            convergence(file, "enter").map(r -> r.number("p99_ms")).orElse(Double.NaN)));
    table.row(
        LEAVE_P99.cells(
            convergence(file, "leave").map(r -> r.number("p99_ms")).orElse(Double.NaN)));
    table.row(
        "SearchIndex, API / raw Lucene, p50 (p99)",
        ratio(
                apiAll.map(r -> r.number("p50_ms")).orElse(Double.NaN),
                rawAll.map(r -> r.number("p50_ms")).orElse(Double.NaN))
            + " ("
            + ratio(
                apiAll.map(r -> r.number("p99_ms")).orElse(Double.NaN),
                rawAll.map(r -> r.number("p99_ms")).orElse(Double.NaN))
            + ")",
        "(info)",
        "");
    table.row(
        "Seeding, CreateThing",
        file.last("batch", r -> "CreateThing".equals(r.text("operation")))
            .map(r -> format(r.number("rps"), 0) + " things/s")
            .orElse("-"),
        "(info)",
        "");
    table.row(
        "Index rebuild from the store",
        file.last("build").map(r -> format(r.number("things_per_s"), 0) + " things/s").orElse("-"),
        "(info)",
        "");
    table.row(
        "Index on disk (after a clean stop)",
        file.last("index").map(r -> mib(r.number("index_bytes"))).orElse("-"),
        "(info)",
        "");
    table.row(
        "Server heap after a full GC",
        memory.map(r -> mib(r.number("heap_after_gc_bytes"))).orElse("-"),
        "(info)",
        "");
    table.row(
        "Server RSS", memory.map(r -> mib(r.number("rss_kb") * 1024)).orElse("-"), "(info)", "");
    return table;
  }

  /** One line per failure that makes a number meaningless or shows wrong results. */
  static List<String> errors(ResultFile file) {
    List<String> errors = new ArrayList<>();
    for (ResultRecord batch : file.all("batch")) {
      if (batch.number("errors") > 0) {
        errors.add(
            "ERROR: seeding "
                + batch.text("operation")
                + " answered "
                + batch.text("error_statuses")
                + " (status:count, 0 = transport error).");
      }
    }
    file.last("build")
        .filter(b -> b.number("counted") != b.number("things"))
        .ifPresent(
            b ->
                errors.add(
                    "ERROR: the rebuilt index counted "
                        + count(b.number("counted"))
                        + " of "
                        + count(b.number("things"))
                        + " things."));
    for (ResultRecord search : file.all("search")) {
      if (search.number("errors") > 0) {
        errors.add(
            "ERROR: "
                + search.text("side")
                + " query "
                + search.text("query")
                + " failed "
                + search.text("error_statuses")
                + " (status:count).");
      }
    }
    for (QueryMix query : QueryMix.values()) {
      if ("NO"
          .equals(
              sameResults(
                  search(file, "api", query.label()), search(file, "raw", query.label())))) {
        errors.add(
            "ERROR: the API and raw Lucene disagree on '"
                + query.queryString()
                + "' (first page or number of matches).");
      }
    }
    List<ResultRecord> probes = new ArrayList<>(file.all("freshness"));
    probes.addAll(file.all("read-after-write"));
    probes.addAll(file.all("convergence"));
    for (ResultRecord probe : probes) {
      if (probe.number("ok") != probe.number("samples")) {
        errors.add(
            "ERROR: "
                + probe.kind()
                + Optional.ofNullable(probe.text("direction")).map(d -> " " + d).orElse("")
                + ": "
                + count(probe.number("ok"))
                + " of "
                + count(probe.number("samples"))
                + " samples completed ("
                + count(probe.number("timeouts"))
                + " timed out after 30 s, failures "
                + probe.fields().getOrDefault("error_statuses", "-")
                + ").");
      }
    }
    file.last("dyngroups")
        .filter(d -> !"yes".equals(d.text("all_active")))
        .ifPresent(d -> errors.add("ERROR: not every dynamic group became ACTIVE."));
    return errors;
  }

  private static void notes(ResultFile file, List<String> out) {
    file.last("dyngroups")
        .ifPresent(
            d ->
                out.add(
                    "Created "
                        + count(d.number("groups"))
                        + " dynamic groups in "
                        + seconds(d.number("create_ms"))
                        + "; all ACTIVE "
                        + seconds(d.number("active_ms"))
                        + " after the first was created."));
    file.last("dyngroups_first")
        .filter(f -> !Double.isNaN(f.number("first_enter_ms")))
        .ifPresent(
            f ->
                out.add(
                    "The first entering sample, sent as soon as every group was ACTIVE, took "
                        + seconds(f.number("first_enter_ms"))
                        + "; it queues behind the re-indexing of every thing the new groups'"
                        + " memberships changed, so it shows how long the index takes to settle"
                        + " after the groups are created."));
    file.last("seeded")
        .ifPresent(
            s ->
                out.add(
                    "Index built while seeding, after a clean stop: "
                        + mib(s.number("index_bytes"))
                        + "; while the server still ran, before the stop: "
                        + file.last("memory")
                            .map(m -> mib(m.number("running_index_bytes")))
                            .orElse("-")
                        + "."));
    search(file, "api", "all")
        .ifPresent(
            api ->
                out.add(
                    "CPU per query in the measured window: server "
                        + cpuPerQuery(api, api.number("target_cpu"), file)
                        + " (API); plain Lucene process "
                        + search(file, "raw", "all")
                            .map(raw -> cpuPerQuery(raw, raw.number("loadgen_cpu"), file))
                            .orElse("-")
                        + " (raw, its loop included); the API's load generator used "
                        + format(api.number("loadgen_cpu"), 2)
                        + " cores."));
    out.add(
        "matches: things the query matches (GetStatistics count); same results: API and raw"
            + " Lucene returned the same first page and number of matches.");
  }

  /** CPU milliseconds per successful query, from cores used over the measured window. */
  private static String cpuPerQuery(ResultRecord all, double cores, ResultFile file) {
    double seconds = file.last("run").map(r -> r.number("measure_s")).orElse(Double.NaN);
    double ok = all.number("ok");
    return ok > 0 && !Double.isNaN(cores) ? format(cores * seconds * 1000 / ok, 2) + " ms" : "-";
  }

  private static Optional<ResultRecord> search(ResultFile file, String side, String query) {
    return file.last("search", r -> side.equals(r.text("side")) && query.equals(r.text("query")));
  }

  private static Optional<ResultRecord> convergence(ResultFile file, String direction) {
    return file.last("convergence", r -> direction.equals(r.text("direction")));
  }

  private static String ratio(double value, double peer) {
    return Double.isNaN(value) || Double.isNaN(peer) || peer <= 0
        ? "-"
        : format(value / peer, 1) + "x";
  }

  private static String seconds(double millis) {
    return Double.isNaN(millis) ? "-" : format(millis / 1000, 1) + " s";
  }

  private static String mib(double bytes) {
    return Double.isNaN(bytes) ? "-" : format(bytes / (1024 * 1024), 1) + " MiB";
  }

  private static String count(double value) {
    return format(value, 0);
  }

  private static java.util.function.DoubleFunction<String> ms(int decimals) {
    return v -> format(v, decimals) + " ms";
  }
}
