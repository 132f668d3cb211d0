package dev.lamplighter.bench.broker;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * {@code connects}: {@code --connects} mutual-TLS connects (ECDSA P-256 device certificates, a full
 * handshake each), {@code --concurrency} at a time; each client disconnects as soon as it has its
 * CONNACK. Connects per second over the whole batch, and the CONNACK latency.
 */
final class Connects {
  private Connects() {}

  static String run(BrokerOptions options, DeviceKeys keys) throws Exception {
    LongSupplier cpu = Delivery.cpuMillis(options.targetPid());
    long cpuBefore = cpu.getAsLong();
    List<String> ids = Connector.ids("conn-" + options.round(), options.run(), options.connects());
    Connector.Outcome outcome = Connector.connect(keys, ids, options.concurrency(), 60, true);
    long cpuAfter = cpu.getAsLong();
    double seconds = outcome.wallNanos() / 1e9;
    long ok = outcome.latencies().successes();
    double cpuMs = cpuBefore < 0 || cpuAfter < 0 ? Double.NaN : cpuAfter - cpuBefore;
    return BrokerBench.line(options)
        .add("connects", options.connects())
        .add("concurrency", options.concurrency())
        .add("ok", ok)
        .add("failed", outcome.failures())
        .add("seconds", seconds, 3)
        .add("connects_per_s", ok / seconds, 1)
        .add("p50_ms", outcome.latencies().percentileMillis(50), 2)
        .add("p99_ms", outcome.latencies().percentileMillis(99), 2)
        .add("cpu_ms", cpuMs, 0)
        .add("cpu_ms_per_connect", cpuMs / Math.max(1, ok), 3)
        .add("first_error", outcome.firstError())
        .toString();
  }
}
