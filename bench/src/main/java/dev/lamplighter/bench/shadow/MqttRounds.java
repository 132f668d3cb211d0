package dev.lamplighter.bench.shadow;

import dev.lamplighter.bench.groups.RawLine;
import dev.lamplighter.bench.load.LatencyRecorder;
import dev.lamplighter.bench.load.MeasurementWindow;
import dev.lamplighter.bench.load.ProcessCpu;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the devices' phases: one unreported warm-up of each mode, then measured rounds alternating
 * shadow updates and the broker's round trip, so both meet the same machine (whose speed drifts)
 * and the same JIT state. Each phase prints a {@code shadow-mqtt} line.
 */
final class MqttRounds {
  private static final Logger LOG = LoggerFactory.getLogger(MqttRounds.class);
  private static final long STRAGGLER_SECONDS = 30;

  private final ShadowFleet fleet;
  private final Optional<ProcessCpu> target;

  MqttRounds(ShadowFleet fleet, OptionalLong targetPid) {
    this.fleet = fleet;
    this.target =
        targetPid.isPresent()
            ? Optional.of(ProcessCpu.of(targetPid.getAsLong()))
            : Optional.empty();
  }

  List<String> run(Duration warmUp, Duration measure, int rounds) throws InterruptedException {
    List<String> lines = new ArrayList<>();
    for (ShadowDevice.Mode mode : ShadowDevice.Mode.values()) {
      lines.add(phase(mode, 0, Duration.ZERO, warmUp));
    }
    for (int round = 1; round <= rounds; round++) {
      for (ShadowDevice.Mode mode : ShadowDevice.Mode.values()) {
        lines.add(phase(mode, round, Duration.ofSeconds(1), measure));
      }
    }
    return lines;
  }

  /** One phase: {@code lead} unmeasured, then {@code measure} measured. */
  private String phase(ShadowDevice.Mode mode, int round, Duration lead, Duration measure)
      throws InterruptedException {
    int devices = fleet.devices().size();
    long start = System.nanoTime() + lead.toNanos();
    MeasurementWindow window = new MeasurementWindow(start, start + measure.toNanos());
    MqttPhase phase = new MqttPhase(mode, window, devices);
    LOG.info(
        "shadow: {} round {}, {} devices, {} s", label(mode), round, devices, measure.toSeconds());
    fleet.devices().forEach(d -> d.start(phase));
    TimeUnit.NANOSECONDS.sleep(Math.max(0, start - System.nanoTime()));
    Optional<Duration> before = target.flatMap(ProcessCpu::total);
    TimeUnit.NANOSECONDS.sleep(Math.max(0, window.endNanos() - System.nanoTime()));
    Optional<Duration> after = target.flatMap(ProcessCpu::total);
    boolean stopped = phase.awaitStopped(STRAGGLER_SECONDS);
    LatencyRecorder.Summary summary = phase.summary();
    double seconds = window.seconds();
    if (phase.firstProblem() != null) {
      LOG.warn("shadow: {} round {}: {}", label(mode), round, phase.firstProblem());
    }
    return new RawLine("shadow-mqtt")
        .put("mode", label(mode))
        .put("round", round)
        .put("devices", devices)
        .number("measure_s", seconds, 2)
        .put("ok", summary.successes())
        .number("per_s", summary.successes() / seconds, 1)
        .number("p50_ms", summary.percentileMillis(50), 2)
        .number("p99_ms", summary.percentileMillis(99), 2)
        .number("max_ms", summary.percentileMillis(100), 2)
        .put("rejected", phase.rejectedCount())
        .put("publish_failures", phase.failures())
        .put("stragglers", stopped ? 0 : phase.stragglers())
        .put("target_cpu", cores(before, after, seconds))
        .toString();
  }

  static String label(ShadowDevice.Mode mode) {
    return mode == ShadowDevice.Mode.UPDATE ? "update" : "round-trip";
  }

  private static String cores(Optional<Duration> before, Optional<Duration> after, double seconds) {
    if (before.isEmpty() || after.isEmpty()) {
      return "-";
    }
    double cores = after.get().minus(before.get()).toNanos() / 1e9 / seconds;
    return String.format(Locale.ROOT, "%.2f", cores);
  }
}
