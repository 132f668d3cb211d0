package dev.lamplighter.registry;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A thing in the registry.
 *
 * @param name unique within its scope
 * @param thingId a UUID assigned at creation
 * @param typeName the thing type, or null when the thing has none
 * @param attributes name-value pairs, ordered by name
 * @param version starts at 1 and grows by one with every update
 * @param billingGroupName the billing group the thing belongs to, or null
 * @param createdAt when the thing was created
 * @param modifiedAt when the thing was last changed
 */
public record Thing(
    String name,
    String thingId,
    String typeName,
    Map<String, String> attributes,
    long version,
    String billingGroupName,
    Instant createdAt,
    Instant modifiedAt) {
  public Thing {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(thingId, "thingId");
    attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(modifiedAt, "modifiedAt");
  }
}
