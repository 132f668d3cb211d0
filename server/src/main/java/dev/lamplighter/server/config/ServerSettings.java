package dev.lamplighter.server.config;

import dev.lamplighter.core.config.Setting;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The server's own settings: listeners, data directory, shutdown. */
public final class ServerSettings {
  public static final Setting<Path> CONFIG =
      Setting.path("config", null, "Configuration file of 'key = value' lines");
  public static final Setting<Integer> API_PORT =
      Setting.port("api-port", 8080, "Port of the control-plane HTTP API (0 picks a free port)");
  public static final Setting<Integer> MQTT_PORT =
      Setting.port("mqtt-port", 8883, "Port of the MQTT over TLS listener (0 picks a free port)");
  public static final Setting<Integer> DATA_PORT =
      Setting.port(
          "data-port", 8443, "Port of the data-plane HTTPS/WSS listener (0 picks a free port)");
  public static final Setting<String> BIND =
      Setting.text(
              "bind",
              "127.0.0.1",
              "Address the listeners bind to; 0.0.0.0 accepts connections on every interface")
          .validatedBy(ServerSettings::resolvable);
  public static final Setting<String> HOSTNAME =
      Setting.text(
          "hostname",
          null,
          "Comma-separated host names and addresses the server's TLS certificate is issued for"
              + " (default: localhost, 127.0.0.1 and this machine's host name)");
  public static final Setting<Path> DATA_DIR =
      Setting.path("data-dir", "./data", "Data directory, created with mode 0700");
  public static final Setting<Duration> SHUTDOWN_TIMEOUT =
      Setting.duration(
          "shutdown-timeout", "10s", "How long a stopping server lets requests in flight finish");

  private ServerSettings() {}

  public static List<Setting<?>> all() {
    return List.of(
        CONFIG, API_PORT, MQTT_PORT, DATA_PORT, BIND, HOSTNAME, DATA_DIR, SHUTDOWN_TIMEOUT);
  }

  /** The settings every command that opens the data directory needs. */
  public static List<Setting<?>> dataDirectory() {
    return List.of(CONFIG, DATA_DIR);
  }

  private static String resolvable(String host) {
    try {
      InetAddress.getByName(host);
      return host;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address or a resolvable host name");
    }
  }
}
