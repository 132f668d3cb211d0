package dev.lamplighter.registry.spi;

import dev.lamplighter.core.tenancy.Scope;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which things are in which dynamic thing groups. A dynamic group has no ancestors, so a membership
 * is one row; these are kept apart from static memberships, which carry the hierarchy. The batch
 * methods take any number of names (duplicates allowed) and are index-backed per name.
 */
public interface DynamicThingGroupMembershipRepository {

  /**
   * Of the given things, those that exist, each with the number of thing groups, static and
   * dynamic, it is a direct member of.
   */
  Map<String, Integer> groupCounts(Scope scope, Collection<String> thingNames);

  /** Of the given things, those that are members of the group, in name order. */
  List<String> membersAmong(Scope scope, String groupName, Collection<String> thingNames);

  /**
   * Makes the things members of the group; things that do not exist or are members already are
   * skipped.
   *
   * @return the things that became members, in name order
   */
  List<String> add(Scope scope, String groupName, Collection<String> thingNames);

  /**
   * Ends the things' memberships of the group.
   *
   * @return the things that were members, in name order
   */
  List<String> remove(Scope scope, String groupName, Collection<String> thingNames);

  /** The dynamic groups the thing is a member of, in name order. */
  List<String> groupsOf(Scope scope, String thingName);

  /**
   * Members of the group whose names sort after {@code afterThing}, in thing-name order.
   *
   * @param afterThing exclusive lower bound, or null
   */
  List<String> things(Scope scope, String groupName, String afterThing, int limit);

  /** Ends every dynamic membership of the thing (when the thing is deleted). */
  void removeThing(Scope scope, String thingName);

  /** Ends every membership of the group (when the group is deleted). */
  void removeGroup(Scope scope, String groupName);
}
