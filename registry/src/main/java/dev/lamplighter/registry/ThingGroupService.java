package dev.lamplighter.registry;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import java.util.List;

/**
 * Thing groups and their members. Every method acts within the caller's scope only. Dynamic groups
 * are created, updated and deleted through {@link DynamicThingGroupService}; the reads here
 * (describe, list, members, groups of a thing) cover both kinds.
 *
 * <p>Hierarchy rules, as AWS documents them: a group's parent is fixed at creation; a hierarchy is
 * at most {@value ThingGroup#MAX_DEPTH} levels deep; a group has at most 100 direct children; a
 * thing is in at most 10 groups, static and dynamic together, and in at most one group of a
 * hierarchy (two groups are in the same hierarchy when they share their root). A dynamic group is
 * never part of a hierarchy.
 *
 * <p>Operations that change a static group or its members refuse a dynamic group with
 * INVALID_REQUEST ("This operation does not support dynamic thing groups. Thing group arn: ..."),
 * as AWS does.
 *
 * <p>Threading: safe from any thread; each write is one durable transaction with change log entries
 * (group created, updated, deleted; member added, removed).
 */
public interface ThingGroupService {

  /**
   * CreateThingGroup. Calling it again with the same name and configuration returns the existing
   * group.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_ALREADY_EXISTS when the name is
   *     taken with another configuration (or by a dynamic group); INVALID_REQUEST for an unknown or
   *     dynamic parent, a hierarchy deeper than 7, a parent with 100 children, more than 50
   *     attributes, or bad tags
   */
  ThingGroup create(Scope scope, NewThingGroup group);

  /**
   * DescribeThingGroup, of a static or a dynamic group.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown group
   */
  ThingGroup describe(Scope scope, String name);

  /**
   * UpdateThingGroup: description and attributes; the version grows by one.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown group;
   *     VERSION_CONFLICT for a stale expected version; INVALID_REQUEST beyond 50 attributes or for
   *     a dynamic group
   */
  ThingGroup update(Scope scope, ThingGroupUpdate update);

  /**
   * DeleteThingGroup: the group's memberships and tags go with it. Deleting a group that does not
   * exist succeeds.
   *
   * @throws dev.lamplighter.core.error.ServiceException INVALID_REQUEST while the group has child
   *     groups, or for a dynamic group; VERSION_CONFLICT for a stale expected version
   */
  void delete(Scope scope, String name, Long expectedVersion);

  /**
   * ListThingGroups, ordered by name. Dynamic groups are listed as the roots they are.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown parent
   */
  Page<ThingGroup> list(Scope scope, ThingGroupQuery query, PageRequest page);

  /**
   * AddThingToThingGroup. Adding a thing that is already a member succeeds.
   *
   * <p>When the thing is in 10 groups already and some of them are dynamic, {@code
   * overrideDynamicGroups} lets the static group win: the thing leaves the most recently created of
   * its dynamic groups (a MEMBER_REMOVED change log entry) and joins this one.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown group or
   *     thing; INVALID_REQUEST for a dynamic group, when the thing is in 10 groups already (and
   *     cannot leave a dynamic one) or in another group of the same hierarchy
   */
  void addThing(Scope scope, String groupName, String thingName, boolean overrideDynamicGroups);

  /**
   * RemoveThingFromThingGroup. Removing a thing that is not a member succeeds.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown group or
   *     thing; INVALID_REQUEST for a dynamic group
   */
  void removeThing(Scope scope, String groupName, String thingName);

  /**
   * ListThingsInThingGroup: thing names in name order; of a dynamic group, its current members.
   *
   * @param recursive whether members of descendant groups are listed too (a dynamic group has none)
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown group
   */
  Page<String> listThings(Scope scope, String groupName, boolean recursive, PageRequest page);

  /**
   * ListThingGroupsForThing: names of the groups, static and dynamic, the thing is a direct member
   * of, in name order.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown thing
   */
  Page<String> listGroupsForThing(Scope scope, String thingName, PageRequest page);

  /**
   * UpdateThingGroupsForThing: removes, then adds, all in one transaction; if any step is refused
   * nothing changes. {@code overrideDynamicGroups} works as in {@link #addThing}.
   *
   * @throws dev.lamplighter.core.error.ServiceException as {@link #addThing} and {@link
   *     #removeThing}
   */
  void updateGroupsForThing(
      Scope scope,
      String thingName,
      List<String> add,
      List<String> remove,
      boolean overrideDynamicGroups);
}
