package dev.lamplighter.server.it;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import dev.lamplighter.testkit.DeviceTls;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.awaitility.Awaitility;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.iot.AwsIotMqttConnectionBuilder;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CreateKeysAndCertificateResponse;

/**
 * Devices of the integration tests: each is a thing with its own certificate (from
 * CreateKeysAndCertificate), a policy attached to the certificate and the thing attached to it,
 * connecting with mutual TLS and trusting the server's root CA as a real device would.
 */
final class MqttDevices {
  /** A registered device's credentials. */
  record Device(
      String name,
      String certificateArn,
      String certificateId,
      String certificatePem,
      String privateKeyPem) {}

  private final IotClient iot;
  private final String rootCaPem;
  private final IntSupplier port;

  /** Devices of an in-process server, once its device listener has its certificate. */
  MqttDevices(TestServer server) {
    this(server.iot(), server.endpoint(), () -> server.server().mqttPort());
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> server.server().deviceTlsReady());
  }

  /**
   * Devices of any server: the AWS SDK client, the API endpoint (for the root CA) and the MQTT
   * port, asked on each connection (a restarted server listens on another port).
   */
  MqttDevices(IotClient iot, URI endpoint, IntSupplier port) {
    this.iot = iot;
    this.rootCaPem = fetch(endpoint.resolve("/root-ca.pem"));
    this.port = port;
  }

  IotClient iot() {
    return iot;
  }

  String rootCaPem() {
    return rootCaPem;
  }

  int port() {
    return port.getAsInt();
  }

  /** Registers a thing with an active certificate and {@code policyName} attached to it. */
  Device register(String thingName, String policyName) {
    iot.createThing(b -> b.thingName(thingName));
    CreateKeysAndCertificateResponse keys = iot.createKeysAndCertificate(b -> b.setAsActive(true));
    iot.attachPolicy(b -> b.policyName(policyName).target(keys.certificateArn()));
    iot.attachThingPrincipal(b -> b.thingName(thingName).principal(keys.certificateArn()));
    return new Device(
        thingName,
        keys.certificateArn(),
        keys.certificateId(),
        keys.certificatePem(),
        keys.keyPair().privateKey());
  }

  void createPolicy(String name, String document) {
    iot.createPolicy(b -> b.policyName(name).policyDocument(document));
  }

  MqttClientSslConfig tls(Device device) {
    return MqttClientSslConfig.builder()
        .keyManagerFactory(DeviceTls.keyManager(device.certificatePem(), device.privateKeyPem()))
        .trustManagerFactory(DeviceTls.trustManager(rootCaPem))
        .build();
  }

  /**
   * An MQTT 3.1.1 client of {@code device}, not yet connected, using the thing name as client id.
   */
  Mqtt3BlockingClient v3(Device device) {
    return Mqtt3Client.builder()
        .identifier(device.name())
        .serverHost("127.0.0.1")
        .serverPort(port())
        .sslConfig(tls(device))
        .buildBlocking();
  }

  /**
   * The device connected with the AWS IoT Device SDK for Java v2 (AWS's CRT with its own TLS), with
   * a clean session and its thing name as client id.
   */
  MqttClientConnection deviceSdk(Device device) throws Exception {
    try (AwsIotMqttConnectionBuilder builder =
        AwsIotMqttConnectionBuilder.newMtlsBuilder(
            device.certificatePem(), device.privateKeyPem())) {
      builder
          .withCertificateAuthority(rootCaPem)
          .withEndpoint("localhost")
          .withPort(port())
          .withClientId(device.name())
          .withCleanSession(true);
      MqttClientConnection connection = builder.build();
      connection.connect().get(20, TimeUnit.SECONDS);
      return connection;
    }
  }

  /** An MQTT 5 client of {@code device}, not yet connected. */
  Mqtt5BlockingClient v5(Device device) {
    return Mqtt5Client.builder()
        .identifier(device.name())
        .serverHost("127.0.0.1")
        .serverPort(port())
        .sslConfig(tls(device))
        .buildBlocking();
  }

  private static String fetch(URI uri) {
    try {
      return HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
