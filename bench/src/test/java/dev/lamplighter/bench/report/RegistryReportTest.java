package dev.lamplighter.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryReportTest {
  private static final List<String> RAW =
      List.of(
          "run suite=registry mode=full started=2026-01-01T00:00:00Z cores=2 java=17"
              + " concurrency=32 warmup_s=5 measure_s=15 things=1000",
          "startup ready_wall_ms=1500 ready_logged_ms=900 idle_rss_kb=131072 idle_wait_s=5",
          "load label=ceiling operation=DescribeThing ok=150000 errors=0 rps=10000.0"
              + " p50_ms=2.000 p99_ms=9.000 loadgen_cpu=1.20 target_cpu=0.60 machine_cpu=1.90",
          "load label=lamplighter operation=DescribeThing ok=60000 errors=0 rps=4000.0"
              + " p50_ms=7.000 p99_ms=20.000 loadgen_cpu=0.80 target_cpu=1.10 machine_cpu=1.95",
          "load label=lamplighter operation=CreateThing ok=45000 errors=2 error_statuses=409:2"
              + " rps=3000.0 p50_ms=9.000 p99_ms=30.000 loadgen_cpu=- target_cpu=- machine_cpu=-");

  @Test
  void report_comparesEachTargetWithItsGoal() {
    List<String> lines = RegistryReport.render(ResultFile.of(RAW));

    assertThat(lines).anyMatch(l -> l.matches("DescribeThing, ratio to the ceiling +0\\.40x.*NO"));
    assertThat(lines).anyMatch(l -> l.matches("CreateThing on SQLite +3,000 req/s.*yes"));
    assertThat(lines).anyMatch(l -> l.matches("Start to ready .* +1,500 ms.*yes"));
    assertThat(lines).anyMatch(l -> l.matches("Idle RSS +128 MiB.*yes"));
  }

  @Test
  void report_showsCpuPerRequestAndErrors() {
    List<String> lines = RegistryReport.render(ResultFile.of(RAW));

    assertThat(lines).anyMatch(l -> l.matches("ceiling +DescribeThing +10,000 .* 60 us .*"));
    assertThat(lines).anyMatch(l -> l.contains("CreateThing answered 409:2"));
  }

  @Test
  void describeRatio_isTheMedianOfEachRoundsRatio() {
    List<String> rounds =
        List.of(
            "load label=ceiling operation=DescribeThing rps=10000.0",
            "load label=lamplighter operation=DescribeThing rps=6000.0",
            "load label=ceiling operation=DescribeThing rps=5000.0",
            "load label=lamplighter operation=DescribeThing rps=2000.0",
            "load label=ceiling operation=DescribeThing rps=8000.0",
            "load label=lamplighter operation=DescribeThing rps=4000.0");

    assertThat(RegistryReport.describeRatio(ResultFile.of(rounds))).isEqualTo(0.5);
  }

  @Test
  void report_withoutMeasurements_saysNotApplicable() {
    List<String> lines = RegistryReport.render(ResultFile.of(List.of()));

    assertThat(lines).anyMatch(l -> l.matches("Idle RSS +- .*n/a"));
  }
}
