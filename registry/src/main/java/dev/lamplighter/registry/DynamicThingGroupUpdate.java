package dev.lamplighter.registry;

import java.util.Map;

/**
 * The input of UpdateDynamicThingGroup, once the fleet index has validated a new query.
 *
 * @param name the group to update
 * @param description a new description, or null to keep it
 * @param attributes new attributes, or null to keep them; merged or replacing as for things
 * @param merge whether {@code attributes} are merged into the existing ones
 * @param expectedVersion the version the caller last saw, or null
 * @param indexName a new index to query, or null to keep it
 * @param queryString a new query, or null to keep it
 * @param queryVersion a new query version, or null to keep it
 */
public record DynamicThingGroupUpdate(
    String name,
    String description,
    Map<String, String> attributes,
    boolean merge,
    Long expectedVersion,
    String indexName,
    String queryString,
    String queryVersion) {
  public DynamicThingGroupUpdate {
    attributes = attributes == null ? null : Map.copyOf(attributes);
  }
}
