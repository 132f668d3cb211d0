package dev.lamplighter.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GroupsReportTest {
  private static final List<String> RAW =
      List.of(
          "run suite=groups mode=full started=2026-01-01T00:00:00Z cores=2 java=17"
              + " concurrency=32 things=100000 levels=7 branching=3 walks=3 page_size=250"
              + " warmup_things=2000",
          "startup ready_wall_ms=1500 ready_logged_ms=900",
          "hierarchy label=warm-up root=warm-g levels=2 branching=3 groups=4 leaves=3"
              + " concurrency=8 ms=200",
          "batch label=warm-up operation=CreateThing requests=2000 concurrency=32 ok=2000"
              + " errors=0 error_statuses=- seconds=2.00 rps=1000.0 p50_ms=20.000"
              + " p99_ms=90.000 max_ms=120.000 loadgen_cpu=0.30 target_cpu=1.20 machine_cpu=1.80",
          "hierarchy label=bench root=bench-g levels=7 branching=3 groups=1093 leaves=729"
              + " concurrency=8 ms=4000",
          "batch label=bench operation=CreateThing requests=100000 concurrency=32 ok=100000"
              + " errors=0 error_statuses=- seconds=40.00 rps=2500.0 p50_ms=10.000"
              + " p99_ms=40.000 max_ms=300.000 loadgen_cpu=0.50 target_cpu=1.25 machine_cpu=1.90",
          "batch label=bench operation=AddThingToThingGroup requests=100000 concurrency=32"
              + " ok=99998 errors=2 error_statuses=0:2 seconds=50.00 rps=2000.0 p50_ms=12.000"
              + " p99_ms=50.000 max_ms=400.000 loadgen_cpu=0.50 target_cpu=1.30 machine_cpu=1.95",
          "walk label=root group=bench-g level=1 walk=1 page_size=250 pages=400 errors=0"
              + " error_statuses=- p50_ms=8.000 p99_ms=31.000 max_ms=40.000 things=100000"
              + " expected=100000 complete=yes out_of_order=0 ms=3500",
          "walk label=root group=bench-g level=1 walk=2 page_size=250 pages=400 errors=0"
              + " error_statuses=- p50_ms=6.000 p99_ms=15.000 max_ms=20.000 things=100000"
              + " expected=100000 complete=yes out_of_order=0 ms=2500",
          "walk label=root group=bench-g level=1 walk=3 page_size=250 pages=400 errors=0"
              + " error_statuses=- p50_ms=6.000 p99_ms=17.000 max_ms=21.000 things=100000"
              + " expected=100000 complete=yes out_of_order=0 ms=2500",
          "walks label=root group=bench-g level=1 walk=2-3 page_size=250 pages=800 errors=0"
              + " error_statuses=- p50_ms=6.000 p99_ms=16.500 max_ms=21.000 things=200000"
              + " expected=200000 complete=yes",
          "walk label=level3 group=bench-g-0-0 level=3 walk=1 page_size=250 pages=45 errors=0"
              + " error_statuses=- p50_ms=5.000 p99_ms=9.000 max_ms=9.500 things=11178"
              + " expected=11178 complete=yes out_of_order=0 ms=250",
          "data db_bytes=52428800 wal_bytes=0 running_db_bytes=41943040"
              + " running_wal_bytes=8388608");

  @Test
  void goal_isJudgedOnTheWarmWalksWithTheColdWalkBesideIt() {
    List<String> lines = GroupsReport.render(ResultFile.of(RAW));

    assertThat(lines)
        .anyMatch(
            l ->
                l.matches(
                    "ListThingsInThingGroup from the root, page of 250, p99 +16\\.50 ms"
                        + " +<= 20 ms +yes"));
    assertThat(lines).anyMatch(l -> l.matches(" +the same, first \\(cold\\) walk +31\\.00 ms.*"));
  }

  @Test
  void report_showsRatesStartupAndDataSizeAsInformation() {
    List<String> lines = GroupsReport.render(ResultFile.of(RAW));

    assertThat(lines).anyMatch(l -> l.matches("AddThingToThingGroup, 32 workers +2,000 req/s.*"));
    assertThat(lines).anyMatch(l -> l.matches("CreateThing, 32 workers +2,500 req/s.*"));
    assertThat(lines).anyMatch(l -> l.matches("Start to ready .* +1,500 ms +\\(info\\)"));
    assertThat(lines).anyMatch(l -> l.matches("Data size .* +50\\.0 MiB +\\(info\\)"));
    assertThat(lines)
        .anyMatch(l -> l.contains("100,000 things round-robin over the 729 leaves of 1,093"));
  }

  @Test
  void batchTable_showsOnlyTheMeasuredBatchesWithCpuPerRequest() {
    List<String> lines = GroupsReport.render(ResultFile.of(RAW));

    assertThat(lines)
        .anyMatch(l -> l.matches("AddThingToThingGroup +100,000 +32 +2,000 +12\\.00 .* 650 us .*"));
    assertThat(lines.stream().filter(l -> l.startsWith("CreateThing ")).count()).isEqualTo(1);
  }

  @Test
  void walkTable_marksTheColdAndWarmWalksAndTheLevel3Walk() {
    List<String> lines = GroupsReport.render(ResultFile.of(RAW));

    assertThat(lines).anyMatch(l -> l.matches("root +bench-g +1 \\(cold\\) +400 +100,000 .*yes"));
    assertThat(lines).anyMatch(l -> l.matches("root +bench-g +2-3 \\(warm\\) +800 +200,000 .*"));
    assertThat(lines).anyMatch(l -> l.matches("level 3 +bench-g-0-0 +1 +45 +11,178 .*yes"));
  }

  @Test
  void failedRequests_areReportedAsErrors() {
    List<String> lines = GroupsReport.render(ResultFile.of(RAW));

    assertThat(lines).anyMatch(l -> l.startsWith("ERROR: bench AddThingToThingGroup answered 0:2"));
  }

  @Test
  void walkThatMissedThings_headsTheReportAsAnError() {
    List<String> raw =
        Stream.concat(
                RAW.stream(),
                Stream.of(
                    "walk label=root group=bench-g level=1 walk=1 pages=399 errors=0"
                        + " p99_ms=5.000 things=99750 expected=100000 complete=no"
                        + " out_of_order=0"))
            .toList();

    List<String> lines = GroupsReport.render(ResultFile.of(raw));

    assertThat(lines.subList(0, 5))
        .anyMatch(
            l -> l.startsWith("ERROR: walk 1 from bench-g read 99,750 things, expected 100,000"));
  }

  @Test
  void report_withoutMeasurements_saysNotApplicable() {
    List<String> lines = GroupsReport.render(ResultFile.of(List.of()));

    assertThat(lines).anyMatch(l -> l.matches("ListThingsInThingGroup from the root.* +- .*n/a"));
  }
}
