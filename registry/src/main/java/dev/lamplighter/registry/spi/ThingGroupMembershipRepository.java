package dev.lamplighter.registry.spi;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.ThingGroup;
import java.util.List;

/**
 * Which things are in which static thing groups. A thing is a direct member of a group, and thereby
 * an indirect member of every ancestor of that group; the store keeps both so that listing a
 * group's members, also recursively, reads only that group's members in thing-name order. A thing
 * is in at most one group of a hierarchy (the registry enforces it), so a thing appears at most
 * once in a recursive listing.
 */
public interface ThingGroupMembershipRepository {

  /** Makes the thing a direct member of {@code group}; nothing happens if it already is. */
  void add(Scope scope, ThingGroup group, String thingName);

  /**
   * Ends the thing's direct membership of {@code group}.
   *
   * @return false when the thing was not a direct member
   */
  boolean remove(Scope scope, ThingGroup group, String thingName);

  /** The groups the thing is a direct member of, in name order. */
  List<String> groupsOf(Scope scope, String thingName);

  /**
   * Members of the group whose names sort after {@code afterThing}, in thing-name order.
   *
   * @param recursive whether members of descendant groups count too
   * @param afterThing exclusive lower bound, or null
   */
  List<String> things(
      Scope scope, String groupName, boolean recursive, String afterThing, int limit);

  /** Ends every membership of the thing (when the thing is deleted). */
  void removeThing(Scope scope, String thingName);

  /** Ends every direct membership of {@code group} (when the group is deleted). */
  void removeGroup(Scope scope, ThingGroup group);
}
