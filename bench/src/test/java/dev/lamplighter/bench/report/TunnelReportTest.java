package dev.lamplighter.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TunnelReportTest {
  private static final List<String> RAW =
      List.of(
          "run suite=tunnel mode=full started=2026-01-01T00:00:00Z cores=2 java=17",
          "tunnel-throughput path=tunnel round=1 mib=64 seconds=1.0 mb_s=120.0",
          "tunnel-throughput path=raw round=1 mib=64 seconds=0.2 mb_s=600.0",
          "tunnel-throughput path=raw round=2 mib=64 seconds=0.2 mb_s=400.0",
          "tunnel-throughput path=tunnel round=2 mib=64 seconds=1.0 mb_s=80.0",
          "tunnel-latency path=raw samples=5000 bytes=64 p50_us=20.0 p99_us=50.0 max_us=90.0",
          "tunnel-latency path=tunnel samples=5000 bytes=64 p50_us=120.0 p99_us=400.0"
              + " max_us=900.0",
          "tunnel-many tunnels=100 mib_each=1 seconds=4.0 aggregate_mb_s=26.2 rss_before_kb=200000"
              + " rss_connected_kb=210240 per_tunnel_kb=102.4 server_cores=1.10");

  @Test
  void theRatio_isTheMedianOfThePerRoundRatios() {
    // Round 1: 120/600 = 0.2; round 2: 80/400 = 0.2.
    assertThat(TunnelReport.ratio(ResultFile.of(RAW))).isEqualTo(0.2);
  }

  @Test
  void report_judgesBothTargets_andShowsTheAddedLatency() {
    List<String> lines = TunnelReport.render(ResultFile.of(RAW));

    assertThat(lines).anyMatch(l -> l.matches("Tunnel throughput, ratio to raw.* 0\\.20x .*NO"));
    assertThat(lines).anyMatch(l -> l.matches("Tunnel throughput, each way +100 MB/s .*yes"));
    assertThat(lines).anyMatch(l -> l.matches("added by the tunnel +100\\.0 +350\\.0.*"));
    assertThat(lines).anyMatch(l -> l.matches("100 +1 +4\\.00 +26\\.2 +195 +205 +102 +1\\.10"));
    assertThat(lines).noneMatch(l -> l.startsWith("ERROR"));
  }

  @Test
  void aRunWithoutThroughput_meetsNoTarget() {
    List<String> lines = TunnelReport.render(ResultFile.of(List.of()));

    assertThat(lines).anyMatch(l -> l.startsWith("ERROR: the tunnel step printed no throughput"));
    assertThat(lines).anyMatch(l -> l.matches("Tunnel throughput, each way +n/a .*NO"));
  }
}
