package dev.lamplighter.registry.internal;

import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.NewThing;
import dev.lamplighter.registry.Thing;
import dev.lamplighter.registry.ThingQuery;
import dev.lamplighter.registry.ThingService;
import dev.lamplighter.registry.ThingType;
import dev.lamplighter.registry.ThingUpdate;
import dev.lamplighter.registry.spi.RegistryPorts;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Things: every write checks the registry's rules, then stores and logs in one transaction. */
public final class ThingServiceImpl implements ThingService {
  private final RegistryPorts ports;
  private final Clock clock;
  private final IdSource ids;

  public ThingServiceImpl(RegistryPorts ports, Clock clock, IdSource ids) {
    this.ports = ports;
    this.clock = clock;
    this.ids = ids;
  }

  @Override
  public Thing create(Scope scope, NewThing request) {
    Map<String, String> attributes = AttributeRules.replace(request.attributes());
    return ports
        .transactions()
        .inTransaction(
            () -> {
              Optional<Thing> existing = ports.things().find(scope, request.name());
              if (existing.isPresent()) {
                return sameOrConflict(scope, existing.get(), request, attributes);
              }
              if (request.typeName() != null) {
                requireUsableType(scope, request.typeName());
              }
              if (request.billingGroupName() != null
                  && ports.billingGroups().find(scope, request.billingGroupName()).isEmpty()) {
                throw ErrorCode.RESOURCE_NOT_FOUND.exception(
                    "Billing group %s does not exist.", request.billingGroupName());
              }
              AttributeRules.checkLimits(request.name(), attributes, request.typeName() != null);
              Instant now = clock.instant();
              Thing thing =
                  new Thing(
                      request.name(),
                      ids.randomUuid().toString(),
                      request.typeName(),
                      attributes,
                      1,
                      request.billingGroupName(),
                      now,
                      now);
              ports.things().insert(scope, thing);
              ports
                  .changeLog()
                  .append(ChangeRecord.created(scope, ResourceType.THING, thing.name(), thing));
              return thing;
            });
  }

  private static Thing sameOrConflict(
      Scope scope, Thing existing, NewThing request, Map<String, String> attributes) {
    boolean same =
        Objects.equals(existing.typeName(), request.typeName())
            && existing.attributes().equals(attributes)
            && Objects.equals(existing.billingGroupName(), request.billingGroupName());
    if (same) {
      return existing;
    }
    throw ErrorCode.RESOURCE_ALREADY_EXISTS
        .exception("Thing %s already exists in account with different attributes", existing.name())
        .withDetails(
            Map.of(
                "resourceId", existing.thingId(),
                "resourceArn", Arn.of(scope, ResourceType.THING, existing.name()).toString()));
  }

  @Override
  public Thing describe(Scope scope, String name) {
    return ports.things().find(scope, name).orElseThrow(() -> notFound(name));
  }

  @Override
  public Thing update(Scope scope, ThingUpdate update) {
    if (update.typeName() != null && update.removeType()) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "Cannot give thing %s a thing type and remove its thing type at once.", update.name());
    }
    return ports
        .transactions()
        .inTransaction(
            () -> {
              Thing current = describe(scope, update.name());
              checkVersion(current, update.expectedVersion());
              String typeName = update.removeType() ? null : current.typeName();
              if (update.typeName() != null && !update.typeName().equals(current.typeName())) {
                requireUsableType(scope, update.typeName());
                typeName = update.typeName();
              } else if (update.typeName() != null) {
                typeName = update.typeName();
              }
              Map<String, String> attributes = current.attributes();
              if (update.attributes() != null) {
                attributes =
                    update.merge()
                        ? AttributeRules.merge(current.attributes(), update.attributes())
                        : AttributeRules.replace(update.attributes());
              }
              AttributeRules.checkLimits(current.name(), attributes, typeName != null);
              Thing updated =
                  new Thing(
                      current.name(),
                      current.thingId(),
                      typeName,
                      attributes,
                      current.version() + 1,
                      current.billingGroupName(),
                      current.createdAt(),
                      clock.instant());
              if (!ports.things().update(scope, updated, current.version())) {
                throw concurrentlyChanged(current.name());
              }
              ports
                  .changeLog()
                  .append(ChangeRecord.updated(scope, ResourceType.THING, updated.name(), updated));
              return updated;
            });
  }

  @Override
  public void delete(Scope scope, String name, Long expectedVersion) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              Optional<Thing> current = ports.things().find(scope, name);
              if (current.isEmpty()) {
                return;
              }
              checkVersion(current.get(), expectedVersion);
              if (ports.things().hasPrincipals(scope, name)) {
                throw ErrorCode.INVALID_REQUEST.exception(
                    "Cannot delete. Thing %s is still attached to one or more principals", name);
              }
              // Memberships and connectivity end with the thing, without entries of their own:
              // the thing's DELETED entry says it.
              ports.thingGroupMembers().removeThing(scope, name);
              ports.dynamicThingGroupMembers().removeThing(scope, name);
              ports.thingConnectivity().remove(scope, name);
              if (!ports.things().delete(scope, name, current.get().version())) {
                throw concurrentlyChanged(name);
              }
              ports.changeLog().append(ChangeRecord.deleted(scope, ResourceType.THING, name));
            });
  }

  @Override
  public Page<Thing> list(Scope scope, ThingQuery query, PageRequest page) {
    if (query.attributeValue() != null && query.attributeName() == null) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "attributeValue can only be used together with attributeName.");
    }
    return Page.fromLookahead(
        ports.things().list(scope, query, page.after().orElse(null), page.limit() + 1),
        page.limit(),
        Thing::name);
  }

  private void requireUsableType(Scope scope, String typeName) {
    ThingType type =
        ports
            .thingTypes()
            .find(scope, typeName)
            .orElseThrow(
                () ->
                    ErrorCode.RESOURCE_NOT_FOUND.exception(
                        "Thing type %s does not exist.", typeName));
    if (type.deprecated()) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "Thing type %s is deprecated; things cannot be given a deprecated thing type.", typeName);
    }
  }

  private static void checkVersion(Thing current, Long expectedVersion) {
    if (expectedVersion != null && expectedVersion != current.version()) {
      throw ErrorCode.VERSION_CONFLICT.exception(
          "The version of thing %s is %d, not the expected %d.",
          current.name(), current.version(), expectedVersion);
    }
  }

  private static RuntimeException concurrentlyChanged(String name) {
    return ErrorCode.VERSION_CONFLICT.exception(
        "Thing %s was changed by another request; read it again and retry.", name);
  }

  private static RuntimeException notFound(String name) {
    return ErrorCode.RESOURCE_NOT_FOUND.exception("Thing %s does not exist.", name);
  }
}
