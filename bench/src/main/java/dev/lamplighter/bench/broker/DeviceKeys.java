package dev.lamplighter.bench.broker;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import dev.lamplighter.testkit.DeviceTls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;

/**
 * The devices' TLS material for one broker ({@link BrokerSetup} wrote it) and the MQTT 3.1.1
 * clients built from it. Client {@code i} presents certificate {@code i mod N}: many connections
 * share a certificate, each with its own client id.
 *
 * <p>The HiveMQ client builds a TLS context per client from these factories, so no two connections
 * share a TLS session cache: every connect is a full handshake, for both brokers alike. All clients
 * share the HiveMQ client's default Netty event loop and callback scheduler.
 */
final class DeviceKeys {
  private final int port;
  private final List<MqttClientSslConfig> configs;

  private DeviceKeys(int port, List<MqttClientSslConfig> configs) {
    this.port = port;
    this.configs = configs;
  }

  static DeviceKeys read(Path dir, int certificates, int port) throws IOException {
    TrustManagerFactory trust = DeviceTls.trustManager(read(dir.resolve("ca.pem")));
    List<MqttClientSslConfig> configs = new ArrayList<>();
    for (int i = 0; i < certificates; i++) {
      configs.add(
          MqttClientSslConfig.builder()
              .keyManagerFactory(
                  DeviceTls.keyManager(
                      read(dir.resolve("client-" + i + ".pem")),
                      read(dir.resolve("client-" + i + ".key"))))
              .trustManagerFactory(trust)
              .protocols(List.of("TLSv1.3", "TLSv1.2"))
              .build());
    }
    return new DeviceKeys(port, List.copyOf(configs));
  }

  /** A client not yet connected, with {@code clientId}, presenting certificate {@code i mod N}. */
  Mqtt3AsyncClient client(String clientId, int i) {
    return MqttClient.builder()
        .useMqttVersion3()
        .identifier(clientId)
        .serverHost("127.0.0.1")
        .serverPort(port)
        .sslConfig(configs.get(Math.floorMod(i, configs.size())))
        .buildAsync();
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.US_ASCII);
  }
}
