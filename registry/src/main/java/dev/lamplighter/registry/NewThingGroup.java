package dev.lamplighter.registry;

import java.util.List;
import java.util.Map;

/**
 * The input of CreateThingGroup.
 *
 * @param name the group's name
 * @param parentName the parent group, or null for a root group
 * @param description free text, or null
 * @param attributes initial attributes; empty values are dropped
 * @param tags tags to put on the new group
 */
public record NewThingGroup(
    String name,
    String parentName,
    String description,
    Map<String, String> attributes,
    List<Tag> tags) {
  public NewThingGroup {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
