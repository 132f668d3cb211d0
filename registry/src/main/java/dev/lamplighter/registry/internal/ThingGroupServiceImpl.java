package dev.lamplighter.registry.internal;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.NewThingGroup;
import dev.lamplighter.registry.ThingGroup;
import dev.lamplighter.registry.ThingGroupQuery;
import dev.lamplighter.registry.ThingGroupService;
import dev.lamplighter.registry.ThingGroupUpdate;
import dev.lamplighter.registry.spi.RegistryPorts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Static thing groups, and the reads and membership rules that cover dynamic ones too. The
 * hierarchy rules are checked here, inside the write transaction, so that two concurrent requests
 * cannot together break them.
 */
public final class ThingGroupServiceImpl implements ThingGroupService {
  static final int MAX_CHILDREN = 100;

  private final RegistryPorts ports;
  private final Clock clock;
  private final IdSource ids;
  private final GroupsPerThing groupsPerThing;

  public ThingGroupServiceImpl(RegistryPorts ports, Clock clock, IdSource ids) {
    this.ports = ports;
    this.clock = clock;
    this.ids = ids;
    this.groupsPerThing = new GroupsPerThing(ports);
  }

  @Override
  public ThingGroup create(Scope scope, NewThingGroup request) {
    Map<String, String> attributes = AttributeRules.replace(request.attributes());
    ThingGroupRules.checkAttributeCount(request.name(), attributes);
    Map<String, String> tags = TagRules.toMap(request.tags());
    TagRules.checkCount(request.name(), tags.size());
    return ports
        .transactions()
        .inTransaction(
            () -> {
              Optional<ThingGroup> existing = ports.thingGroups().find(scope, request.name());
              if (existing.isPresent()) {
                return sameOrConflict(scope, existing.get(), request, attributes);
              }
              List<String> ancestors = ancestorsOfNewChild(scope, request);
              ThingGroup group =
                  new ThingGroup(
                      request.name(),
                      ids.randomUuid().toString(),
                      ancestors,
                      request.description(),
                      attributes,
                      1,
                      clock.instant());
              ports.thingGroups().insert(scope, group);
              if (!tags.isEmpty()) {
                ports.tags().put(ThingGroupRules.arn(scope, group.name()), tags);
              }
              ports
                  .changeLog()
                  .append(
                      ChangeRecord.created(scope, ResourceType.THING_GROUP, group.name(), group));
              return group;
            });
  }

