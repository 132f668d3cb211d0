package dev.lamplighter.registry;

import java.util.Map;

/**
 * The input of UpdateThingGroup.
 *
 * @param name the group to update
 * @param description a new description, or null to keep it
 * @param attributes new attributes, or null to keep them; merged or replacing as for things
 * @param merge whether {@code attributes} are merged into the existing ones
 * @param expectedVersion the version the caller last saw, or null
 */
public record ThingGroupUpdate(
    String name,
    String description,
    Map<String, String> attributes,
    boolean merge,
    Long expectedVersion) {
  public ThingGroupUpdate {
    attributes = attributes == null ? null : Map.copyOf(attributes);
  }
}
