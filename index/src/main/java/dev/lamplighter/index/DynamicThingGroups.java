package dev.lamplighter.index;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.DynamicThingGroupUpdate;
import dev.lamplighter.registry.NewDynamicThingGroup;
import dev.lamplighter.registry.ThingGroup;

/**
 * CreateDynamicThingGroup, UpdateDynamicThingGroup and DeleteDynamicThingGroup: the query is
 * checked against the scope's index before the registry stores the group; the index then computes
 * the members (status BUILDING or REBUILDING until it has) and keeps them up to date.
 *
 * @see dev.lamplighter.registry.DynamicThingGroupService for the rules on the groups themselves
 */
public interface DynamicThingGroups {

  /**
   * @throws dev.lamplighter.core.error.ServiceException INVALID_QUERY for a query that does not
   *     parse; RESOURCE_NOT_FOUND for an index other than AWS_Things; INVALID_REQUEST for a query
   *     version other than 2017-09-30 or when thing indexing is off
   */
  ThingGroup create(Scope scope, NewDynamicThingGroup group);

  /** As {@link #create}, for a new query when the update has one. */
  ThingGroup update(Scope scope, DynamicThingGroupUpdate update);

  void delete(Scope scope, String name, Long expectedVersion);
}
