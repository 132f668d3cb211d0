package dev.lamplighter.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyReportTest {
  private static List<String> raw(double compiledMatching, double compiledNonMatching) {
    return List.of(
        "run suite=policy mode=full started=2026-01-01T00:00:00Z cores=2 java=17",
        "jmh benchmark=compiledMatching score="
            + compiledMatching
            + " error=1000.000 unit=ops/s"
            + " mode=thrpt threads=1 forks=1 warmup=3x5_s measurement=5x5_s alloc_bytes=56.000",
        "jmh benchmark=compiledNonMatching score="
            + compiledNonMatching
            + " error=2000.000"
            + " unit=ops/s mode=thrpt threads=1 forks=1 warmup=3x5_s measurement=5x5_s"
            + " alloc_bytes=0.000",
        "jmh benchmark=naiveMatching score=20000.000 error=100.000 unit=ops/s mode=thrpt"
            + " threads=1 forks=1 warmup=3x5_s measurement=5x5_s alloc_bytes=90000.000",
        "jmh benchmark=naiveNonMatching score=10000.000 error=100.000 unit=ops/s mode=thrpt"
            + " threads=1 forks=1 warmup=3x5_s measurement=5x5_s alloc_bytes=150000.000");
  }

  @Test
  void report_showsRatioToTheNaivePeer_perTopic() {
    List<String> lines = PolicyReport.render(ResultFile.of(raw(4_000_000, 2_000_000)));

    assertThat(lines)
        .anyMatch(
            l ->
                l.matches(
                    "compiled, matching topic +4,000,000 +± 1,000 +1 thread = 1 core +56 +200\\.0x"));
    assertThat(lines)
        .anyMatch(l -> l.matches("compiled, non-matching topic +2,000,000 .* +0 +200\\.0x"));
    assertThat(lines)
        .anyMatch(l -> l.matches("naive \\(regex\\), matching topic .*1\\.00x \\(peer\\)"));
    assertThat(lines).anyMatch(l -> l.contains("forks 1, warm-up 3x5 s, measurement 5x5 s"));
  }

  @Test
  void target_isJudgedOnTheSlowerTopic() {
    assertThat(PolicyReport.render(ResultFile.of(raw(4_000_000, 2_000_000))))
        .anyMatch(
            l ->
                l.matches(
                    "Compiled evaluator, slower topic, .* +2,000,000/s +>= 1,000,000/s +yes"));
    assertThat(PolicyReport.render(ResultFile.of(raw(4_000_000, 900_000))))
        .anyMatch(
            l -> l.matches("Compiled evaluator, slower topic, .* +900,000/s +>= 1,000,000/s +NO"));
  }

  @Test
  void missingResults_areShownAsNotMeasured() {
    List<String> lines = PolicyReport.render(ResultFile.of(List.of("run suite=policy mode=quick")));

    assertThat(lines).anyMatch(l -> l.contains("--quick"));
    assertThat(lines)
        .anyMatch(l -> l.matches("Compiled evaluator, slower topic, .* +- +>= .* +n/a"));
  }
}
