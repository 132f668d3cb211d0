package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import dev.lamplighter.server.it.MqttDevices.Device;
import dev.lamplighter.testkit.DeviceTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.crt.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.QualityOfService;
import software.amazon.awssdk.iot.AwsIotMqttConnectionBuilder;

/**
 * MQTT over WebSocket on the data-plane port, signed with an access key as AWS IoT's browser apps
 * and SDKs sign it: the AWS IoT Device SDK's WebSocket connection and a plain Paho client with a
 * presigned URL meet TLS devices of the same account and region on the same broker; unsigned,
 * wrongly signed, expired and non-MQTT upgrades are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MqttOverWebSocketIT {
  private static final String REGION = "eu-west-1";

  private TestServer server;
  private MqttDevices devices;
  private Device lamp;
  private SSLContext trustServer;
  private final List<AutoCloseable> opened = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    server = TestServer.start();
    devices = new MqttDevices(server);
    devices.createPolicy("own-topics", Policies.OWN_TOPICS);
    lamp = devices.register("lamp-ws", "own-topics");
    trustServer = SSLContext.getInstance("TLS");
    trustServer.init(null, DeviceTls.trustManager(devices.rootCaPem()).getTrustManagers(), null);
  }

  @AfterEach
  void closeClients() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
    opened.clear();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private int dataPort() {
    return server.server().dataPort();
  }

  @Test
  void deviceSdkOverWebSocket_signedWithAnAccessKey_roundTripsWithATlsDevice() throws Exception {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    MqttClientConnection app = deviceSdkOverWebSocket("sdk-app");
    app.subscribe(
            "lights/#",
            QualityOfService.AT_LEAST_ONCE,
            message ->
                received.add(
                    message.getTopic()
                        + " "
                        + new String(message.getPayload(), StandardCharsets.UTF_8)))
        .get(20, TimeUnit.SECONDS);

    Mqtt3BlockingClient device = devices.v3(lamp);
    device.connect();
    opened.add(device::disconnect);
    try (Mqtt3BlockingClient.Mqtt3Publishes publishes =
        device.publishes(MqttGlobalPublishFilter.ALL)) {
      device.subscribeWith().topicFilter("lights/lamp-ws/set").qos(MqttQos.AT_LEAST_ONCE).send();
      device
          .publishWith()
          .topic("lights/lamp-ws/state")
          .payload("on".getBytes(StandardCharsets.UTF_8))
          .qos(MqttQos.AT_LEAST_ONCE)
          .send();
      assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("lights/lamp-ws/state on");

      app.publish(
              new software.amazon.awssdk.crt.mqtt.MqttMessage(
                  "lights/lamp-ws/set",
                  "off".getBytes(StandardCharsets.UTF_8),
                  QualityOfService.AT_LEAST_ONCE))
          .get(20, TimeUnit.SECONDS);
      Mqtt3Publish command = publishes.receive(10, TimeUnit.SECONDS).orElseThrow();
      assertThat(new String(command.getPayloadAsBytes(), StandardCharsets.UTF_8)).isEqualTo("off");
    }
  }

  @Test
  void pahoWithAPresignedUrl_roundTripsWithATlsDevice_andSeesItsLifecycleEvents() throws Exception {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    MqttClient app =
        paho(
            WebSocketUrls.presign(
                dataPort(),
                TestServer.ROOT_KEY,
                TestServer.ROOT_SECRET,
                REGION,
                Instant.now(),
                "a-session-token-appended-after-signing"),
            "paho-app");
    app.subscribe(
        new String[] {"lights/#", "$aws/events/presence/connected/lamp-ws"},
        new int[] {1, 1},
        new org.eclipse.paho.client.mqttv3.IMqttMessageListener[] {
          (topic, message) -> received.add(topic + " " + new String(message.getPayload())),
          (topic, message) -> received.add(topic)
        });

    Mqtt3BlockingClient device = devices.v3(lamp);
    device.connect();
    opened.add(device::disconnect);
    assertThat(received.poll(10, TimeUnit.SECONDS))
        .as("the TLS device's lifecycle event, in the signer's account and region")
        .isEqualTo("$aws/events/presence/connected/lamp-ws");
    try (Mqtt3BlockingClient.Mqtt3Publishes publishes =
        device.publishes(MqttGlobalPublishFilter.ALL)) {
      device.subscribeWith().topicFilter("lights/lamp-ws/set").qos(MqttQos.AT_LEAST_ONCE).send();
      device
          .publishWith()
          .topic("lights/lamp-ws/state")
          .payload("dim".getBytes(StandardCharsets.UTF_8))
          .qos(MqttQos.AT_LEAST_ONCE)
          .send();
      assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("lights/lamp-ws/state dim");

      app.publish("lights/lamp-ws/set", new MqttMessage("bright".getBytes(StandardCharsets.UTF_8)));
      Mqtt3Publish command = publishes.receive(10, TimeUnit.SECONDS).orElseThrow();
      assertThat(new String(command.getPayloadAsBytes(), StandardCharsets.UTF_8))
          .isEqualTo("bright");
    }
  }

  @Test
  void badUpgrades_areRefused() {
    Instant now = Instant.now();
    String signed =
        WebSocketUrls.presign(
            dataPort(), TestServer.ROOT_KEY, TestServer.ROOT_SECRET, REGION, now, null);

    assertThat(refusedStatus("wss://localhost:" + dataPort() + "/mqtt", "mqtt"))
        .as("no signature")
        .isEqualTo(403);
    assertThat(
            refusedStatus(
                signed.replaceAll("X-Amz-Signature=[0-9a-f]+", "X-Amz-Signature=" + "0".repeat(64)),
                "mqtt"))
        .as("a wrong signature")
        .isEqualTo(403);
    assertThat(
            refusedStatus(
                WebSocketUrls.presign(
                    dataPort(), TestServer.ROOT_KEY, "not-the-secret", REGION, now, null),
                "mqtt"))
        .as("signed with another secret")
        .isEqualTo(403);
    assertThat(
            refusedStatus(
                WebSocketUrls.presign(
                    dataPort(),
                    TestServer.ROOT_KEY,
                    TestServer.ROOT_SECRET,
                    REGION,
                    now.minus(Duration.ofHours(1)),
                    null),
                "mqtt"))
        .as("signed an hour ago")
        .isEqualTo(403);
    assertThat(refusedStatus(signed, "aws.iot.securetunneling-3.0"))
        .as("not an MQTT subprotocol")
        .isEqualTo(400);
  }

  @Test
  void mqttv31Subprotocol_isAccepted() throws Exception {
    String signed =
        WebSocketUrls.presign(
            dataPort(), TestServer.ROOT_KEY, TestServer.ROOT_SECRET, REGION, Instant.now(), null);
    WebSocket socket =
        https()
            .newWebSocketBuilder()
            .subprotocols("mqttv3.1")
            .buildAsync(URI.create(signed), new WebSocket.Listener() {})
            .get(20, TimeUnit.SECONDS);
    opened.add(socket::abort);
    assertThat(socket.getSubprotocol()).isEqualTo("mqttv3.1");
  }

  private HttpClient https() {
    return HttpClient.newBuilder().sslContext(trustServer).build();
  }

  private int refusedStatus(String url, String subprotocol) {
    try {
      WebSocket socket =
          https()
              .newWebSocketBuilder()
              .subprotocols(subprotocol)
              .buildAsync(URI.create(url), new WebSocket.Listener() {})
              .join();
      socket.abort();
    } catch (CompletionException e) {
      assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
      return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
    }
    throw new AssertionError("the upgrade was accepted");
  }

  private MqttClientConnection deviceSdkOverWebSocket(String clientId) throws Exception {
    StaticCredentialsProvider credentials =
        new StaticCredentialsProvider.StaticCredentialsProviderBuilder()
            .withAccessKeyId(TestServer.ROOT_KEY.getBytes(StandardCharsets.UTF_8))
            .withSecretAccessKey(TestServer.ROOT_SECRET.getBytes(StandardCharsets.UTF_8))
            .build();
    opened.add(credentials::close);
    try (AwsIotMqttConnectionBuilder builder = AwsIotMqttConnectionBuilder.newDefaultBuilder()) {
      builder
          .withWebsockets(true)
          .withWebsocketCredentialsProvider(credentials)
          .withWebsocketSigningRegion(REGION)
          .withCertificateAuthority(devices.rootCaPem())
          .withEndpoint("localhost")
          .withPort(dataPort())
          .withClientId(clientId)
          .withCleanSession(true);
      MqttClientConnection connection = builder.build();
      opened.add(
          () -> {
            connection.disconnect().get(10, TimeUnit.SECONDS);
            connection.close();
          });
      connection.connect().get(20, TimeUnit.SECONDS);
      return connection;
    }
  }

  private MqttClient paho(String url, String clientId) throws Exception {
    MqttClient client = new MqttClient(url, clientId, new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setSocketFactory(trustServer.getSocketFactory());
    options.setCleanSession(true);
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    client.connect(options);
    opened.add(
        () -> {
          client.disconnect();
          client.close();
        });
    return client;
  }
}
