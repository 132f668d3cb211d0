package dev.lamplighter.index.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.index.IndexingConfiguration;
import dev.lamplighter.index.internal.query.FieldCatalogue;
import dev.lamplighter.index.spi.IndexPorts;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The indexing configuration of each scope and the field catalogues it implies, cached: searches
 * read them on every call. An entry is dropped when this node updates the configuration and when
 * the feed applies an update logged by any node.
 */
final class ScopeConfigurations {
  private final IndexPorts ports;
  private final Map<Scope, Entry> cache = new ConcurrentHashMap<>();

  ScopeConfigurations(IndexPorts ports) {
    this.ports = ports;
  }

  IndexingConfiguration configuration(Scope scope) {
    return entry(scope).configuration();
  }

  FieldCatalogue things(Scope scope) {
    return entry(scope).things();
  }

  FieldCatalogue thingGroups(Scope scope) {
    return entry(scope).thingGroups();
  }

  void forget(Scope scope) {
    cache.remove(scope);
  }

  /** Reads the stored configuration: a plain read, or within the caller's transaction. */
  IndexingConfiguration load(Scope scope) {
    return ports.indexingConfigurations().find(scope).orElse(IndexingConfiguration.DEFAULT);
  }

  private Entry entry(Scope scope) {
    return cache.computeIfAbsent(scope, s -> Entry.of(load(s)));
  }

  private record Entry(
      IndexingConfiguration configuration, FieldCatalogue things, FieldCatalogue thingGroups) {
    static Entry of(IndexingConfiguration configuration) {
      return new Entry(
          configuration,
          FieldCatalogue.things(configuration),
          FieldCatalogue.thingGroups(configuration));
    }
  }
}
