package dev.lamplighter.registry;

/**
 * The filters of ListThingGroups, with AWS's meaning of {@code recursive}: unless it is false, the
 * listing goes all the way down.
 *
 * <ul>
 *   <li>no parent, recursive: every group of the scope;
 *   <li>no parent, not recursive: the root groups only (dynamic groups are roots);
 *   <li>a parent, recursive: all its descendants, direct and indirect;
 *   <li>a parent, not recursive: its direct children only.
 * </ul>
 *
 * @param parentName only groups below this one, or null for groups anywhere
 * @param namePrefix only groups whose name starts with this, or null; applies on top of the others
 * @param recursive whether groups below the first level count too
 */
public record ThingGroupQuery(String parentName, String namePrefix, boolean recursive) {
  /** Every group of the scope. */
  public static ThingGroupQuery all() {
    return new ThingGroupQuery(null, null, true);
  }
}
