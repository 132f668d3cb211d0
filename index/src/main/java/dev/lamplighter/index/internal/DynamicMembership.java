package dev.lamplighter.index.internal;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.index.ThingIndexDocument;
import dev.lamplighter.index.internal.query.DocumentMapper;
import dev.lamplighter.index.internal.query.FleetQueryParser;
import dev.lamplighter.index.internal.query.IndexKind;
import dev.lamplighter.registry.DynamicGroupStatus;
import dev.lamplighter.registry.DynamicMembershipChange;
import dev.lamplighter.registry.DynamicThingGroupService;
import dev.lamplighter.registry.Registry;
import dev.lamplighter.registry.ThingGroup;
import dev.lamplighter.registry.ThingGroupService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps dynamic thing groups' members equal to the things their queries match. The index, already
 * holding the changed things' new documents, answers each group's query restricted to those things,
 * so a batch costs one search per dynamic group, not one per thing and group. A group that is
 * BUILDING or REBUILDING is computed whole and then set ACTIVE. Changes are written through the
 * registry, whose change log entries bring the things' documents up to date in a later batch; that
 * second pass finds nothing more to change.
 *
 * <p>Runs on the change feed's thread only. Recording members is idempotent, so nodes sharing a
 * store may each do it.
 */
final class DynamicMembership {
  private static final Logger LOG = LoggerFactory.getLogger(DynamicMembership.class);

  /** Members are recorded in transactions of at most this many things. */
  private static final int CHUNK = 1000;

  private final LuceneIndex index;
  private final DynamicThingGroupService groups;
  private final ThingGroupService thingGroups;
  private final ScopeConfigurations configurations;
  private final Map<Scope, List<CompiledGroup>> compiled = new HashMap<>();

  DynamicMembership(LuceneIndex index, Registry registry, ScopeConfigurations configurations) {
    this.index = index;
    this.groups = registry.dynamicThingGroups();
    this.thingGroups = registry.thingGroups();
    this.configurations = configurations;
  }

  /** Drops the scope's compiled queries after its groups or its configuration changed. */
  void forget(Scope scope) {
    compiled.remove(scope);
  }

  /**
   * Re-evaluates the changed things of a scope against every dynamic group.
   *
   * @param changed the things' new documents by name; null for a thing that no longer exists
   */
  void evaluate(Scope scope, Map<String, ThingIndexDocument> changed) {
    List<CompiledGroup> scopeGroups = compiled.computeIfAbsent(scope, this::compile);
    if (scopeGroups.isEmpty()) {
      return;
    }
    List<BytesRef> keys = new ArrayList<>();
    changed.forEach(
        (name, document) -> {
          if (document != null) {
            keys.add(DocumentMapper.key(scope, IndexKind.THINGS, name).bytes());
          }
        });
    if (keys.isEmpty()) {
      return;
    }
    Query changedThings = new TermInSetQuery(DocumentMapper.KEY_FIELD, keys);
    for (CompiledGroup group : scopeGroups) {
      Set<String> matching = matchingNames(scope, group.query(), changedThings);
      List<String> add = new ArrayList<>();
      List<String> remove = new ArrayList<>();
      changed.forEach(
          (name, document) -> {
            if (document == null) {
              return;
            }
            boolean member = document.thingGroupNames().contains(group.name());
            if (matching.contains(name) && !member) {
              add.add(name);
            } else if (!matching.contains(name) && member) {
              remove.add(name);
            }
          });
      record(scope, group.name(), add, remove);
    }
  }

  /** Computes a BUILDING or REBUILDING group's members whole, then sets it ACTIVE. */
  void build(PendingBuild pending) {
    build(pending.scope(), pending.group());
  }

  /** The group, when it is a dynamic group whose members are still to be computed. */
  Optional<PendingBuild> pending(Scope scope, String name) {
    return Existing.read(() -> thingGroups.describe(scope, name))
        .filter(
            group ->
                group.dynamic() != null && group.dynamic().status() != DynamicGroupStatus.ACTIVE)
        .map(group -> new PendingBuild(scope, group));
  }

