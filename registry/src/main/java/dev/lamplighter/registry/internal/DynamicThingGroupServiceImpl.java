package dev.lamplighter.registry.internal;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.DynamicGroupDefinition;
import dev.lamplighter.registry.DynamicGroupStatus;
import dev.lamplighter.registry.DynamicMembershipChange;
import dev.lamplighter.registry.DynamicThingGroupService;
import dev.lamplighter.registry.DynamicThingGroupUpdate;
import dev.lamplighter.registry.NewDynamicThingGroup;
import dev.lamplighter.registry.ThingGroup;
import dev.lamplighter.registry.spi.RegistryPorts;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Dynamic thing group definitions and their status. Membership is recorded by {@link
 * DynamicMembershipRecorder}; the static thing group service serves the reads both kinds share.
 */
public final class DynamicThingGroupServiceImpl implements DynamicThingGroupService {

  private final RegistryPorts ports;
  private final Clock clock;
  private final IdSource ids;
  private final DynamicMembershipRecorder recorder;

  public DynamicThingGroupServiceImpl(RegistryPorts ports, Clock clock, IdSource ids) {
    this.ports = ports;
    this.clock = clock;
    this.ids = ids;
    this.recorder = new DynamicMembershipRecorder(ports);
  }

  @Override
  public ThingGroup create(Scope scope, NewDynamicThingGroup request) {
    requireQuery(request.queryString());
    Map<String, String> attributes = AttributeRules.replace(request.attributes());
    ThingGroupRules.checkAttributeCount(request.name(), attributes);
    Map<String, String> tags = TagRules.toMap(request.tags());
    TagRules.checkCount(request.name(), tags.size());
    DynamicGroupDefinition definition =
        new DynamicGroupDefinition(
            request.indexName(),
            request.queryString(),
            request.queryVersion(),
            DynamicGroupStatus.BUILDING);
    return ports
        .transactions()
        .inTransaction(
            () -> {
              Optional<ThingGroup> existing = ports.thingGroups().find(scope, request.name());
              if (existing.isPresent()) {
                return sameOrConflict(scope, existing.get(), request, attributes, definition);
              }
              int count = ports.thingGroups().countDynamic(scope);
              if (count >= MAX_DYNAMIC_GROUPS) {
                throw ErrorCode.LIMIT_EXCEEDED.exception(
                    "There are %d dynamic thing groups already, the most an account can have.",
                    count);
              }
              ThingGroup group =
                  new ThingGroup(
                      request.name(),
                      ids.randomUuid().toString(),
                      List.of(),
                      request.description(),
                      attributes,
                      1,
                      clock.instant(),
                      definition);
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

  /** An existing group is returned again only when it is dynamic and asked for the same way. */
  private static ThingGroup sameOrConflict(
      Scope scope,
      ThingGroup existing,
      NewDynamicThingGroup request,
      Map<String, String> attributes,
      DynamicGroupDefinition definition) {
    boolean same =
        existing.dynamic() != null
            && existing.dynamic().sameQueryAs(definition)
            && Objects.equals(existing.description(), request.description())
            && existing.attributes().equals(attributes);
    if (same) {
      return existing;
    }
    throw ThingGroupRules.alreadyExists(scope, existing);
  }

  @Override
  public ThingGroup update(Scope scope, DynamicThingGroupUpdate update) {
    if (update.queryString() != null) {
      requireQuery(update.queryString());
    }
    return ports
        .transactions()
        .inTransaction(
            () -> {
              ThingGroup current = dynamicGroup(scope, update.name());
              ThingGroupRules.checkVersion(current, update.expectedVersion());
              Map<String, String> attributes =
                  ThingGroupRules.updatedAttributes(current, update.attributes(), update.merge());
              ThingGroupRules.checkAttributeCount(current.name(), attributes);
              ThingGroup updated =
                  new ThingGroup(
                      current.name(),
                      current.groupId(),
                      List.of(),
                      update.description() != null ? update.description() : current.description(),
                      attributes,
                      current.version() + 1,
                      current.createdAt(),
                      updatedDefinition(current.dynamic(), update));
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

  /** The definition after an update: a different query means the membership is rebuilt. */
  private static DynamicGroupDefinition updatedDefinition(
      DynamicGroupDefinition current, DynamicThingGroupUpdate update) {
    DynamicGroupDefinition asked =
        new DynamicGroupDefinition(
            update.indexName() != null ? update.indexName() : current.indexName(),
            update.queryString() != null ? update.queryString() : current.queryString(),
            update.queryVersion() != null ? update.queryVersion() : current.queryVersion(),
            current.status());
    return asked.sameQueryAs(current) ? current : asked.withStatus(DynamicGroupStatus.REBUILDING);
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
              ThingGroupRules.requireDynamic(scope, current);
              ThingGroupRules.checkVersion(current, expectedVersion);
              ports.dynamicThingGroupMembers().removeGroup(scope, name);
              ports.tags().removeAll(ThingGroupRules.arn(scope, name));
              if (!ports.thingGroups().delete(scope, name, current.version())) {
                throw ThingGroupRules.concurrentlyChanged(name);
              }
              ports.changeLog().append(ChangeRecord.deleted(scope, ResourceType.THING_GROUP, name));
            });
  }

  @Override
  public ThingGroup setStatus(
      Scope scope, String name, DynamicGroupStatus status, Long expectedVersion) {
    Objects.requireNonNull(status, "status");
    return ports
        .transactions()
        .inTransaction(
            () -> {
              ThingGroup current = dynamicGroup(scope, name);
              ThingGroupRules.checkVersion(current, expectedVersion);
              if (current.dynamic().status() == status) {
                return current;
              }
              ThingGroup changed = current.withStatus(status);
              if (!ports.thingGroups().update(scope, changed, current.version())) {
                throw ThingGroupRules.concurrentlyChanged(name);
              }
              ports
                  .changeLog()
                  .append(ChangeRecord.updated(scope, ResourceType.THING_GROUP, name, changed));
              return changed;
            });
  }

  @Override
  public DynamicMembershipChange changeMembers(
      Scope scope, String groupName, Collection<String> add, Collection<String> remove) {
    return ports
        .transactions()
        .inTransaction(() -> recorder.record(scope, dynamicGroup(scope, groupName), add, remove));
  }

  @Override
  public Page<String> listMembers(Scope scope, String groupName, PageRequest page) {
    dynamicGroup(scope, groupName);
    return Page.fromLookahead(
        ports
            .dynamicThingGroupMembers()
            .things(scope, groupName, page.after().orElse(null), page.limit() + 1),
        page.limit(),
        name -> name);
  }

  @Override
  public Page<ThingGroup> list(Scope scope, PageRequest page) {
    return Page.fromLookahead(
        ports.thingGroups().listDynamic(scope, page.after().orElse(null), page.limit() + 1),
        page.limit(),
        ThingGroup::name);
  }

  private ThingGroup dynamicGroup(Scope scope, String name) {
    ThingGroup group = ThingGroupRules.find(ports, scope, name);
    ThingGroupRules.requireDynamic(scope, group);
    return group;
  }

  private static void requireQuery(String queryString) {
    if (queryString == null || queryString.isBlank()) {
      throw ErrorCode.INVALID_REQUEST.exception("A dynamic thing group needs a queryString.");
    }
  }
}
