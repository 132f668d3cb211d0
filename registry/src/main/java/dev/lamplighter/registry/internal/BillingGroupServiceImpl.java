package dev.lamplighter.registry.internal;

import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.BillingGroup;
import dev.lamplighter.registry.BillingGroupService;
import dev.lamplighter.registry.GroupMembership;
import dev.lamplighter.registry.NewBillingGroup;
import dev.lamplighter.registry.Thing;
import dev.lamplighter.registry.spi.RegistryPorts;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Billing groups; a thing's billing group is kept on the thing, so moving it is one write. */
public final class BillingGroupServiceImpl implements BillingGroupService {
  private final RegistryPorts ports;
  private final Clock clock;
  private final IdSource ids;

  public BillingGroupServiceImpl(RegistryPorts ports, Clock clock, IdSource ids) {
    this.ports = ports;
    this.clock = clock;
    this.ids = ids;
  }

  @Override
  public BillingGroup create(Scope scope, NewBillingGroup request) {
    Map<String, String> tags = TagRules.toMap(request.tags());
    TagRules.checkCount(request.name(), tags.size());
    return ports
        .transactions()
        .inTransaction(
            () -> {
              Optional<BillingGroup> existing = ports.billingGroups().find(scope, request.name());
              if (existing.isPresent()) {
                if (Objects.equals(existing.get().description(), request.description())) {
                  return existing.get();
                }
                throw ErrorCode.RESOURCE_ALREADY_EXISTS
                    .exception(
                        "Billing group %s already exists with a different description.",
                        request.name())
                    .withDetails(
                        Map.of(
                            "resourceId", existing.get().groupId(),
                            "resourceArn", arn(scope, request.name()).toString()));
              }
              BillingGroup group =
                  new BillingGroup(
                      request.name(),
                      ids.randomUuid().toString(),
                      request.description(),
                      1,
                      clock.instant());
              ports.billingGroups().insert(scope, group);
              if (!tags.isEmpty()) {
                ports.tags().put(arn(scope, group.name()), tags);
              }
              ports
                  .changeLog()
                  .append(
                      ChangeRecord.created(scope, ResourceType.BILLING_GROUP, group.name(), group));
              return group;
            });
  }

  @Override
  public BillingGroup describe(Scope scope, String name) {
    return ports
        .billingGroups()
        .find(scope, name)
        .orElseThrow(
            () -> ErrorCode.RESOURCE_NOT_FOUND.exception("Billing group %s does not exist.", name));
  }

  @Override
  public BillingGroup update(Scope scope, String name, String description, Long expectedVersion) {
    return ports
        .transactions()
        .inTransaction(
            () -> {
              BillingGroup current = describe(scope, name);
              checkVersion(current, expectedVersion);
              BillingGroup updated =
                  new BillingGroup(
                      name,
                      current.groupId(),
                      description != null ? description : current.description(),
                      current.version() + 1,
                      current.createdAt());
              if (!ports.billingGroups().update(scope, updated, current.version())) {
                throw concurrentlyChanged(name);
              }
              ports
                  .changeLog()
                  .append(ChangeRecord.updated(scope, ResourceType.BILLING_GROUP, name, updated));
              return updated;
            });
  }

  @Override
  public void delete(Scope scope, String name, Long expectedVersion) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              Optional<BillingGroup> found = ports.billingGroups().find(scope, name);
              if (found.isEmpty()) {
                return;
              }
              checkVersion(found.get(), expectedVersion);
              ports.things().clearBillingGroup(scope, name);
              ports.tags().removeAll(arn(scope, name));
              if (!ports.billingGroups().delete(scope, name, found.get().version())) {
                throw concurrentlyChanged(name);
              }
              ports
                  .changeLog()
                  .append(ChangeRecord.deleted(scope, ResourceType.BILLING_GROUP, name));
            });
  }

  @Override
  public Page<BillingGroup> list(Scope scope, String namePrefix, PageRequest page) {
    return Page.fromLookahead(
        ports.billingGroups().list(scope, namePrefix, page.after().orElse(null), page.limit() + 1),
        page.limit(),
        BillingGroup::name);
  }

  @Override
  public void addThing(Scope scope, String groupName, String thingName) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              describe(scope, groupName);
              Thing thing = requireThing(scope, thingName);
              String previous = thing.billingGroupName();
              if (groupName.equals(previous)) {
                return;
              }
              ports.things().setBillingGroup(scope, thingName, groupName);
              if (previous != null) {
                logMembership(scope, previous, thingName, false);
              }
              logMembership(scope, groupName, thingName, true);
            });
  }

  @Override
  public void removeThing(Scope scope, String groupName, String thingName) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              describe(scope, groupName);
              Thing thing = requireThing(scope, thingName);
              if (groupName.equals(thing.billingGroupName())) {
                ports.things().setBillingGroup(scope, thingName, null);
                logMembership(scope, groupName, thingName, false);
              }
            });
  }

  @Override
  public Page<String> listThings(Scope scope, String groupName, PageRequest page) {
    describe(scope, groupName);
    return Page.fromLookahead(
        ports.billingGroups().things(scope, groupName, page.after().orElse(null), page.limit() + 1),
        page.limit(),
        name -> name);
  }

  private Thing requireThing(Scope scope, String thingName) {
    return ports
        .things()
        .find(scope, thingName)
        .orElseThrow(
            () -> ErrorCode.RESOURCE_NOT_FOUND.exception("Thing %s does not exist.", thingName));
  }

  private void logMembership(Scope scope, String groupName, String thingName, boolean added) {
    GroupMembership membership = new GroupMembership(thingName, groupName);
    ports
        .changeLog()
        .append(
            added
                ? ChangeRecord.memberAdded(scope, ResourceType.BILLING_GROUP, groupName, membership)
                : ChangeRecord.memberRemoved(
                    scope, ResourceType.BILLING_GROUP, groupName, membership));
  }

  private static void checkVersion(BillingGroup current, Long expectedVersion) {
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw ErrorCode.VERSION_CONFLICT.exception(
          "The version of billing group %s is %d, not the expected %d.",
          current.name(), current.version(), expectedVersion);
    }
  }

  private static RuntimeException concurrentlyChanged(String name) {
    return ErrorCode.VERSION_CONFLICT.exception(
        "Billing group %s was changed by another request; read it again and retry.", name);
  }

  static Arn arn(Scope scope, String name) {
    return Arn.of(scope, ResourceType.BILLING_GROUP, name);
  }
}