  /** Whether the scope has dynamic groups whose queries the index can run. */
  boolean hasDynamicGroups(Scope scope) {
    return !compiled.computeIfAbsent(scope, this::compile).isEmpty();
  }

  /** Recomputes every dynamic group of the scope, after its documents were rewritten. */
  void rebuildAll(Scope scope) {
    for (ThingGroup group : Paging.all(page -> groups.list(scope, page))) {
      build(scope, group);
    }
  }

  private void build(Scope scope, ThingGroup group) {
    Query query = parse(scope, group);
    Set<String> matching = query == null ? Set.of() : matchingNames(scope, query, null);
    Set<String> members =
        new TreeSet<>(Paging.all(p -> groups.listMembers(scope, group.name(), p)));
    List<String> add = matching.stream().filter(n -> !members.contains(n)).sorted().toList();
    List<String> remove = members.stream().filter(n -> !matching.contains(n)).toList();
    record(scope, group.name(), add, remove);
    try {
      groups.setStatus(scope, group.name(), DynamicGroupStatus.ACTIVE, group.version());
    } catch (ServiceException e) {
      // Updated or deleted meanwhile: the entry that did so brings its own build.
      if (e.code() != ErrorCode.VERSION_CONFLICT && e.code() != ErrorCode.RESOURCE_NOT_FOUND) {
        throw e;
      }
    }
  }

  private void record(Scope scope, String groupName, List<String> add, List<String> remove) {
    try {
      for (int i = 0; i < Math.max(add.size(), remove.size()); i += CHUNK) {
        DynamicMembershipChange change =
            groups.changeMembers(scope, groupName, slice(add, i), slice(remove, i));
        if (!change.refused().isEmpty()) {
          // AWS reports these as AddThingToDynamicThingGroupsFailed: the things are in as many
          // groups as a thing can be.
          LOG.warn(
              "{} things match dynamic thing group [{}] of {} but are in 10 groups already: {}",
              change.refused().size(),
              groupName,
              scope,
              change.refused().subList(0, Math.min(10, change.refused().size())));
        }
      }
    } catch (ServiceException e) {
      // A group deleted since its query was compiled has no members to keep.
      if (e.code() != ErrorCode.RESOURCE_NOT_FOUND) {
        throw e;
      }
    }
  }

  private static List<String> slice(List<String> names, int from) {
    return names.subList(Math.min(from, names.size()), Math.min(from + CHUNK, names.size()));
  }

  /** Names of the scope's things that match {@code query}, among {@code among} when not null. */
  private Set<String> matchingNames(Scope scope, Query query, Query among) {
    BooleanQuery.Builder filtered =
        new BooleanQuery.Builder()
            .add(DocumentMapper.scope(scope, IndexKind.THINGS), Occur.FILTER)
            .add(query, Occur.FILTER);
    if (among != null) {
      filtered.add(among, Occur.FILTER);
    }
    return MatchingNames.of(index, filtered.build());
  }

  private List<CompiledGroup> compile(Scope scope) {
    List<CompiledGroup> result = new ArrayList<>();
    for (ThingGroup group : Paging.all(page -> groups.list(scope, page))) {
      Query query = parse(scope, group);
      if (query != null) {
        result.add(new CompiledGroup(group.name(), query));
      }
    }
    return result;
  }

  /** The group's query, or null when it no longer parses (a custom field it uses was removed). */
  private Query parse(Scope scope, ThingGroup group) {
    try {
      return FleetQueryParser.parse(group.dynamic().queryString(), configurations.things(scope));
    } catch (ServiceException e) {
      LOG.warn(
          "Dynamic thing group [{}] of {} has a query the index cannot run ({}); it has no members",
          group.name(),
          scope,
          e.getMessage());
      return null;
    }
  }

  private record CompiledGroup(String name, Query query) {}

  /** A dynamic group of a scope whose members are to be computed whole. */
  record PendingBuild(Scope scope, ThingGroup group) {}
}
