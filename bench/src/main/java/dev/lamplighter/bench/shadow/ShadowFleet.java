package dev.lamplighter.bench.shadow;

import dev.lamplighter.bench.broker.Connector;
import dev.lamplighter.bench.fleet.DeviceSetup;
import dev.lamplighter.bench.load.ThingNames;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * The suite's devices, registered and connected: things named as the load generator's seeded things
 * ({@code bench-thing-000} …), so that GetThingShadow and DescribeThing later read the same things,
 * each with its own certificate and {@value ShadowNames#DEVICE_POLICY}, connected with mutual TLS
 * and subscribed; {@code setupLine} is the {@code shadow-setup …} result line.
 */
record ShadowFleet(List<ShadowDevice> devices, String setupLine) {
  private static final Logger LOG = LoggerFactory.getLogger(ShadowFleet.class);

  static ShadowFleet create(IotClient iot, URI api, int mqttPort, int count, int concurrency)
      throws InterruptedException {
    DeviceSetup<ShadowDevice> setup =
        DeviceSetup.run(
            iot,
            api,
            mqttPort,
            count,
            ThingNames::seeded,
            new DeviceSetup.Policy(ShadowNames.DEVICE_POLICY, ShadowNames.devicePolicy()),
            concurrency,
            (client, name) -> {},
            new DeviceSetup.Devices<>(ShadowDevice::new, ShadowDevice::subscribe),
            "shadow-setup");
    String line =
        setup
            .line()
            .put("policy", ShadowNames.DEVICE_POLICY + "(own_shadow_topics+own_echo_topic)")
            .toString();
    LOG.info("shadow: {}", line);
    return new ShadowFleet(setup.devices(), line);
  }

  void close() {
    Connector.closeAll(devices.stream().map(ShadowDevice::client).toList());
  }
}
