package dev.lamplighter.bench.fleet;

import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import dev.lamplighter.bench.broker.Connector;
import dev.lamplighter.bench.broker.DeviceKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Connects registered devices with mutual TLS, each with its thing name as client id, 32 connects
 * in progress at once (the broker suite's {@link Connector}).
 *
 * @param byName the connected clients by thing name
 * @param outcome the connects' outcome, with their CONNACK latencies
 */
public record DeviceConnections(Map<String, Mqtt3AsyncClient> byName, Connector.Outcome outcome) {
  private static final int CONNECT_CONCURRENCY = 32;

  /** Long enough that no ping is needed while a suite runs. */
  public static final int KEEP_ALIVE_SECONDS = 300;

  /**
   * Connects a client per name with the credential at the same position.
   *
   * @throws IllegalStateException when any connect failed (the others are closed first)
   */
  public static DeviceConnections connect(
      int mqttPort, String caPem, List<DeviceKeys.Credential> credentials, List<String> names)
      throws InterruptedException {
    Connector.Outcome outcome =
        Connector.connect(
            DeviceKeys.of(mqttPort, caPem, credentials),
            names,
            CONNECT_CONCURRENCY,
            KEEP_ALIVE_SECONDS,
            false);
    if (outcome.failures() > 0) {
      Connector.closeAll(outcome.connected());
      throw new IllegalStateException(
          outcome.failures() + " devices failed to connect: " + outcome.firstError());
    }
    Map<String, Mqtt3AsyncClient> byName = new HashMap<>();
    for (Mqtt3AsyncClient client : outcome.connected()) {
      byName.put(client.getConfig().getClientIdentifier().orElseThrow().toString(), client);
    }
    return new DeviceConnections(byName, outcome);
  }
}
