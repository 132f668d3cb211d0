package dev.lamplighter.bench.broker;

import dev.lamplighter.bench.StandardOutput;
import dev.lamplighter.bench.load.MachineCpu;
import dev.lamplighter.bench.load.ProcessCpu;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scenario of the broker suite against one broker; prints its {@code broker key=value …} result
 * line. Usage: see {@link BrokerOptions#USAGE}.
 */
public final class BrokerBench {
  private static final Logger LOG = LoggerFactory.getLogger(BrokerBench.class);

  private BrokerBench() {}

  public static void main(String[] args) {
    BrokerOptions options;
    try {
      options = BrokerOptions.parse(args);
    } catch (IllegalArgumentException e) {
      LOG.error("{}", e.getMessage());
      System.exit(2);
      return;
    }
    int status = 0;
    try {
      DeviceKeys keys = DeviceKeys.read(options.tlsDir(), options.certificates(), options.port());
      Optional<MachineCpu.Sample> machineBefore = MachineCpu.sample();
      long selfBefore = cpuMillis(ProcessCpu.self());
      long brokerBefore = Delivery.cpuMillis(options.targetPid()).getAsLong();
      long started = System.nanoTime();
      String line =
          switch (options.scenario()) {
            case FAN_IN -> FanIn.run(options, keys);
            case FAN_OUT -> FanOut.run(options, keys);
            case CONNECTS -> Connects.run(options, keys);
            case IDLE -> IdleConnections.run(options, keys);
            case LATENCY -> Latency.run(options, keys);
          };
      // The machine's cores during the whole invocation (connecting included): this load
      // generator, the broker, and everything else (another build competing for the cores).
      double wallMs = (System.nanoTime() - started) / 1e6;
      int cores = Runtime.getRuntime().availableProcessors();
      double busy = MachineCpu.busyCores(machineBefore, MachineCpu.sample(), cores);
      double self = (cpuMillis(ProcessCpu.self()) - selfBefore) / wallMs;
      long brokerAfter = Delivery.cpuMillis(options.targetPid()).getAsLong();
      double broker =
          brokerBefore < 0 || brokerAfter < 0 ? Double.NaN : (brokerAfter - brokerBefore) / wallMs;
      StandardOutput.println(
          line
              + new ResultLine("")
                  .add("cores_loadgen", self, 2)
                  .add("cores_broker", broker, 2)
                  .add("cores_others", busy - self - (Double.isNaN(broker) ? 0 : broker), 2)
                  .toString());
    } catch (Exception e) {
      LOG.error("{} against {} failed", options.scenario().id, options.label(), e);
      StandardOutput.println(
          line(options).add("failed", "yes").add("first_error", String.valueOf(e)).toString());
      status = 1;
    }
    // The MQTT client's event loop threads would keep the JVM alive.
    System.exit(status);
  }

  private static long cpuMillis(ProcessCpu cpu) {
    return cpu.total().map(Duration::toMillis).orElse(-1L);
  }

  /** The start of a result line: the scenario, the broker and the round. */
  static ResultLine line(BrokerOptions options) {
    return new ResultLine("broker")
        .add("scenario", options.scenario().id)
        .add("target", options.label())
        .add("round", options.round());
  }
}
