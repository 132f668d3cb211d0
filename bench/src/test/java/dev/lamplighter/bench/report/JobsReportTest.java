package dev.lamplighter.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobsReportTest {
  private static final List<String> RAW =
      List.of(
          "run suite=jobs mode=full started=2026-01-01T00:00:00Z cores=2 java=17 things=100000"
              + " devices=2000 rounds=3 concurrency=32 setup_concurrency=16 rollout_rate=600"
              + " rollout_seconds=60 rollout_things=660",
          "startup ready_wall_ms=1500 ready_logged_ms=900",
          "batch label=rollout operation=CreateThing requests=660 concurrency=32 ok=660 errors=0"
              + " error_statuses=- seconds=0.50 rps=1320.0 p50_ms=20.000 p99_ms=60.000"
              + " max_ms=80.000 loadgen_cpu=0.60 target_cpu=1.10 machine_cpu=1.90",
          "batch label=rollout operation=AddThingToThingGroup requests=660 concurrency=32 ok=660"
              + " errors=0 error_statuses=- seconds=0.40 rps=1650.0 p50_ms=15.000 p99_ms=50.000"
              + " max_ms=70.000 loadgen_cpu=0.60 target_cpu=1.20 machine_cpu=1.90",
          "rollout things=660 rate_per_min=600 seconds=60 samples=61 used=60 fit_per_min=597.00"
              + " endpoint_per_min=590.00 error_pct=-0.50 first_ms=150 final_count=600",
          "rollout-samples values=150:1,1005:11,2004:21",
          "device-setup devices=2000 workers=16 register_ms=20000 connect_ms=5000"
              + " subscribe_ms=400 connect_p50_ms=50.0 connect_p99_ms=200.0"
              + " subscriptions_per_device=13 certificates=own",
          job(0, "warm-up", 2000, 4000, 4000, "yes"),
          peer("fan-out", 0, "warm-up", 20000),
          peer("fan-out", 1, "bench", 40000),
          peer("fan-out", 2, "bench", 50000),
          peer("fan-out", 3, "bench", 30000),
          peer("per-device", 1, "bench", 20000),
          job(1, "bench", 2000, 8000, 3000, "yes"),
          job(2, "bench", 2000, 12000, 3500, "yes"),
          job(3, "bench", 2000, 9000, 3200, "yes"),
          "batch label=snapshot operation=CreateThing requests=100000 concurrency=32 ok=100000"
              + " errors=0 error_statuses=- seconds=40.00 rps=2500.0 p50_ms=10.000"
              + " p99_ms=40.000 max_ms=300.000 loadgen_cpu=0.50 target_cpu=1.25 machine_cpu=1.90",
          "batch label=snapshot operation=AddThingToThingGroup requests=100000 concurrency=32"
              + " ok=100000 errors=0 error_statuses=- seconds=50.00 rps=2000.0 p50_ms=12.000"
              + " p99_ms=50.000 max_ms=400.000 loadgen_cpu=0.50 target_cpu=1.30 machine_cpu=1.95",
          "snapshot things=100000 executions=100000 complete=yes seed_ms=90000 create_ms=20"
              + " first_ms=300 half_ms=4000 all_ms=8000 polls=80 target_cpu_s=12.00",
          "snapshot-samples values=300:1000,8000:100000",
          "raw rows=100000 transaction_rows=1000 seconds=1.000 rows_per_s=100000");

  private static String job(
      int round, String label, int notified, int perSecond, int updates, String complete) {
    return "devjob round="
        + round
        + " label="
        + label
        + " job=bench-devices-"
        + round
        + " devices=2000 notified="
        + notified
        + " duplicates=0 started=2000 updated=2000 succeeded=2000 rejected=0 publish_errors=0"
        + " complete="
        + complete
        + " create_ms=10.0 first_notify_ms=50.0 last_notify_ms=250.0 notifications_per_s="
        + perSecond
        + " last_update_ms=700.0 updates_per_s="
        + updates
        + " completed_ms=1500 notify_bytes=380 target_cpu_s=1.50 cores_loadgen=0.80"
        + " cores_target=1.00 cores_others=0.10 first_rejection=-";
  }

  private static String peer(String kind, int round, String label, int perSecond) {
    return "peer kind="
        + kind
        + " round="
        + round
        + " label="
        + label
        + " devices=2000 published=1 payload_bytes=380 received=2000 complete=yes errors=0"
        + " last_ms=50.0 deliveries_per_s="
        + perSecond
        + " target_cpu_s=0.05 cores_loadgen=0.50 cores_target=0.80 cores_others=0.10"
        + " first_error=-";
  }

  @Test
  void targets_areJudgedOnTheMediansAndEndInYesOrNo() {
    List<String> lines = JobsReport.render(ResultFile.of(RAW));

    assertThat(lines)
        .anyMatch(
            l ->
                l.matches("Snapshot job to 100,000 things on SQLite +8\\.00 s +<= 10\\.00 s +yes"));
    // The median of 8,000, 12,000 and 9,000; the warm-up's 4,000 is not judged.
    assertThat(lines)
        .anyMatch(
            l -> l.matches("Job notifications over MQTT, 2,000 devices +9,000/s +>= 10,000/s +NO"));
    assertThat(lines)
        .anyMatch(
            l ->
                l.matches(
                    "Rollout rate, maximumPerMinute 600 +597\\.0/min \\(-0\\.50 %\\) +within 5 %"
                        + " +yes"));
  }

  @Test
  void figures_carryTheirPeersAndRatios() {
    List<String> lines = JobsReport.render(ResultFile.of(RAW));

    assertThat(lines)
        .anyMatch(
            l ->
                l.startsWith("snapshot job")
                    && l.contains("every execution after 8.00 s")
                    && l.contains("1.00 s (100,000 rows/s)")
                    && l.contains("8.00x the peer's time"));
    // Fan-out median 40,000 deliveries/s; 9,000 / 40,000.
    assertThat(lines)
        .anyMatch(
            l ->
                l.startsWith("mqtt devices")
                    && l.contains("9,000 notifications/s")
                    && l.contains("fan-out: 40,000 deliveries/s, the notifications 0.23x"));
    assertThat(lines).anyMatch(l -> l.startsWith("rollout") && l.contains("597.0/min measured"));
    assertThat(lines).noneMatch(l -> l.startsWith("ERROR"));
  }

  @Test
  void aJobThatDidNotComplete_headsTheReportAndIsNotJudged() {
    List<String> raw = new ArrayList<>(RAW);
    raw.replaceAll(
        l ->
            l.startsWith("snapshot ")
                ? l.replace("complete=yes", "complete=no")
                    .replace("executions=100000", "executions=42000")
                : l);
    raw.replaceAll(
        l -> l.startsWith("devjob round=2") ? job(2, "bench", 1990, 12000, 3500, "no") : l);

    List<String> lines = JobsReport.render(ResultFile.of(raw));

    assertThat(lines).anyMatch(l -> l.startsWith("ERROR: the snapshot job has 42,000 of 100,000"));
    assertThat(lines).anyMatch(l -> l.startsWith("ERROR: device job bench-devices-2 did not"));
    assertThat(lines)
        .anyMatch(l -> l.matches("Snapshot job to 100,000 things on SQLite +- +<= 10\\.00 s +NO"));
    // The median of the two complete jobs, 8,000 and 9,000.
    assertThat(lines).anyMatch(l -> l.matches("Job notifications over MQTT.* +8,500/s .* NO"));
  }

  @Test
  void medians_areOfTheMeasuredRoundsOnly() {
    ResultFile file = ResultFile.of(RAW);

    assertThat(JobsReport.peerRate(file, "fan-out")).isEqualTo(40_000);
    assertThat(JobsReport.notificationsPerSecond(file)).isEqualTo(9_000);
  }
}
