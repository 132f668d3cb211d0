package dev.lamplighter.index;

import java.time.Duration;

/**
 * How the fleet index follows the change log.
 *
 * @param pollInterval how long the feed sleeps when it has caught up with the log; bounds the delay
 *     from a write to its being searchable
 * @param commitInterval how often applied changes are made durable; bounds how much of the log is
 *     re-applied after a crash
 */
public record FleetIndexSettings(Duration pollInterval, Duration commitInterval) {
  public static final FleetIndexSettings DEFAULT =
      new FleetIndexSettings(Duration.ofMillis(50), Duration.ofSeconds(5));
}
