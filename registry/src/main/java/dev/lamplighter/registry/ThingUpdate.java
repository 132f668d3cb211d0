package dev.lamplighter.registry;

import java.util.Map;

/**
 * The input of UpdateThing.
 *
 * @param name the thing to update
 * @param typeName the new thing type, or null to keep the current one
 * @param removeType whether to remove the thing's type (not together with {@code typeName})
 * @param attributes new attributes, or null to keep them; with {@code merge}, an empty value
 *     removes that attribute and others are kept, without it the map replaces all attributes
 * @param merge whether {@code attributes} are merged into the existing ones
 * @param expectedVersion the version the caller last saw, or null to update unconditionally
 */
public record ThingUpdate(
    String name,
    String typeName,
    boolean removeType,
    Map<String, String> attributes,
    boolean merge,
    Long expectedVersion) {
  public ThingUpdate {
    attributes = attributes == null ? null : Map.copyOf(attributes);
  }
}
