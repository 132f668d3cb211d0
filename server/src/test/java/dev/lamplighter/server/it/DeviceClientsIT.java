package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.server.it.MqttDevices.Device;
import dev.lamplighter.testkit.DeviceTls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.MqttMessage;
import software.amazon.awssdk.crt.mqtt.QualityOfService;
import software.amazon.awssdk.iot.AwsIotMqttConnectionBuilder;

/**
 * The clients devices really use, with the credentials the AWS SDK created: the AWS IoT Device SDK
 * for Java v2 (AWS's CRT, its own TLS stack), Eclipse Paho, and Mosquitto's command-line clients.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceClientsIT {
  private TestServer server;
  private MqttDevices devices;
  private Device lamp;

  @BeforeAll
  void start() {
    server = TestServer.start();
    devices = new MqttDevices(server);
    devices.createPolicy("own-topics", Policies.OWN_TOPICS);
    lamp = devices.register("lamp-7", "own-topics");
    devicesPort = devices.port();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void awsIotDeviceSdk_connectsWithMutualTls_andRoundTripsOnItsOwnTopic() throws Exception {
    BlockingQueue<MqttMessage> received = new ArrayBlockingQueue<>(10);
    try (AwsIotMqttConnectionBuilder builder =
        AwsIotMqttConnectionBuilder.newMtlsBuilder(lamp.certificatePem(), lamp.privateKeyPem())) {
      builder
          .withCertificateAuthority(devices.rootCaPem())
          .withEndpoint("localhost")
          .withPort(devices.port())
          .withClientId(lamp.name())
          .withCleanSession(true);
      try (MqttClientConnection connection = builder.build()) {
        connection.connect().get(20, TimeUnit.SECONDS);
        connection
            .subscribe("lights/lamp-7/state", QualityOfService.AT_LEAST_ONCE, received::add)
            .get(10, TimeUnit.SECONDS);
        connection
            .publish(
                new MqttMessage(
                    "lights/lamp-7/state",
                    "on".getBytes(StandardCharsets.UTF_8),
                    QualityOfService.AT_LEAST_ONCE))
            .get(10, TimeUnit.SECONDS);
        MqttMessage message = received.poll(10, TimeUnit.SECONDS);
        assertThat(message).isNotNull();
        assertThat(message.getTopic()).isEqualTo("lights/lamp-7/state");
        assertThat(new String(message.getPayload(), StandardCharsets.UTF_8)).isEqualTo("on");
        connection.disconnect().get(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void paho_connectsWithMutualTls_andRoundTripsOnItsOwnTopic() throws Exception {
    SSLContext tls = SSLContext.getInstance("TLSv1.3");
    tls.init(
        DeviceTls.keyManager(lamp.certificatePem(), lamp.privateKeyPem()).getKeyManagers(),
        DeviceTls.trustManager(devices.rootCaPem()).getTrustManagers(),
        null);
    MqttConnectOptions options = new MqttConnectOptions();
    options.setSocketFactory(tls.getSocketFactory());
    options.setCleanSession(true);
    MqttClient client =
        new MqttClient("ssl://localhost:" + devices.port(), lamp.name(), new MemoryPersistence());
    BlockingQueue<String> received = new ArrayBlockingQueue<>(10);
    client.connect(options);
    client.subscribe(
        "lights/lamp-7/cmd",
        1,
        (topic, message) -> received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));
    client.publish("lights/lamp-7/cmd", "dim".getBytes(StandardCharsets.UTF_8), 1, false);
    assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("lights/lamp-7/cmd dim");
    client.disconnect();
    client.close();
  }

  @Test
  void mosquittoClients_useTheDevicesFiles_andAreRefusedOtherThingsTopics() throws Exception {
    Path dir = Files.createTempDirectory("mosquitto-device");
    Path ca = Files.writeString(dir.resolve("root-ca.pem"), devices.rootCaPem());
    Device sibling = devices.register("lamp-8", "own-topics");
    List<String> asLamp = mosquittoTls(dir, ca, lamp);
    List<String> asSibling = mosquittoTls(dir, ca, sibling);

    Process publisher =
        start("mosquitto_pub", asLamp, "-t", "lights/lamp-7/greeting", "-m", "hello", "-r");
    assertThat(publisher.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(publisher.exitValue()).isZero();

    Process subscriber =
        start("mosquitto_sub", asLamp, "-t", "lights/lamp-7/greeting", "-C", "1", "-W", "20");
    assertThat(subscriber.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(output(subscriber.getInputStream()).trim()).isEqualTo("hello");

    Process intruder = start("mosquitto_sub", asSibling, "-t", "lights/lamp-7/#", "-W", "10");
    assertThat(intruder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(intruder.exitValue()).isNotZero();
    assertThat(output(intruder.getErrorStream())).contains("denied");
  }

  private static List<String> mosquittoTls(Path dir, Path ca, Device device) throws IOException {
    Path cert = Files.writeString(dir.resolve(device.name() + ".cert.pem"), device.certificatePem());
    Path key = Files.writeString(dir.resolve(device.name() + ".private.key"), device.privateKeyPem());
    return List.of(
        "-h", "localhost",
        "-p", Integer.toString(devicesPort),
        "--cafile", ca.toString(),
        "--cert", cert.toString(),
        "--key", key.toString(),
        "-i", device.name(),
        "-q", "1");
  }

  private static String output(java.io.InputStream stream) throws IOException {
    return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
  }

  private static int devicesPort;

  private static Process start(String program, List<String> common, String... own)
      throws IOException {
    List<String> command = new java.util.ArrayList<>();
    command.add(program);
    command.addAll(common);
    command.addAll(List.of(own));
    return new ProcessBuilder(command).start();
  }
}
