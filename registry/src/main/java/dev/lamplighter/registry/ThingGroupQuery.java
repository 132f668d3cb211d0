package dev.lamplighter.registry;

/**
 * The filters of ListThingGroups.
 *
 * @param parentName only groups below this one, or null for groups anywhere
 * @param namePrefix only groups whose name starts with this, or null
 * @param recursive with a parent: all its descendants instead of its children only
 */
public record ThingGroupQuery(String parentName, String namePrefix, boolean recursive) {
  public static ThingGroupQuery all() {
    return new ThingGroupQuery(null, null, false);
  }
}
