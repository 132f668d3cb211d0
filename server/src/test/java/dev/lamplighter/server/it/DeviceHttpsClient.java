package dev.lamplighter.server.it;

import dev.lamplighter.server.it.MqttDevices.Device;
import dev.lamplighter.testkit.DeviceTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * A device calling the data-plane port over HTTPS with its own certificate, trusting the server's
 * root CA, as a device uses AWS IoT's device APIs over HTTPS.
 */
final class DeviceHttpsClient {
  private final HttpClient client;
  private final int port;

  DeviceHttpsClient(MqttDevices devices, Device device, int port) throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(
        DeviceTls.keyManager(device.certificatePem(), device.privateKeyPem()).getKeyManagers(),
        DeviceTls.trustManager(devices.rootCaPem()).getTrustManagers(),
        null);
    this.client =
        HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
    this.port = port;
  }

  /** Sends {@code body} (or none when null) to {@code path} and its query. */
  HttpResponse<String> send(String method, String path, String body) throws Exception {
    URI uri = URI.create("https://localhost:" + port + path);
    HttpRequest.BodyPublisher publisher =
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body);
    return client.send(
        HttpRequest.newBuilder(uri).method(method, publisher).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
