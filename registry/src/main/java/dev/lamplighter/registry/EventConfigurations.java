package dev.lamplighter.registry;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which events a scope publishes. Every type is off until UpdateEventConfigurations turns it on.
 *
 * @param enabled every event type with whether it is on
 * @param creationDate when the scope's configuration was first written, or null if never
 * @param lastModifiedDate when it was last written, or null if never
 */
public record EventConfigurations(
    Map<EventType, Boolean> enabled, Instant creationDate, Instant lastModifiedDate) {
  public EventConfigurations {
    EnumMap<EventType, Boolean> all = new EnumMap<>(EventType.class);
    for (EventType type : EventType.values()) {
      all.put(type, Boolean.TRUE.equals(enabled.get(type)));
    }
    enabled = Map.copyOf(all);
  }

  /** A scope that never changed its configuration: every type off. */
  public static final EventConfigurations DEFAULT = new EventConfigurations(Map.of(), null, null);

  public boolean isEnabled(EventType type) {
    return enabled.get(type);
  }
}