  private List<String> ancestorsOfNewChild(Scope scope, NewThingGroup request) {
    if (request.parentName() == null) {
      return List.of();
    }
    if (request.parentName().equals(request.name())) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "Thing group %s cannot be its own parent.", request.name());
    }
    ThingGroup parent =
        ports
            .thingGroups()
            .find(scope, request.parentName())
            .orElseThrow(
                () ->
                    ErrorCode.INVALID_REQUEST.exception(
                        "Parent thing group %s does not exist.", request.parentName()));
    if (parent.dynamic() != null) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "Thing group %s is dynamic and cannot be a parent; dynamic thing groups can't be part of"
              + " a hierarchy.",
          parent.name());
    }
    if (parent.depth() >= ThingGroup.MAX_DEPTH) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "Thing group %s would be at depth %d; a thing group hierarchy is at most %d deep.",
          request.name(), parent.depth() + 1, ThingGroup.MAX_DEPTH);
    }
    if (ports.thingGroups().countChildren(scope, parent.name()) >= MAX_CHILDREN) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "Thing group %s already has %d child groups, the most a group can have.",
          parent.name(), MAX_CHILDREN);
    }
    List<String> ancestors = new ArrayList<>(parent.ancestors());
    ancestors.add(parent.name());
    return ancestors;
  }

  private static ThingGroup sameOrConflict(
      Scope scope, ThingGroup existing, NewThingGroup request, Map<String, String> attributes) {
    boolean same =
        existing.dynamic() == null
            && Objects.equals(existing.parentName(), request.parentName())
            && Objects.equals(existing.description(), request.description())
            && existing.attributes().equals(attributes);
    if (same) {
      return existing;
    }
    throw ThingGroupRules.alreadyExists(scope, existing);
  }

  @Override
  public ThingGroup describe(Scope scope, String name) {
    return ThingGroupRules.find(ports, scope, name);
  }

  @Override
  public ThingGroup update(Scope scope, ThingGroupUpdate update) {
    return ports
        .transactions()
        .inTransaction(
            () -> {
              ThingGroup current = describe(scope, update.name());
              ThingGroupRules.requireStatic(scope, current);
              ThingGroupRules.checkVersion(current, update.expectedVersion());
              Map<String, String> attributes =
                  ThingGroupRules.updatedAttributes(current, update.attributes(), update.merge());
              ThingGroupRules.checkAttributeCount(current.name(), attributes);
              ThingGroup updated =
                  new ThingGroup(
                      current.name(),
                      current.groupId(),
                      current.ancestors(),
                      update.description() != null ? update.description() : current.description(),
                      attributes,
                      current.version() + 1,
                      current.createdAt());
              if (!ports.thingGroups().update(scope, updated, current.version())) {
                throw ThingGroupRules.concurrentlyChanged(current.name());
              }
              ports
                  .changeLog()
                  .append(
                      ChangeRecord.updated(
                          scope, ResourceType.THING_GROUP, updated.name(), updated));
              return updated;
            });
  }

  @Override
  public void delete(Scope scope, String name, Long expectedVersion) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              Optional<ThingGroup> found = ports.thingGroups().find(scope, name);
              if (found.isEmpty()) {
                return;
              }
              ThingGroup current = found.get();
              ThingGroupRules.requireStatic(scope, current);
              ThingGroupRules.checkVersion(current, expectedVersion);
              if (ports.thingGroups().countChildren(scope, name) > 0) {
                throw ErrorCode.INVALID_REQUEST.exception(
                    "Thing group %s has child groups; delete them first.", name);
              }
              ports.thingGroupMembers().removeGroup(scope, current);
              ports.tags().removeAll(ThingGroupRules.arn(scope, name));
              if (!ports.thingGroups().delete(scope, name, current.version())) {
                throw ThingGroupRules.concurrentlyChanged(name);
              }
              ports.changeLog().append(ChangeRecord.deleted(scope, ResourceType.THING_GROUP, name));
            });
  }

  @Override
  public Page<ThingGroup> list(Scope scope, ThingGroupQuery query, PageRequest page) {
    if (query.parentName() != null) {
      describe(scope, query.parentName());
    }
    return Page.fromLookahead(
        ports.thingGroups().list(scope, query, page.after().orElse(null), page.limit() + 1),
        page.limit(),
        ThingGroup::name);
  }

  @Override
  public void addThing(
      Scope scope, String groupName, String thingName, boolean overrideDynamicGroups) {
    ports
        .transactions()
        .inTransaction(
            () -> add(scope, describe(scope, groupName), thingName, overrideDynamicGroups));
  }

  @Override
  public void removeThing(Scope scope, String groupName, String thingName) {
    ports.transactions().inTransaction(() -> remove(scope, describe(scope, groupName), thingName));
  }

  @Override
  public Page<String> listThings(
      Scope scope, String groupName, boolean recursive, PageRequest page) {
    ThingGroup group = describe(scope, groupName);
    String after = page.after().orElse(null);
    List<String> fetched =
        group.dynamic() != null
            ? ports.dynamicThingGroupMembers().things(scope, groupName, after, page.limit() + 1)
            : ports
                .thingGroupMembers()
                .things(scope, groupName, recursive, after, page.limit() + 1);
    return Page.fromLookahead(fetched, page.limit(), name -> name);
  }

  /** The static and the dynamic groups of the thing, merged in name order (at most 10 in all). */
  @Override
  public Page<String> listGroupsForThing(Scope scope, String thingName, PageRequest page) {
    requireThing(scope, thingName);
    List<String> all = new ArrayList<>(ports.thingGroupMembers().groupsOf(scope, thingName));
    all.addAll(ports.dynamicThingGroupMembers().groupsOf(scope, thingName));
    List<String> after =
        all.stream()
            .sorted()
            .filter(name -> page.after().map(a -> name.compareTo(a) > 0).orElse(true))
            .limit(page.limit() + 1L)
            .toList();
    return Page.fromLookahead(after, page.limit(), name -> name);
  }

  @Override
  public void updateGroupsForThing(
      Scope scope,
      String thingName,
      List<String> add,
      List<String> remove,
      boolean overrideDynamicGroups) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              for (String groupName : remove) {
                remove(scope, describe(scope, groupName), thingName);
              }
              for (String groupName : add) {
                add(scope, describe(scope, groupName), thingName, overrideDynamicGroups);
              }
            });
  }

  private void add(Scope scope, ThingGroup group, String thingName, boolean overrideDynamicGroups) {
    ThingGroupRules.requireStatic(scope, group);
    requireThing(scope, thingName);
    List<String> current = ports.thingGroupMembers().groupsOf(scope, thingName);
    if (current.contains(group.name())) {
      return;
    }
    for (String other : current) {
      ThingGroup otherGroup = describe(scope, other);
      if (otherGroup.rootName().equals(group.rootName())) {
        throw ErrorCode.INVALID_REQUEST.exception(
            "Thing %s is in thing group %s, which is in the same hierarchy as %s; a thing can be"
                + " in only one group of a hierarchy.",
            thingName, other, group.name());
      }
    }
    List<String> dynamic = ports.dynamicThingGroupMembers().groupsOf(scope, thingName);
    if (current.size() + dynamic.size() >= GroupsPerThing.MAX) {
      makeRoom(scope, group, thingName, dynamic, overrideDynamicGroups);
    }
    ports.thingGroupMembers().add(scope, group, thingName);
    ThingGroupRules.logMemberAdded(ports, scope, group.name(), thingName);
  }

  /** AWS's rule for a thing at the limit: only a dynamic membership may give way, when asked. */
  private void makeRoom(
      Scope scope,
      ThingGroup group,
      String thingName,
      List<String> dynamic,
      boolean overrideDynamicGroups) {
    if (dynamic.isEmpty()) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "Thing %s is already in %d thing groups, the most a thing can be in.",
          thingName, GroupsPerThing.MAX);
    }
    if (!overrideDynamicGroups) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "Thing %s is already in %d thing groups, the most a thing can be in; %d of them are"
              + " dynamic. Set overrideDynamicGroups to take it out of the newest dynamic group"
              + " and add it to %s.",
          thingName, GroupsPerThing.MAX, dynamic.size(), group.name());
    }
    groupsPerThing.leave(
        scope, groupsPerThing.newestDynamicGroup(scope, dynamic).orElseThrow(), thingName);
  }

  private void remove(Scope scope, ThingGroup group, String thingName) {
    ThingGroupRules.requireStatic(scope, group);
    requireThing(scope, thingName);
    if (ports.thingGroupMembers().remove(scope, group, thingName)) {
      ThingGroupRules.logMemberRemoved(ports, scope, group.name(), thingName);
    }
  }

  private void requireThing(Scope scope, String thingName) {
    if (ports.things().find(scope, thingName).isEmpty()) {
      throw ErrorCode.RESOURCE_NOT_FOUND.exception("Thing %s does not exist.", thingName);
    }
  }
}
