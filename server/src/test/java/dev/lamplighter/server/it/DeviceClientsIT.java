package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.server.it.MqttDevices.Device;
import dev.lamplighter.testkit.DeviceTls;
import java.nio.charset.StandardCharsets;
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
 * for Java v2 (AWS's CRT, its own TLS stack) and Eclipse Paho. Mosquitto's command-line clients are
 * exercised by docs/examples/mosquitto-device.sh: they are not a Maven artifact.
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
        (topic, message) ->
            received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));
    client.publish("lights/lamp-7/cmd", "dim".getBytes(StandardCharsets.UTF_8), 1, false);
    assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("lights/lamp-7/cmd dim");
    client.disconnect();
    client.close();
  }
}
