package dev.lamplighter.index;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A thing group as the AWS_ThingGroups index holds it, and as SearchIndex returns it (AWS's
 * ThingGroupDocument).
 *
 * @param thingGroupName the group's name
 * @param thingGroupId the group's id
 * @param thingGroupDescription its description, or null
 * @param attributes its attributes, ordered by name
 * @param parentGroupNames its ancestors, from the root down to its parent
 */
public record ThingGroupIndexDocument(
    String thingGroupName,
    String thingGroupId,
    String thingGroupDescription,
    Map<String, String> attributes,
    List<String> parentGroupNames) {
  public ThingGroupIndexDocument {
    Objects.requireNonNull(thingGroupName, "thingGroupName");
    Objects.requireNonNull(thingGroupId, "thingGroupId");
    attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    parentGroupNames = List.copyOf(parentGroupNames);
  }
}
