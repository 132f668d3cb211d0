package dev.lamplighter.registry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A thing type. Its properties are fixed at creation, except the MQTT 5 propagating attributes; it
 * can be deprecated (and un-deprecated) and, once deprecated long enough, deleted.
 *
 * @param name unique within its scope
 * @param thingTypeId a UUID assigned at creation
 * @param description free text, or null
 * @param searchableAttributes attribute names the type marks as searchable (at most 3)
 * @param propagatingAttributes MQTT 5 user properties the broker adds to messages
 * @param deprecatedAt when the type was deprecated, or null when it is not
 * @param createdAt when the type was created
 */
public record ThingType(
    String name,
    String thingTypeId,
    String description,
    List<String> searchableAttributes,
    List<PropagatingAttribute> propagatingAttributes,
    Instant deprecatedAt,
    Instant createdAt) {
  public ThingType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(thingTypeId, "thingTypeId");
    searchableAttributes = List.copyOf(searchableAttributes);
    propagatingAttributes = List.copyOf(propagatingAttributes);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean deprecated() {
    return deprecatedAt != null;
  }

  public ThingType withDeprecatedAt(Instant when) {
    return new ThingType(
        name,
        thingTypeId,
        description,
        searchableAttributes,
        propagatingAttributes,
        when,
        createdAt);
  }

  public ThingType withPropagatingAttributes(List<PropagatingAttribute> attributes) {
    return new ThingType(
        name, thingTypeId, description, searchableAttributes, attributes, deprecatedAt, createdAt);
  }
}
