package dev.lamplighter.bench.broker;

import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import dev.lamplighter.bench.StandardOutput;
import java.nio.file.Files;

/**
 * {@code idle-footprint}: opens {@code --connections} TLS connections with a keep-alive of 1,200 s
 * (Lamplighter's longest, so no PINGREQ is sent while they are held), prints its result line, then
 * holds them until the {@code --hold-until} file exists, while {@code bench/run} reads the broker's
 * memory. It then prints a second line with how many were still connected, and exits without
 * closing them one by one (the broker sees the sockets close).
 *
 * <p>{@code bench/run} runs several of these processes side by side when one process may not open
 * that many sockets (its open-files limit).
 */
final class IdleConnections {
  static final int KEEP_ALIVE_SECONDS = 1200;

  private IdleConnections() {}

  static String run(BrokerOptions options, DeviceKeys keys) throws Exception {
    Connector.Outcome outcome =
        Connector.connect(
            keys,
            Connector.ids("idle-" + options.round(), options.run(), options.connections()),
            options.concurrency(),
            KEEP_ALIVE_SECONDS,
            false);
    double seconds = outcome.wallNanos() / 1e9;
    StandardOutput.println(
        BrokerBench.line(options)
            .add("connections", options.connections())
            .add("opened", outcome.connected().size())
            .add("failed", outcome.failures())
            .add("seconds", seconds, 3)
            .add("connects_per_s", outcome.connected().size() / seconds, 1)
            .add("first_error", outcome.firstError())
            .toString());
    if (options.holdUntil().isPresent()) {
      while (!Files.exists(options.holdUntil().get())) {
        Thread.sleep(100);
      }
    }
    long still = 0;
    for (Mqtt3AsyncClient client : outcome.connected()) {
      if (client.getState().isConnected()) {
        still++;
      }
    }
    return new ResultLine("broker-held")
        .add("scenario", options.scenario().id)
        .add("target", options.label())
        .add("round", options.round())
        .add("opened", outcome.connected().size())
        .add("still_connected", still)
        .toString();
  }
}
