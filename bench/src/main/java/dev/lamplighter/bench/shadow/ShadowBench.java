package dev.lamplighter.bench.shadow;

import dev.lamplighter.bench.StepMain;
import dev.lamplighter.bench.fleet.ControlPlaneClient;
import dev.lamplighter.bench.groups.SignedClient;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * One step of the shadow suite; prints its result lines on standard output, diagnostics on standard
 * error. Usage: {@link ShadowOptions#USAGE}.
 *
 * <ul>
 *   <li>{@code devices}: registers and connects the devices ({@link ShadowFleet}), then shadow
 *       updates over MQTT against the broker's QoS 1 round trip ({@link MqttRounds});
 *   <li>{@code searchable}: update to searchable in the fleet index ({@link SearchableProbe}).
 * </ul>
 *
 * <p>Exits 2 on a bad command line, 1 when a step cannot be carried out.
 */
public final class ShadowBench {
  private static final Logger LOG = LoggerFactory.getLogger(ShadowBench.class);

  private ShadowBench() {}

  public static void main(String[] args) {
    StepMain.run(LOG, args, ShadowOptions::parse, ShadowOptions::step, ShadowBench::run);
  }

  private static List<String> run(ShadowOptions options) throws Exception {
    if (options.step() == ShadowOptions.Step.SEARCHABLE) {
      return List.of(
          new SearchableProbe(
                  new SignedClient(options.target()),
                  new SignedClient(options.target(), "iotdata"),
                  options.count())
              .run(options.samples()));
    }
    try (IotClient iot =
        ControlPlaneClient.of(options.target(), Math.max(64, options.concurrency() * 2))) {
      ShadowFleet fleet =
          ShadowFleet.create(
              iot, options.target(), options.mqttPort(), options.count(), options.concurrency());
      try {
        List<String> lines = new ArrayList<>();
        lines.add(fleet.setupLine());
        lines.addAll(
            new MqttRounds(fleet, options.targetPid())
                .run(options.warmUp(), options.measure(), options.rounds()));
        return lines;
      } finally {
        fleet.close();
      }
    }
  }
}
