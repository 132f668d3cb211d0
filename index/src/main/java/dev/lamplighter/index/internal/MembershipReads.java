package dev.lamplighter.index.internal;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.NewThingGroup;
import dev.lamplighter.registry.ThingGroup;
import dev.lamplighter.registry.ThingGroupQuery;
import dev.lamplighter.registry.ThingGroupService;
import dev.lamplighter.registry.ThingGroupUpdate;
import java.util.List;

/**
 * The registry's thing groups, with the reads whose answer the index computes held until it has
 * taken in the writes committed before them: ListThingsInThingGroup on a dynamic group and
 * ListThingGroupsForThing (which lists dynamic groups too). Everything else goes straight to the
 * registry.
 */
final class MembershipReads implements ThingGroupService {
  private final ThingGroupService groups;
  private final IndexReadWait readWait;

  MembershipReads(ThingGroupService groups, IndexReadWait readWait) {
    this.groups = groups;
    this.readWait = readWait;
  }

  @Override
  public Page<String> listThings(
      Scope scope, String groupName, boolean recursive, PageRequest page) {
    if (groups.describe(scope, groupName).dynamic() != null) {
      readWait.awaitCommittedWrites();
    }
    return groups.listThings(scope, groupName, recursive, page);
  }

  @Override
  public Page<String> listGroupsForThing(Scope scope, String thingName, PageRequest page) {
    readWait.awaitCommittedWrites();
    return groups.listGroupsForThing(scope, thingName, page);
  }

  @Override
  public ThingGroup create(Scope scope, NewThingGroup group) {
    return groups.create(scope, group);
  }

  @Override
  public ThingGroup describe(Scope scope, String name) {
    return groups.describe(scope, name);
  }

  @Override
  public ThingGroup update(Scope scope, ThingGroupUpdate update) {
    return groups.update(scope, update);
  }

  @Override
  public void delete(Scope scope, String name, Long expectedVersion) {
    groups.delete(scope, name, expectedVersion);
  }

  @Override
  public Page<ThingGroup> list(Scope scope, ThingGroupQuery query, PageRequest page) {
    return groups.list(scope, query, page);
  }

  @Override
  public void addThing(
      Scope scope, String groupName, String thingName, boolean overrideDynamicGroups) {
    groups.addThing(scope, groupName, thingName, overrideDynamicGroups);
  }

  @Override
  public void removeThing(Scope scope, String groupName, String thingName) {
    groups.removeThing(scope, groupName, thingName);
  }

  @Override
  public void updateGroupsForThing(
      Scope scope,
      String thingName,
      List<String> add,
      List<String> remove,
      boolean overrideDynamicGroups) {
    groups.updateGroupsForThing(scope, thingName, add, remove, overrideDynamicGroups);
  }
}
