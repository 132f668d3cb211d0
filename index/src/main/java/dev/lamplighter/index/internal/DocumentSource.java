package dev.lamplighter.index.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.index.Connectivity;
import dev.lamplighter.index.IndexingConfiguration;
import dev.lamplighter.index.ThingGroupIndexDocument;
import dev.lamplighter.index.ThingIndexDocument;
import dev.lamplighter.index.internal.query.ShadowJson;
import dev.lamplighter.registry.Registry;
import dev.lamplighter.registry.Thing;
import dev.lamplighter.registry.ThingConnectivity;
import dev.lamplighter.registry.ThingGroup;
import dev.lamplighter.shadow.ShadowService;
import java.util.Optional;

/**
 * Reads the current state of a thing or a group from the registry as an index document. Documents
 * are always built from the current state, never from a change log entry's copy, so applying an
 * entry twice or late gives the same index. A thing's connectivity is read only when its scope
 * indexes connectivity (thingConnectivityIndexingMode STATUS); otherwise its document has none, so
 * SearchIndex does not return it either. Its shadows are read, the same way, only when the scope
 * indexes the classic shadow or named shadows, and only those shadows make its shadow document.
 */
final class DocumentSource {
  private final Registry registry;
  private final ScopeConfigurations configurations;
  private final ShadowService shadows;

  DocumentSource(Registry registry, ScopeConfigurations configurations, ShadowService shadows) {
    this.registry = registry;
    this.configurations = configurations;
    this.shadows = shadows;
  }

  /** The thing's document, or empty when the thing no longer exists. */
  Optional<ThingIndexDocument> thing(Scope scope, String name) {
    return Existing.read(() -> registry.things().describe(scope, name))
        .map(thing -> thing(scope, thing));
  }

  ThingIndexDocument thing(Scope scope, Thing thing) {
    var groups =
        Paging.all(page -> registry.thingGroups().listGroupsForThing(scope, thing.name(), page));
    return new ThingIndexDocument(
        thing.name(),
        thing.thingId(),
        thing.typeName(),
        thing.attributes(),
        thing.version(),
        groups,
        connectivity(scope, thing.name()),
        shadow(scope, thing.name()));
  }

  /** The thing's indexed shadow document, or null when it has no shadow the scope indexes. */
  private String shadow(Scope scope, String thingName) {
    IndexingConfiguration configuration = configurations.configuration(scope);
    if (!configuration.shadowsIndexed()) {
      return null;
    }
    return ShadowJson.indexed(
        shadows.shadowsOf(scope, thingName),
        configuration.classicShadowIndexed(),
        configuration.indexedNamedShadows());
  }

  /** The thing's connectivity, or null when it never connected or the scope does not index it. */
  private Connectivity connectivity(Scope scope, String thingName) {
    if (!configurations.configuration(scope).connectivityIndexed()) {
      return null;
    }
    return registry
        .thingConnectivity()
        .describe(scope, thingName)
        .map(DocumentSource::connectivity)
        .orElse(null);
  }

  static Connectivity connectivity(ThingConnectivity stored) {
    return new Connectivity(stored.connected(), stored.timestamp(), stored.disconnectReason());
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
