package dev.lamplighter.registry.internal;

import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.NewThingType;
import dev.lamplighter.registry.ThingType;
import dev.lamplighter.registry.ThingTypeService;
import dev.lamplighter.registry.ThingTypeUpdate;
import dev.lamplighter.registry.spi.RegistryPorts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Thing types. A type is immutable but for its MQTT 5 propagating attributes; it can be deprecated
 * and un-deprecated, and deleted once it has been deprecated for {@code deleteDelay} and no thing
 * has it any more.
 */
public final class ThingTypeServiceImpl implements ThingTypeService {
  static final int MAX_SEARCHABLE_ATTRIBUTES = 3;

  private final RegistryPorts ports;
  private final Clock clock;
  private final IdSource ids;
  private final Duration deleteDelay;

  public ThingTypeServiceImpl(
      RegistryPorts ports, Clock clock, IdSource ids, Duration deleteDelay) {
    this.ports = ports;
    this.clock = clock;
    this.ids = ids;
    this.deleteDelay = deleteDelay;
  }

  @Override
  public ThingType create(Scope scope, NewThingType request) {
    if (request.searchableAttributes().size() > MAX_SEARCHABLE_ATTRIBUTES) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "A thing type can have at most %d searchable attributes, not %d.",
          MAX_SEARCHABLE_ATTRIBUTES, request.searchableAttributes().size());
    }
    Map<String, String> tags = TagRules.toMap(request.tags());
    TagRules.checkCount(request.name(), tags.size());
    return ports
        .transactions()
        .inTransaction(
            () -> {
              Optional<ThingType> existing = ports.thingTypes().find(scope, request.name());
              if (existing.isPresent()) {
                return sameOrConflict(scope, existing.get(), request);
              }
              ThingType type =
                  new ThingType(
                      request.name(),
                      ids.randomUuid().toString(),
                      request.description(),
                      request.searchableAttributes(),
                      request.propagatingAttributes(),
                      null,
                      clock.instant());
              ports.thingTypes().insert(scope, type);
              if (!tags.isEmpty()) {
                ports.tags().put(arn(scope, type.name()), tags);
              }
              ports
                  .changeLog()
                  .append(ChangeRecord.created(scope, ResourceType.THING_TYPE, type.name(), type));
              return type;
            });
  }

  private static ThingType sameOrConflict(Scope scope, ThingType existing, NewThingType request) {
    boolean same =
        Objects.equals(existing.description(), request.description())
            && existing.searchableAttributes().equals(request.searchableAttributes())
            && existing.propagatingAttributes().equals(request.propagatingAttributes());
    if (same) {
      return existing;
    }
    throw ErrorCode.RESOURCE_ALREADY_EXISTS
        .exception("Thing type %s already exists with different properties.", existing.name())
        .withDetails(
            Map.of(
                "resourceId", existing.thingTypeId(),
                "resourceArn", arn(scope, existing.name()).toString()));
  }

  @Override
  public ThingType describe(Scope scope, String name) {
    return ports.thingTypes().find(scope, name).orElseThrow(() -> notFound(name));
  }

  @Override
  public Page<ThingType> list(Scope scope, String name, PageRequest page) {
    return Page.fromLookahead(
        ports.thingTypes().list(scope, name, page.after().orElse(null), page.limit() + 1),
        page.limit(),
        ThingType::name);
  }

  @Override
  public void deprecate(Scope scope, String name, boolean undo) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              ThingType current = describe(scope, name);
              ThingType changed;
              if (undo) {
                changed = current.withDeprecatedAt(null);
              } else if (current.deprecated()) {
                changed = current;
              } else {
                changed = current.withDeprecatedAt(clock.instant());
              }
              if (!changed.equals(current)) {
                ports.thingTypes().update(scope, changed);
                ports
                    .changeLog()
                    .append(ChangeRecord.updated(scope, ResourceType.THING_TYPE, name, changed));
              }
            });
  }

  @Override
  public void delete(Scope scope, String name) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              ThingType current = describe(scope, name);
              if (!current.deprecated()) {
                throw ErrorCode.INVALID_REQUEST.exception(
                    "Thing type %s must be deprecated before it can be deleted.", name);
              }
              Instant deletable = current.deprecatedAt().plus(deleteDelay);
              if (clock.instant().isBefore(deletable)) {
                throw ErrorCode.INVALID_REQUEST.exception(
                    "Thing type %s was deprecated at %s; it can be deleted from %s on.",
                    name, current.deprecatedAt(), deletable);
              }
              if (ports.things().existsWithType(scope, name)) {
                throw ErrorCode.INVALID_REQUEST.exception(
                    "Thing type %s cannot be deleted while things have it.", name);
              }
              ports.thingTypes().delete(scope, name);
              ports.tags().removeAll(arn(scope, name));
              ports.changeLog().append(ChangeRecord.deleted(scope, ResourceType.THING_TYPE, name));
            });
  }

  @Override
  public ThingType update(Scope scope, String name, ThingTypeUpdate update) {
    if (update.description() != null || update.searchableAttributes() != null) {
      throw ErrorCode.INVALID_REQUEST.exception("Can only update mqtt5Configuration.");
    }
    return ports
        .transactions()
        .inTransaction(
            () -> {
              ThingType current = describe(scope, name);
              if (update.propagatingAttributes() == null
                  || update.propagatingAttributes().equals(current.propagatingAttributes())) {
                return current;
              }
              ThingType changed = current.withPropagatingAttributes(update.propagatingAttributes());
              ports.thingTypes().update(scope, changed);
              ports
                  .changeLog()
                  .append(ChangeRecord.updated(scope, ResourceType.THING_TYPE, name, changed));
              return changed;
            });
  }

  static Arn arn(Scope scope, String name) {
    return Arn.of(scope, ResourceType.THING_TYPE, name);
  }

  private static RuntimeException notFound(String name) {
    return ErrorCode.RESOURCE_NOT_FOUND.exception("Thing type %s does not exist.", name);
  }
}
