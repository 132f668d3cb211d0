package dev.lamplighter.registry;

import java.util.List;
import java.util.Map;

/**
 * The input of CreateDynamicThingGroup, once the fleet index has validated the query.
 *
 * @param name the group's name
 * @param description free text, or null
 * @param attributes initial attributes; empty values are dropped
 * @param tags tags to put on the new group
 * @param indexName the index to query, or null for {@value
 *     DynamicGroupDefinition#DEFAULT_INDEX_NAME}
 * @param queryString the query whose matching things are the members
 * @param queryVersion the query version, or null for {@value
 *     DynamicGroupDefinition#DEFAULT_QUERY_VERSION}
 */
public record NewDynamicThingGroup(
    String name,
    String description,
    Map<String, String> attributes,
    List<Tag> tags,
    String indexName,
    String queryString,
    String queryVersion) {
  public NewDynamicThingGroup {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    tags = tags == null ? List.of() : List.copyOf(tags);
    indexName = indexName == null ? DynamicGroupDefinition.DEFAULT_INDEX_NAME : indexName;
    queryVersion =
        queryVersion == null ? DynamicGroupDefinition.DEFAULT_QUERY_VERSION : queryVersion;
  }
}
