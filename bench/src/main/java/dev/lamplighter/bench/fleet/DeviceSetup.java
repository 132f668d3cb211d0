package dev.lamplighter.bench.fleet;

import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import dev.lamplighter.bench.broker.DeviceKeys;
import dev.lamplighter.bench.groups.RawLine;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * A fleet made ready: every device registered ({@link DeviceRegistration}), connected ({@link
 * DeviceConnections}) and subscribed as its suite subscribes it.
 *
 * @param devices the suite's devices, in the order of the names
 * @param caPem the server's root CA, for further clients of the suite
 * @param line the setup's result line (how long each part took, the CONNACK latencies); setup, not
 *     a figure: it says what the figures stood on. A suite may add its own fields.
 */
public record DeviceSetup<D>(List<D> devices, String caPem, RawLine line) {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceSetup.class);

  /** What a suite does with its devices: make one per connected client, and subscribe it. */
  public record Devices<D>(
      BiFunction<String, Mqtt3AsyncClient, D> make,
      Function<D, CompletableFuture<Void>> subscribe) {}

  /** The policy every device's certificate gets: its name and document. */
  public record Policy(String name, String document) {}

  /**
   * Creates the policy, registers {@code count} things named by {@code thingName} with it ({@code
   * concurrency} at once, {@code then} after each), connects them and subscribes every device; the
   * line is of kind {@code kind}.
   */
  public static <D> DeviceSetup<D> run(
      IotClient iot,
      URI api,
      int mqttPort,
      int count,
      IntFunction<String> thingName,
      Policy policy,
      int concurrency,
      DeviceRegistration.ThingStep then,
      Devices<D> suite,
      String kind)
      throws InterruptedException {
    String caPem = DeviceRegistration.rootCa(api);
    long started = System.nanoTime();
    iot.createPolicy(b -> b.policyName(policy.name()).policyDocument(policy.document()));
    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(thingName.apply(i));
    }
    LOG.info(
        "registering {} things with their own certificates, {} at once", names.size(), concurrency);
    List<DeviceKeys.Credential> credentials =
        DeviceRegistration.register(iot, names, policy.name(), concurrency, then);
    long registered = System.nanoTime();
    LOG.info("connecting {} devices over mutual TLS", names.size());
    DeviceConnections connections = DeviceConnections.connect(mqttPort, caPem, credentials, names);
    long connected = System.nanoTime();
    List<D> devices = new ArrayList<>(names.size());
    List<CompletableFuture<Void>> subscribed = new ArrayList<>(names.size());
    for (String name : names) {
      D device = suite.make().apply(name, connections.byName().get(name));
      devices.add(device);
      subscribed.add(suite.subscribe().apply(device));
    }
    try {
      CompletableFuture.allOf(subscribed.toArray(CompletableFuture[]::new))
          .get(2, TimeUnit.MINUTES);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("devices failed to subscribe", e);
    }
    long subscribedAt = System.nanoTime();
    RawLine line =
        new RawLine(kind)
            .put("devices", names.size())
            .put("workers", concurrency)
            .put("register_ms", TimeUnit.NANOSECONDS.toMillis(registered - started))
            .put("connect_ms", TimeUnit.NANOSECONDS.toMillis(connected - registered))
            .put("subscribe_ms", TimeUnit.NANOSECONDS.toMillis(subscribedAt - connected))
            .number("connect_p50_ms", connections.outcome().latencies().percentileMillis(50), 1)
            .number("connect_p99_ms", connections.outcome().latencies().percentileMillis(99), 1);
    return new DeviceSetup<>(devices, caPem, line);
  }
}
