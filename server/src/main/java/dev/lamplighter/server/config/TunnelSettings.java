package dev.lamplighter.server.config;

import dev.lamplighter.core.config.Setting;
import dev.lamplighter.core.config.Settings;
import dev.lamplighter.relay.RelaySettings;
import java.util.List;

/** The secure-tunneling relay's limits on the data-plane port. */
public final class TunnelSettings {
  public static final Setting<Integer> MAX_BANDWIDTH =
      Setting.integer(
          "tunnel-max-bandwidth-kib",
          0,
          0,
          Integer.MAX_VALUE,
          "Most KiB per second each tunnel client may send through the relay (0: no limit)");
  public static final Setting<java.time.Duration> IDLE_TIMEOUT =
      Setting.duration(
          "tunnel-idle-timeout",
          "90s",
          "How long a tunnel client may send nothing, not even a ping, before it is dropped");

  private TunnelSettings() {}

  public static List<Setting<?>> all() {
    return List.of(MAX_BANDWIDTH, IDLE_TIMEOUT);
  }

  public static RelaySettings relay(Settings settings) {
    return new RelaySettings(1024L * settings.get(MAX_BANDWIDTH), settings.get(IDLE_TIMEOUT));
  }
}
