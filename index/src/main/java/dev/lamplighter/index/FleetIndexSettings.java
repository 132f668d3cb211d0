package dev.lamplighter.index;

import dev.lamplighter.core.config.Setting;
import dev.lamplighter.core.config.Settings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the fleet index follows the change log and how long its reads wait for it.
 *
 * @param pollInterval how long the feed sleeps when it has caught up with the log; bounds the delay
 *     from another node's write to its being searchable (this node's own writes wake the feed)
 * @param commitInterval how often applied changes are made durable; bounds how much of the log is
 *     re-applied after a crash
 * @param readWait how long a read answered from the index (SearchIndex, the aggregations, a dynamic
 *     group's members) waits for the index to apply every change committed before it arrived; zero
 *     answers at once from what the index holds
 */
public record FleetIndexSettings(
    Duration pollInterval, Duration commitInterval, Duration readWait) {
  public static final Setting<Duration> INDEX_READ_WAIT =
      Setting.duration(
              "index-read-wait",
              "2s",
              "How long SearchIndex, the aggregations and dynamic groups' listings wait for the"
                  + " fleet index to take in the writes committed before them (0 turns it off)")
          .validatedBy(
              d -> {
                if (d.isNegative()) {
                  throw new IllegalArgumentException("must not be negative");
                }
                return d;
              });

  public static final FleetIndexSettings DEFAULT =
      new FleetIndexSettings(Duration.ofMillis(50), Duration.ofSeconds(5), Duration.ofSeconds(2));

  public FleetIndexSettings {
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(commitInterval, "commitInterval");
    Objects.requireNonNull(readWait, "readWait");
    if (readWait.isNegative()) {
      throw new IllegalArgumentException("readWait must not be negative");
    }
  }

  /** Reads without waiting for the index. */
  public FleetIndexSettings(Duration pollInterval, Duration commitInterval) {
    this(pollInterval, commitInterval, Duration.ZERO);
  }

  public static List<Setting<?>> settings() {
    return List.of(INDEX_READ_WAIT);
  }

  /** The defaults, with the read wait the settings give. */
  public static FleetIndexSettings from(Settings settings) {
    return new FleetIndexSettings(
        DEFAULT.pollInterval(), DEFAULT.commitInterval(), settings.get(INDEX_READ_WAIT));
  }
}
