package dev.lamplighter.bench.jobs;

import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import dev.lamplighter.bench.broker.Connector;
import dev.lamplighter.bench.broker.DeviceKeys;
import dev.lamplighter.bench.fleet.DeviceConnections;
import dev.lamplighter.bench.fleet.DeviceRegistration;
import dev.lamplighter.bench.fleet.DeviceSetup;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iot.IotClient;

/**
 * The devices of figure 2 and the peers' publisher, registered through the AWS SDK and connected.
 *
 * <p>Every device is a thing with its own certificate ({@link DeviceRegistration}): a P-256 key
 * made here, whose CSR CreateCertificateFromCsr turns into an active certificate signed by the
 * server's CA (the broker suite's way, one certificate per device instead of four shared), with the
 * policy {@value JobsNames#DEVICE_POLICY} attached to the certificate, the thing attached to it,
 * and the thing added to the group {@value JobsNames#DEVICE_GROUP} the jobs target. {@code
 * concurrency} devices are registered at once, each with its five calls in turn. Then every device
 * connects with mutual TLS, its thing name as client id (32 connects in progress at once), and
 * subscribes ({@link JobDevice}). The publisher has a certificate of its own with {@value
 * JobsNames#BACKEND_POLICY} and no thing.
 */
final class DeviceFleet {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceFleet.class);

  private final List<JobDevice> devices;
  private final Mqtt3AsyncClient backend;
  private final String setupLine;

  private DeviceFleet(List<JobDevice> devices, Mqtt3AsyncClient backend, String setupLine) {
    this.devices = devices;
    this.backend = backend;
    this.setupLine = setupLine;
  }

  List<JobDevice> devices() {
    return devices;
  }

  Mqtt3AsyncClient backend() {
    return backend;
  }

  /** The {@code device-setup …} result line. */
  String setupLine() {
    return setupLine;
  }

  static DeviceFleet create(
      IotClient iot,
      URI api,
      int mqttPort,
      int count,
      int concurrency,
      List<String> jobIds,
      JobBoard board)
      throws InterruptedException {
    iot.createPolicy(
        b -> b.policyName(JobsNames.BACKEND_POLICY).policyDocument(JobsNames.backendPolicy()));
    iot.createThingGroup(b -> b.thingGroupName(JobsNames.DEVICE_GROUP));
    DeviceSetup<JobDevice> setup =
        DeviceSetup.run(
            iot,
            api,
            mqttPort,
            count,
            JobsNames::device,
            new DeviceSetup.Policy(JobsNames.DEVICE_POLICY, JobsNames.devicePolicy()),
            concurrency,
            (client, name) ->
                client.addThingToThingGroup(
                    b -> b.thingGroupName(JobsNames.DEVICE_GROUP).thingName(name)),
            new DeviceSetup.Devices<>(
                (name, client) -> new JobDevice(name, client, board),
                device -> device.subscribe(jobIds)),
            "device-setup");
    DeviceKeys.Credential backendCredential =
        DeviceRegistration.certificate(
            iot, JobsNames.BACKEND_CLIENT, JobsNames.BACKEND_POLICY, false);
    Mqtt3AsyncClient backend =
        DeviceConnections.connect(
                mqttPort,
                setup.caPem(),
                List.of(backendCredential),
                List.of(JobsNames.BACKEND_CLIENT))
            .byName()
            .get(JobsNames.BACKEND_CLIENT);
    String line =
        setup
            .line()
            .put("subscriptions_per_device", 5 + 2 * jobIds.size())
            .put("certificates", "own_P-256_per_device(CreateCertificateFromCsr)")
            .toString();
    LOG.info("devices: {}", line);
    return new DeviceFleet(setup.devices(), backend, line);
  }

  /** Disconnects every device and the publisher. */
  void close() {
    List<Mqtt3AsyncClient> clients = new ArrayList<>(devices.size() + 1);
    devices.forEach(d -> clients.add(d.client()));
    clients.add(backend);
    Connector.closeAll(clients);
  }
}
