package dev.lamplighter.registry;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import java.util.List;

/**
 * Static thing groups and their members. Every method acts within the caller's scope only.
 *
 * <p>Hierarchy rules, as AWS documents them: a group's parent is fixed at creation; a hierarchy is
 * at most {@value ThingGroup#MAX_DEPTH} levels deep; a group has at most 100 direct children; a
 * thing is in at most 10 groups and in at most one group of a hierarchy (two groups are in the same
 * hierarchy when they share their root).
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
   *     taken with another configuration; INVALID_REQUEST for an unknown parent, a hierarchy deeper
   *     than 7, a parent with 100 children, more than 50 attributes, or bad tags
   */
  ThingGroup create(Scope scope, NewThingGroup group);

  /**
   * DescribeThingGroup.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown group
   */
  ThingGroup describe(Scope scope, String name);

  /**
   * UpdateThingGroup: description and attributes; the version grows by one.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown group;
   *     VERSION_CONFLICT for a stale expected version; INVALID_REQUEST beyond 50 attributes
   */
  ThingGroup update(Scope scope, ThingGroupUpdate update);

  /**
   * DeleteThingGroup: the group's memberships and tags go with it. Deleting a group that does not
   * exist succeeds.
   *
   * @throws dev.lamplighter.core.error.ServiceException INVALID_REQUEST while the group has child
   *     groups; VERSION_CONFLICT for a stale expected version
   */
  void delete(Scope scope, String name, Long expectedVersion);

  /**
   * ListThingGroups, ordered by name.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown parent
   */
  Page<ThingGroup> list(Scope scope, ThingGroupQuery query, PageRequest page);

  /**
   * AddThingToThingGroup. Adding a thing that is already a member succeeds.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown group or
   *     thing; INVALID_REQUEST when the thing is in 10 groups already or in another group of the
   *     same hierarchy
   */
  void addThing(Scope scope, String groupName, String thingName);

  /**
   * RemoveThingFromThingGroup. Removing a thing that is not a member succeeds.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown group or
   *     thing
   */
  void removeThing(Scope scope, String groupName, String thingName);

  /**
   * ListThingsInThingGroup: thing names in name order.
   *
   * @param recursive whether members of descendant groups are listed too
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown group
   */
  Page<String> listThings(Scope scope, String groupName, boolean recursive, PageRequest page);

  /**
   * ListThingGroupsForThing: names of the groups the thing is a direct member of, in name order.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown thing
   */
  Page<String> listGroupsForThing(Scope scope, String thingName, PageRequest page);

  /**
   * UpdateThingGroupsForThing: removes, then adds, all in one transaction; if any step is refused
   * nothing changes.
   *
   * @throws dev.lamplighter.core.error.ServiceException as {@link #addThing} and {@link
   *     #removeThing}
   */
  void updateGroupsForThing(Scope scope, String thingName, List<String> add, List<String> remove);
}
