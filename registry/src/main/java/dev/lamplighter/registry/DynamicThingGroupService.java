package dev.lamplighter.registry;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import java.util.Collection;

/**
 * Dynamic thing groups: their definitions, and the membership the fleet index computes for them.
 * The registry stores a group's query as text and never runs it: the fleet index validates a query
 * before it calls {@link #create} or {@link #update}, works out which things match, records them
 * with {@link #changeMembers} and then marks the group ACTIVE with {@link #setStatus}. Every method
 * acts within the caller's scope only.
 *
 * <p>A dynamic group shares the thing group namespace, ARN, tags, DescribeThingGroup,
 * ListThingGroups, ListThingsInThingGroup and ListThingGroupsForThing with static groups ({@link
 * ThingGroupService}), but has no parent, no children and no policies, and its members cannot be
 * changed by the static membership operations.
 *
 * <p>Membership follows AWS's limit of 10 thing groups per thing, static and dynamic together: a
 * thing that is in 10 groups joins a dynamic group only if the group is older than one of the
 * dynamic groups the thing is in, which it then leaves (the newest of them); otherwise it is left
 * out and reported as refused.
 *
 * <p>Threading: safe from any thread; each write is one durable transaction with change log entries
 * of resource type THING_GROUP: CREATED, UPDATED (also for a status change) and DELETED with the
 * group's state, MEMBER_ADDED and MEMBER_REMOVED with a {@link GroupMembership}.
 */
public interface DynamicThingGroupService {

  /** AWS's quota of dynamic thing groups per account (in a region). */
  int MAX_DYNAMIC_GROUPS = 100;

  /**
   * CreateDynamicThingGroup, after the index has validated the query: a root group in status
   * BUILDING. Calling it again with the same name, description, attributes and query returns the
   * existing group.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_ALREADY_EXISTS when the name is
   *     taken by a static group or by a dynamic group with another configuration; LIMIT_EXCEEDED
   *     when the scope has {@value #MAX_DYNAMIC_GROUPS} dynamic groups; INVALID_REQUEST for an
   *     empty query, more than 50 attributes, or bad tags
   */
  ThingGroup create(Scope scope, NewDynamicThingGroup group);

  /**
   * UpdateDynamicThingGroup, after the index has validated a new query: description and attributes
   * as UpdateThingGroup, and optionally a new query, index or query version, which sets the status
   * to REBUILDING. The version grows by one.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown group;
   *     INVALID_REQUEST for a static group, an empty query or beyond 50 attributes;
   *     VERSION_CONFLICT for a stale expected version
   */
  ThingGroup update(Scope scope, DynamicThingGroupUpdate update);

  /**
   * DeleteDynamicThingGroup: the group's memberships and tags go with it (one DELETED entry, as for
   * static groups). Deleting a group that does not exist succeeds.
   *
   * @throws dev.lamplighter.core.error.ServiceException INVALID_REQUEST for a static group;
   *     VERSION_CONFLICT for a stale expected version
   */
  void delete(Scope scope, String name, Long expectedVersion);

  /**
   * Sets the group's status, typically to ACTIVE once its membership has been computed. The version
   * does not change.
   *
   * @param expectedVersion the version of the definition the membership was computed for, or null
   *     to set the status whatever the version; a group updated meanwhile is refused, so a stale
   *     computation cannot mark a newer query ACTIVE
   * @return the group with its new status
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown group;
   *     INVALID_REQUEST for a static group; VERSION_CONFLICT when the version moved on
   */
  ThingGroup setStatus(Scope scope, String name, DynamicGroupStatus status, Long expectedVersion);

  /**
   * Records membership computed by the index, in one transaction: first {@code remove}, then {@code
   * add}. Names of things that no longer exist are skipped, as are removals of non-members and
   * additions of members; only real changes are logged.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown group;
   *     INVALID_REQUEST for a static group
   */
  DynamicMembershipChange changeMembers(
      Scope scope, String groupName, Collection<String> add, Collection<String> remove);

  /**
   * The group's current members in thing-name order, for the index to compare with its matches.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown group;
   *     INVALID_REQUEST for a static group
   */
  Page<String> listMembers(Scope scope, String groupName, PageRequest page);

  /** The dynamic groups of the scope in name order, for the index to find every query it serves. */
  Page<ThingGroup> list(Scope scope, PageRequest page);
}
