package dev.lamplighter.bench.broker;

import dev.lamplighter.bench.StandardOutput;
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
      String line =
          switch (options.scenario()) {
            case FAN_IN -> FanIn.run(options, keys);
            case FAN_OUT -> FanOut.run(options, keys);
            case CONNECTS -> Connects.run(options, keys);
            case IDLE -> IdleConnections.run(options, keys);
            case LATENCY -> Latency.run(options, keys);
          };
      StandardOutput.println(line);
    } catch (Exception e) {
      LOG.error("{} against {} failed", options.scenario().id, options.label(), e);
      StandardOutput.println(
          line(options).add("failed", "yes").add("first_error", String.valueOf(e)).toString());
      status = 1;
    }
    // The MQTT client's event loop threads would keep the JVM alive.
    System.exit(status);
  }

  /** The start of a result line: the scenario, the broker and the round. */
  static ResultLine line(BrokerOptions options) {
    return new ResultLine("broker")
        .add("scenario", options.scenario().id)
        .add("target", options.label())
        .add("round", options.round());
  }
}
