package dev.lamplighter.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BrokerReportTest {
  private static final String RUN =
      "run suite=broker mode=full started=2026-01-01T00:00:00Z cores=2 java=17";

  private static String fanIn(String target, int round, double rate, double cpuUs, int lost) {
    return "broker scenario=fan-in-qos1-tls target="
        + target
        + " round="
        + round
        + " messages=100000 received="
        + (100000 - lost)
        + " lost="
        + lost
        + " complete="
        + (lost == 0 ? "yes" : "no")
        + " errors=0 seconds=5.0 msgs_per_s="
        + rate
        + " cpu_ms=1000 cpu_us_per_msg="
        + cpuUs
        + " first_error=-";
  }

  private static List<String> raw() {
    List<String> lines = new ArrayList<>();
    lines.add(RUN);
    lines.add("settings target=lamplighter mqtt-max-publishes-per-second=1000000");
    lines.add(fanIn("lamplighter", 1, 20000, 30, 0));
    lines.add(fanIn("mosquitto", 1, 40000, 12, 0));
    lines.add(fanIn("lamplighter", 2, 24000, 25, 0));
    lines.add(fanIn("mosquitto", 2, 30000, 10, 0));
    lines.add(
        "broker scenario=connects target=lamplighter round=1 connects=2000 ok=2000 failed=0"
            + " seconds=2.5 connects_per_s=800.0 p50_ms=30 p99_ms=90 cpu_ms_per_connect=1.2");
    lines.add(
        "broker scenario=connects target=mosquitto round=1 connects=2000 ok=2000 failed=0"
            + " seconds=2.0 connects_per_s=1000.0 p50_ms=20 p99_ms=60 cpu_ms_per_connect=0.8");
    lines.add(
        "memory target=lamplighter connections=20000 processes=2 held=20000 rss_before_kb=200000"
            + " rss_after_kb=700000 heap_before_kb=20000 heap_after_kb=220000");
    lines.add(
        "memory target=mosquitto connections=20000 processes=2 held=20000 rss_before_kb=5000"
            + " rss_after_kb=105000 heap_before_kb=- heap_after_kb=-");
    lines.add("capacity skipped=open-files_limit_20000");
    return lines;
  }

  @Test
  void fanInLine_comparesEachBrokersBestRun() {
    List<String> lines = BrokerReport.render(ResultFile.of(raw()));

    assertThat(lines)
        .anyMatch(
            l ->
                l.startsWith("fan-in-qos1-tls")
                    && l.contains("lamplighter=24,000 msg/s mosquitto=40,000 msg/s ratio=0.60")
                    && l.contains("cpu_ratio=2.50")
                    && l.contains("best of 2+2 runs"));
  }

  @Test
  void targets_sayWhetherEachIsMet() {
    List<String> lines = BrokerReport.render(ResultFile.of(raw()));

    assertThat(lines)
        .anyMatch(
            l -> l.matches("Fan-in QoS 1 throughput, ratio to Mosquitto +0\\.60x +>= 1\\.00x +NO"));
    assertThat(lines)
        .anyMatch(
            l -> l.matches("Fan-in CPU per message, ratio to Mosquitto +2\\.50x +<= 1\\.50x +NO"));
    assertThat(lines)
        .anyMatch(
            l -> l.matches("Mutual-TLS connects per second \\(P-256\\) +800/s +>= 500/s +yes"));
    assertThat(lines)
        .anyMatch(
            l ->
                l.matches(
                    "Memory per idle TLS connection \\(RSS\\) +25\\.0 KB +<= 30\\.0 KB +yes"));
    assertThat(lines)
        .anyMatch(
            l -> l.matches("Idle connections held within a 2 GiB heap +- +>= 50,000 conns +n/a"));
    assertThat(lines).contains("50,000 connections not run: open-files limit 20000");
  }

  @Test
  void idleLine_givesKilobytesPerConnectionForBoth_andLamplighterHeap() {
    List<String> lines = BrokerReport.render(ResultFile.of(raw()));

    assertThat(lines)
        .anyMatch(
            l ->
                l.startsWith("idle-footprint")
                    && l.contains("lamplighter=25.0 KB/conn mosquitto=5.0 KB/conn ratio=5.00")
                    && l.contains("heap after GC 214.8 MiB, 10.0 KB/conn"));
  }

  @Test
  void aRunThatLostMessages_isAnErrorAndLeftOutOfTheComparison() {
    List<String> lines = new ArrayList<>(raw());
    lines.add(fanIn("lamplighter", 3, 90000, 1, 500));

    List<String> report = BrokerReport.render(ResultFile.of(lines));

    assertThat(report)
        .anyMatch(
            l -> l.startsWith("ERROR: fan-in-qos1-tls on lamplighter round 3: 500 messages never"));
    assertThat(report).anyMatch(l -> l.startsWith("fan-in-qos1-tls") && l.contains("ratio=0.60"));
  }

  @Test
  void missingResults_areShownAsNotMeasured() {
    List<String> lines = BrokerReport.render(ResultFile.of(List.of(RUN)));

    assertThat(lines).anyMatch(l -> l.startsWith("fan-in-qos1-tls") && l.contains("ratio=-"));
    assertThat(lines)
        .anyMatch(l -> l.matches("Mutual-TLS connects per second \\(P-256\\) +- +>= 500/s +n/a"));
  }
}
