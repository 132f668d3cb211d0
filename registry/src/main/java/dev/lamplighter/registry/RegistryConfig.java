package dev.lamplighter.registry;

import dev.lamplighter.core.config.Setting;
import dev.lamplighter.core.config.Settings;
import java.time.Duration;
import java.util.List;

/**
 * The registry's settings.
 *
 * @param thingTypeDeleteDelay how long a thing type must have been deprecated before it can be
 *     deleted (AWS waits 5 minutes)
 */
public record RegistryConfig(Duration thingTypeDeleteDelay) {
  public static final Setting<Duration> THING_TYPE_DELETE_DELAY =
      Setting.duration(
              "thing-type-delete-delay",
              "5m",
              "How long a thing type must have been deprecated before DeleteThingType accepts it")
          .validatedBy(
              d -> {
                if (d.isNegative()) {
                  throw new IllegalArgumentException("must not be negative");
                }
                return d;
              });

  public static List<Setting<?>> settings() {
    return List.of(THING_TYPE_DELETE_DELAY);
  }

  public static RegistryConfig from(Settings settings) {
    return new RegistryConfig(settings.get(THING_TYPE_DELETE_DELAY));
  }

  public static RegistryConfig defaults() {
    return new RegistryConfig(Duration.ofMinutes(5));
  }
}
