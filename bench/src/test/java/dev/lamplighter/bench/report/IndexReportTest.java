package dev.lamplighter.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexReportTest {
  private static final List<String> RAW =
      List.of(
          "run suite=index mode=full started=2026-01-01T00:00:00Z cores=2 java=17"
              + " things=500000 concurrency=32 workers=2 warmup_s=15 measure_s=30"
              + " fresh_samples=200 groups=100 group_samples=100 page_size=100",
          "startup ready_wall_ms=1500 ready_logged_ms=900",
          "batch label=seed operation=CreateThing requests=500000 concurrency=32 ok=500000"
              + " errors=0 error_statuses=- seconds=400.00 rps=1250.0 p50_ms=20.000"
              + " p99_ms=90.000 max_ms=300.000 loadgen_cpu=0.40 target_cpu=1.50 machine_cpu=1.95",
          "seeded index_bytes=104857600",
          "build things=500000 counted=500000 active_ms=200000 complete_ms=200100"
              + " things_per_s=2499",
          "search side=api query=city workers=2 ok=300 errors=0 error_statuses=- qps=10.0"
              + " p50_ms=4.000 p99_ms=20.000 max_ms=30.000 page=100 first=light-0000001"
              + " last=light-0000370 matches=140000",
          "search side=api query=name-prefix workers=2 ok=300 errors=0 error_statuses=- qps=10.0"
              + " p50_ms=3.000 p99_ms=10.000 max_ms=30.000 page=100 first=light-0012000"
              + " last=light-0012099 matches=1000",
          "search side=api query=all workers=2 ok=600 errors=0 error_statuses=- qps=20.0"
              + " p50_ms=3.500 p99_ms=20.000 max_ms=30.000 loadgen_cpu=0.30 target_cpu=0.80",
          "freshness samples=200 ok=200 timeouts=0 error_statuses=- poll_ms=5 p50_ms=120.0"
              + " p99_ms=400.0 max_ms=500.0",
          "dyngroups groups=100 create_ms=2000 active_ms=30000 all_active=yes",
          "convergence direction=enter group=campaign-in samples=100 ok=100 timeouts=0"
              + " error_statuses=- poll_ms=5 p50_ms=80.0 p99_ms=1200.0 max_ms=1300.0",
          "convergence direction=leave group=campaign-in samples=100 ok=99 timeouts=1"
              + " error_statuses=- poll_ms=5 p50_ms=80.0 p99_ms=300.0 max_ms=400.0",
          "memory heap_after_gc_bytes=209715200 rss_kb=1048576 running_index_bytes=115343360",
          "index index_bytes=110100480",
          "search side=raw query=city workers=2 ok=3000 errors=0 error_statuses=- qps=100.0"
              + " p50_ms=1.000 p99_ms=4.000 max_ms=9.000 page=100 first=light-0000001"
              + " last=light-0000370 matches=140000",
          "search side=raw query=name-prefix workers=2 ok=3000 errors=0 error_statuses=-"
              + " qps=100.0 p50_ms=0.500 p99_ms=2.000 max_ms=9.000 page=100 first=light-0012000"
              + " last=light-0012099 matches=999",
          "search side=raw query=all workers=2 ok=6000 errors=0 error_statuses=- qps=200.0"
              + " p50_ms=0.700 p99_ms=4.000 max_ms=9.000 loadgen_cpu=1.90 target_cpu=-");

  @Test
  void render_judgesTheTargetsAndComparesTheApiWithRawLucene() {
    List<String> lines = IndexReport.render(ResultFile.of(RAW));
    String text = String.join("\n", lines);

    assertThat(lines.get(0)).contains("fleet-index benchmark").doesNotContain("--quick");
    assertThat(text).contains("500,000 street lights");
    assertThat(row(lines, "SearchIndex p50 (API, all queries)"))
        .contains("3.50 ms")
        .endsWith("yes");
    assertThat(row(lines, "SearchIndex p99 (API, all queries)")).endsWith("yes");
    assertThat(row(lines, "Update to searchable, p99")).contains("400 ms").endsWith("yes");
    assertThat(row(lines, "Dynamic group (1 of 100), entering, p99")).endsWith("NO");
    assertThat(row(lines, "SearchIndex, API / raw Lucene")).contains("5.0x (5.0x)");
    assertThat(row(lines, "attributes.city:Turin")).contains("4.0x").endsWith("yes");
    assertThat(row(lines, "Index rebuild from the store")).contains("2,499 things/s");
    assertThat(row(lines, "Server heap after a full GC")).contains("200.0 MiB");
    assertThat(text).contains("server 40.00 ms (API)");
  }

  @Test
  void render_headsTheReportWithWhatWentWrong() {
    List<String> lines = IndexReport.render(ResultFile.of(RAW));

    List<String> errors =
        new ArrayList<>(lines.stream().filter(l -> l.startsWith("ERROR")).toList());
    assertThat(errors)
        .anySatisfy(e -> assertThat(e).contains("disagree on 'thingName:light-0012*'"))
        .anySatisfy(e -> assertThat(e).contains("convergence leave: 99 of 100"));
    assertThat(row(lines, "thingName:light-0012*")).endsWith("NO");
  }

  private static String row(List<String> lines, String start) {
    return lines.stream()
        .filter(l -> l.startsWith(start))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + start));
  }
}
