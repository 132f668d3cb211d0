package dev.lamplighter.index.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.index.ThingGroupIndexDocument;
import dev.lamplighter.index.ThingIndexDocument;
import dev.lamplighter.registry.Registry;
import dev.lamplighter.registry.Thing;
import dev.lamplighter.registry.ThingGroup;
import java.util.Optional;

/**
 * Reads the current state of a thing or a group from the registry as an index document. Documents
 * are always built from the current state, never from a change log entry's copy, so applying an
 * entry twice or late gives the same index.
 */
final class DocumentSource {
  private final Registry registry;

  DocumentSource(Registry registry) {
    this.registry = registry;
  }

  /** The thing's document, or empty when the thing no longer exists. */
  Optional<ThingIndexDocument> thing(Scope scope, String name) {
    return Existing.read(() -> registry.things().describe(scope, name))
        .map(thing -> thing(scope, thing));
  }

  ThingIndexDocument thing(Scope scope, Thing thing) {
    var groups =
        Paging.all(page -> registry.thingGroups().listGroupsForThing(scope, thing.name(), page));
    // Connectivity is filled in once the broker reports it; until then the thing has none.
    return new ThingIndexDocument(
        thing.name(),
        thing.thingId(),
        thing.typeName(),
        thing.attributes(),
        thing.version(),
        groups,
        null);
  }

  /** The group's document, or empty when the group no longer exists. */
  Optional<ThingGroupIndexDocument> thingGroup(Scope scope, String name) {
    return Existing.read(() -> registry.thingGroups().describe(scope, name))
        .map(DocumentSource::thingGroup);
  }

  static ThingGroupIndexDocument thingGroup(ThingGroup group) {
    return new ThingGroupIndexDocument(
        group.name(), group.groupId(), group.description(), group.attributes(), group.ancestors());
  }
}
