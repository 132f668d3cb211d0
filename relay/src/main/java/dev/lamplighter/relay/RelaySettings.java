package dev.lamplighter.relay;

import java.time.Duration;

/**
 * The relay's limits.
 *
 * @param bandwidthBytesPerSecond the most each client may send per second (pings included), or 0
 *     for no limit
 * @param idleTimeout how long a client may send nothing, not even a ping (clients ping every 20 s)
 */
public record RelaySettings(long bandwidthBytesPerSecond, Duration idleTimeout) {
  public static final RelaySettings DEFAULT = new RelaySettings(0, Duration.ofSeconds(90));

  public RelaySettings {
    if (bandwidthBytesPerSecond < 0) {
      throw new IllegalArgumentException("bandwidth must not be negative");
    }
  }
}
