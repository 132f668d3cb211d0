package dev.lamplighter.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShadowReportTest {
  private static final List<String> RAW =
      List.of(
          "run suite=shadow mode=full started=2026-01-01T00:00:00Z cores=2 java=17",
          "shadow-setup devices=1000 register_ms=12000 connect_ms=8000",
          "shadow-mqtt mode=update round=0 per_s=500.0 p50_ms=9 p99_ms=40 rejected=0"
              + " publish_failures=0 stragglers=0",
          "shadow-mqtt mode=round-trip round=0 per_s=9000.0 rejected=0 publish_failures=0"
              + " stragglers=0",
          "shadow-mqtt mode=update round=1 per_s=3000.0 rejected=0 publish_failures=0"
              + " stragglers=0",
          "shadow-mqtt mode=round-trip round=1 per_s=10000.0 rejected=0 publish_failures=0"
              + " stragglers=0",
          "shadow-mqtt mode=update round=2 per_s=4000.0 rejected=0 publish_failures=0"
              + " stragglers=0",
          "shadow-mqtt mode=round-trip round=2 per_s=5000.0 rejected=0 publish_failures=0"
              + " stragglers=0",
          "load label=lamplighter operation=DescribeThing rps=5000.0",
          "load label=lamplighter operation=GetThingShadow rps=4500.0",
          "searchable samples=100 found=100 timeouts=0 p50_ms=40.0 p99_ms=120.0 max_ms=130.0");

  @Test
  void updateRatio_isTheMedianOfTheMeasuredRounds_withoutTheWarmUp() {
    // Rounds 1 and 2: 0.3 and 0.8; the warm-up's 500/9000 is left out.
    assertThat(ShadowReport.updateRatio(ResultFile.of(RAW))).isEqualTo(0.55);
  }

  @Test
  void report_judgesEachTarget() {
    List<String> lines = render(RAW.toArray(String[]::new));

    assertThat(lines)
        .anyMatch(
            l -> l.matches("UpdateThingShadow over MQTT.* 3,500/s, 0\\.55x of 7,500/s .*yes"));
    assertThat(lines)
        .anyMatch(l -> l.matches("GetThingShadow, ratio to DescribeThing +0\\.90x.*yes"));
    assertThat(lines).anyMatch(l -> l.matches("Update to searchable.* +120 ms .*yes"));
    assertThat(lines).noneMatch(l -> l.startsWith("ERROR"));
  }

  @Test
  void aSearchThatNeverFoundTheUpdate_isNotApplicable_andNotMet() {
    List<String> lines =
        ShadowReport.render(
            ResultFile.of(
                List.of("searchable samples=100 found=0 timeouts=1 p50_ms=- p99_ms=- max_ms=-")));

    assertThat(lines).anyMatch(l -> l.matches("Update to searchable.* +n/a +<= 1,000 ms +NO"));
    assertThat(lines).anyMatch(l -> l.matches("UpdateThingShadow over MQTT.* n/a .*NO"));
    assertThat(lines).anyMatch(l -> l.startsWith("ERROR: the devices step printed no result"));
  }

  @Test
  void rejectedUpdates_headTheReport() {
    List<String> lines =
        render("shadow-mqtt mode=update round=1 per_s=30.0 rejected=4 publish_failures=0");

    assertThat(lines).anyMatch(l -> l.startsWith("ERROR: update round 1: 4 rejected"));
  }

  private static List<String> render(String... raw) {
    return ShadowReport.render(ResultFile.of(List.of(raw)));
  }
}
