package dev.lamplighter.bench.jobs;

import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import dev.lamplighter.bench.broker.BrokerPki;
import dev.lamplighter.bench.broker.Connector;
import dev.lamplighter.bench.broker.DeviceKeys;
import dev.lamplighter.bench.groups.RawLine;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CreateCertificateFromCsrResponse;

/**
 * The devices of figure 2 and the peers' publisher, registered through the AWS SDK and connected.
 *
 * <p>Every device is a thing with its own certificate: a P-256 key made here, whose CSR
 * CreateCertificateFromCsr turns into an active certificate signed by the server's CA (the broker
 * suite's way, one certificate per device instead of four shared), with the policy {@value
 * JobsNames#DEVICE_POLICY} attached to the certificate, the thing attached to it, and the thing
 * added to the group {@value JobsNames#DEVICE_GROUP} the jobs target. {@code concurrency} devices
 * are registered at once, each with its five calls in turn. Then every device connects with mutual
 * TLS, its thing name as client id (32 connects in progress at once), and subscribes ({@link
 * JobDevice}). The publisher has a certificate of its own with {@value JobsNames#BACKEND_POLICY}
 * and no thing.
 */
final class DeviceFleet {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceFleet.class);
  private static final int CONNECT_CONCURRENCY = 32;
  private static final int KEEP_ALIVE_SECONDS = 300;

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
    String caPem = rootCa(api);
    long started = System.nanoTime();
    iot.createPolicy(
        b -> b.policyName(JobsNames.DEVICE_POLICY).policyDocument(JobsNames.devicePolicy()));
    iot.createPolicy(
        b -> b.policyName(JobsNames.BACKEND_POLICY).policyDocument(JobsNames.backendPolicy()));
    iot.createThingGroup(b -> b.thingGroupName(JobsNames.DEVICE_GROUP));
    LOG.info(
        "devices: registering {} things with their own certificates, {} at once",
        count,
        concurrency);
    List<DeviceKeys.Credential> credentials = register(iot, count, concurrency);
    DeviceKeys.Credential backendCredential =
        certificate(iot, JobsNames.BACKEND_CLIENT, JobsNames.BACKEND_POLICY);
    long registered = System.nanoTime();

    List<String> names = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      names.add(JobsNames.device(i));
    }
    LOG.info("devices: connecting {} devices over mutual TLS", count);
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
    long connected = System.nanoTime();

    Map<String, Mqtt3AsyncClient> byName = new HashMap<>();
    for (Mqtt3AsyncClient client : outcome.connected()) {
      byName.put(client.getConfig().getClientIdentifier().orElseThrow().toString(), client);
    }
    List<JobDevice> devices = new ArrayList<>(count);
    List<CompletableFuture<Void>> subscribed = new ArrayList<>(count);
    for (String name : names) {
      JobDevice device = new JobDevice(name, byName.get(name), board);
      devices.add(device);
      subscribed.add(device.subscribe(jobIds));
    }
    try {
      CompletableFuture.allOf(subscribed.toArray(CompletableFuture[]::new))
          .get(2, TimeUnit.MINUTES);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("devices failed to subscribe", e);
    }
    long subscribedAt = System.nanoTime();

    Connector.Outcome backend =
        Connector.connect(
            DeviceKeys.of(mqttPort, caPem, List.of(backendCredential)),
            List.of(JobsNames.BACKEND_CLIENT),
            1,
            KEEP_ALIVE_SECONDS,
            false);
    if (backend.failures() > 0) {
      throw new IllegalStateException("the publisher failed to connect: " + backend.firstError());
    }
    String line =
        new RawLine("device-setup")
            .put("devices", count)
            .put("workers", concurrency)
            .put("register_ms", TimeUnit.NANOSECONDS.toMillis(registered - started))
            .put("connect_ms", TimeUnit.NANOSECONDS.toMillis(connected - registered))
            .put("subscribe_ms", TimeUnit.NANOSECONDS.toMillis(subscribedAt - connected))
            .number("connect_p50_ms", outcome.latencies().percentileMillis(50), 1)
            .number("connect_p99_ms", outcome.latencies().percentileMillis(99), 1)
            .put("subscriptions_per_device", 5 + 2 * jobIds.size())
            .put("certificates", "own_P-256_per_device(CreateCertificateFromCsr)")
            .toString();
    LOG.info("devices: {}", line);
    return new DeviceFleet(devices, backend.connected().get(0), line);
  }

  /** Registers the devices, {@code concurrency} at once; their credentials in device order. */
  private static List<DeviceKeys.Credential> register(IotClient iot, int count, int concurrency)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<DeviceKeys.Credential>> futures = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String name = JobsNames.device(i);
        futures.add(
            pool.submit(
                () -> {
                  iot.createThing(b -> b.thingName(name));
                  DeviceKeys.Credential credential =
                      certificate(iot, name, JobsNames.DEVICE_POLICY);
                  iot.addThingToThingGroup(
                      b -> b.thingGroupName(JobsNames.DEVICE_GROUP).thingName(name));
                  return credential;
                }));
      }
      List<DeviceKeys.Credential> credentials = new ArrayList<>(count);
      for (Future<DeviceKeys.Credential> future : futures) {
        try {
          credentials.add(future.get());
        } catch (ExecutionException e) {
          throw new IllegalStateException("registering a device failed", e.getCause());
        }
      }
      return credentials;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A new active certificate for a P-256 key made here (CSR subject {@code CN=name}), with {@code
   * policy} attached; attached to the thing {@code name} too unless it is the publisher.
   */
  private static DeviceKeys.Credential certificate(IotClient iot, String name, String policy) {
    KeyPair keys = BrokerPki.p256();
    String csr = BrokerPki.csrPem(keys, name);
    CreateCertificateFromCsrResponse created =
        iot.createCertificateFromCsr(b -> b.certificateSigningRequest(csr).setAsActive(true));
    iot.attachPolicy(b -> b.policyName(policy).target(created.certificateArn()));
    if (!name.equals(JobsNames.BACKEND_CLIENT)) {
      iot.attachThingPrincipal(b -> b.thingName(name).principal(created.certificateArn()));
    }
    return new DeviceKeys.Credential(
        created.certificatePem(), BrokerPki.privateKeyPem(keys.getPrivate()));
  }

  private static String rootCa(URI api) throws InterruptedException {
    try {
      HttpResponse<String> ca =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(api.resolve("/root-ca.pem")).build(),
                  HttpResponse.BodyHandlers.ofString());
      if (ca.statusCode() != 200) {
        throw new IllegalStateException("GET /root-ca.pem answered " + ca.statusCode());
      }
      return ca.body();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the server's root CA", e);
    }
  }

  /** Disconnects every device and the publisher. */
  void close() {
    List<Mqtt3AsyncClient> clients = new ArrayList<>(devices.size() + 1);
    devices.forEach(d -> clients.add(d.client()));
    clients.add(backend);
    Connector.closeAll(clients);
  }
}
