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
 * The devices' TLS material for one broker ({@link BrokerSetup} wrote it, or the jobs suite made it
 * in memory) and the MQTT 3.1.1 clients built from it. Client {@code i} presents certificate {@code
 * i mod N}: in the broker suite many connections share a certificate, each with its own client id;
 * the jobs suite gives every device its own.
 *
 * <p>The HiveMQ client builds a TLS context per client from these factories, so no two connections
 * share a TLS session cache: every connect is a full handshake, for both brokers alike. All clients
 * share the HiveMQ client's default Netty event loop and callback scheduler.
 */
public final class DeviceKeys {
  private final int port;
  private final List<MqttClientSslConfig> configs;

  private DeviceKeys(int port, List<MqttClientSslConfig> configs) {
    this.port = port;
    this.configs = configs;
  }

  static DeviceKeys read(Path dir, int certificates, int port) throws IOException {
    List<Credential> credentials = new ArrayList<>();
    for (int i = 0; i < certificates; i++) {
      credentials.add(
          new Credential(
              read(dir.resolve("client-" + i + ".pem")),
              read(dir.resolve("client-" + i + ".key"))));
    }
    return of(port, read(dir.resolve("ca.pem")), credentials);
  }

  /** A device certificate and its private key, both PEM. */
  public record Credential(String certificatePem, String privateKeyPem) {}

  /**
   * The devices of a broker on 127.0.0.1:{@code port} that trusts {@code caPem}: client {@code i}
   * presents {@code credentials[i mod N]}.
   */
  public static DeviceKeys of(int port, String caPem, List<Credential> credentials) {
    TrustManagerFactory trust = DeviceTls.trustManager(caPem);
    List<MqttClientSslConfig> configs = new ArrayList<>(credentials.size());
    for (Credential credential : credentials) {
      configs.add(
          MqttClientSslConfig.builder()
              .keyManagerFactory(
                  DeviceTls.keyManager(credential.certificatePem(), credential.privateKeyPem()))
              .trustManagerFactory(trust)
              .protocols(List.of("TLSv1.3", "TLSv1.2"))
              .build());
    }
    return new DeviceKeys(port, List.copyOf(configs));
  }

  /** A client not yet connected, with {@code clientId}, presenting certificate {@code i mod N}. */
  public Mqtt3AsyncClient client(String clientId, int i) {
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
