package dev.lamplighter.registry;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;

/**
 * Billing groups and their things. A thing is in at most one billing group: adding it to another
 * moves it. Every method acts within the caller's scope only.
 *
 * <p>Threading: safe from any thread; each write is one durable transaction with change log
 * entries.
 */
public interface BillingGroupService {

  /**
   * CreateBillingGroup. Calling it again with the same name and description returns the existing
   * group.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_ALREADY_EXISTS when the name is
   *     taken with another description; INVALID_REQUEST for bad tags
   */
  BillingGroup create(Scope scope, NewBillingGroup group);

  /**
   * DescribeBillingGroup.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown group
   */
  BillingGroup describe(Scope scope, String name);

  /**
   * UpdateBillingGroup: the description; the version grows by one.
   *
   * @param description the new description, or null to keep it
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown group;
   *     VERSION_CONFLICT for a stale expected version
   */
  BillingGroup update(Scope scope, String name, String description, Long expectedVersion);

  /**
   * DeleteBillingGroup: its things leave it and its tags go with it. Deleting a group that does not
   * exist succeeds.
   *
   * @throws dev.lamplighter.core.error.ServiceException VERSION_CONFLICT for a stale version
   */
  void delete(Scope scope, String name, Long expectedVersion);

  /** ListBillingGroups, ordered by name, optionally only names starting with a prefix. */
  Page<BillingGroup> list(Scope scope, String namePrefix, PageRequest page);

  /**
   * AddThingToBillingGroup: moves the thing here from any other billing group.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown group or
   *     thing
   */
  void addThing(Scope scope, String groupName, String thingName);

  /**
   * RemoveThingFromBillingGroup. Removing a thing that is not in the group succeeds.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown group or
   *     thing
   */
  void removeThing(Scope scope, String groupName, String thingName);

  /**
   * ListThingsInBillingGroup: thing names in name order.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown group
   */
  Page<String> listThings(Scope scope, String groupName, PageRequest page);
}
