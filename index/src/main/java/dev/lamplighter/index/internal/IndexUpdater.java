package dev.lamplighter.index.internal;

import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.index.IndexingConfiguration;
import dev.lamplighter.index.ThingGroupIndexDocument;
import dev.lamplighter.index.ThingIndexDocument;
import dev.lamplighter.index.internal.query.DocumentMapper;
import dev.lamplighter.index.internal.query.FieldCatalogue;
import dev.lamplighter.index.internal.query.IndexKind;
import dev.lamplighter.registry.Registry;
import dev.lamplighter.registry.Thing;
import dev.lamplighter.registry.ThingGroup;
import dev.lamplighter.registry.ThingGroupQuery;
import dev.lamplighter.registry.ThingQuery;
import dev.lamplighter.shadow.ShadowService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.TermQuery;

/**
 * Applies change log entries to the Lucene index: re-reads every thing and group a batch names,
 * writes its document (or deletes it), then brings dynamic group memberships up to date. Runs on
 * the change feed's thread only.
 */
final class IndexUpdater implements ChangeFeed.Target {
  private final LuceneIndex index;
  private final Registry registry;
  private final ScopeConfigurations configurations;
  private final DocumentSource documents;
  private final DynamicMembership membership;
  private final IndexReadiness readiness;

  IndexUpdater(
      LuceneIndex index,
      Registry registry,
      ScopeConfigurations configurations,
      ShadowService shadows,
      DynamicMembership membership,
      IndexReadiness readiness) {
    this.index = index;
    this.registry = registry;
    this.configurations = configurations;
    this.documents = new DocumentSource(registry, configurations, shadows);
    this.membership = membership;
    this.readiness = readiness;
  }

  @Override
  public void apply(List<ChangeEvent> events) {
    IndexWork work = IndexWork.of(events);
    for (Scope scope : work.reconfigured) {
      configurations.forget(scope);
      membership.forget(scope);
      reindex(scope);
    }
    if (!work.deletedGroups.isEmpty()) {
      // The members of a deleted group are found in the index: what earlier batches wrote must
      // be visible, published or not.
      index.refresh();
    }
    Set<ScopedName> things = new LinkedHashSet<>(work.things);
    things.addAll(membersOf(work.deletedGroups));
    for (ScopedName thing : work.shadowsChanged) {
      if (configurations.configuration(thing.scope()).shadowsIndexed()) {
        things.add(thing);
      }
    }
    List<DynamicMembership.PendingBuild> dynamicGroupsToBuild = new ArrayList<>();
    for (ScopedName group : work.groups) {
      membership.forget(group.scope());
      writeGroup(group);
      membership.pending(group.scope(), group.name()).ifPresent(dynamicGroupsToBuild::add);
    }
    Map<Scope, Map<String, ThingIndexDocument>> written = writeThings(things);
    boolean membershipToCompute =
        !dynamicGroupsToBuild.isEmpty()
            || !work.reconfigured.isEmpty()
            || written.keySet().stream().anyMatch(membership::hasDynamicGroups);
    if (membershipToCompute) {
      updateMemberships(written, work.reconfigured, dynamicGroupsToBuild);
    }
    // Otherwise nothing asks the index about this batch yet; the feed publishes it when due.
  }

  /** Writes the things' documents; by scope and name, each thing's document or null if gone. */
  private Map<Scope, Map<String, ThingIndexDocument>> writeThings(Set<ScopedName> things) {
    Map<Scope, Map<String, ThingIndexDocument>> written = new HashMap<>();
    for (ScopedName thing : things) {
      ThingIndexDocument document = writeThing(thing);
      written.computeIfAbsent(thing.scope(), s -> new HashMap<>()).put(thing.name(), document);
    }
    return written;
  }

  private void updateMemberships(
      Map<Scope, Map<String, ThingIndexDocument>> written,
      Set<Scope> reconfigured,
      List<DynamicMembership.PendingBuild> dynamicGroupsToBuild) {
    // Dynamic groups' queries run on the index, which must show what this batch wrote.
    index.refresh();
    written.forEach(membership::evaluate);
    for (Scope scope : reconfigured) {
      membership.rebuildAll(scope);
    }
    for (DynamicMembership.PendingBuild group : dynamicGroupsToBuild) {
      membership.build(group);
    }
  }

  @Override
  public void publish() {
    index.refresh();
  }

  @Override
  public void commit(long sequence) {
    index.commit(sequence);
  }

  @Override
  public void caughtUp() {
    readiness.caughtUp();
  }

  /**
   * Writes the thing's current document, or deletes it when the thing is gone or things are not
   * indexed.
   *
   * @return the document written, or null when there is none
   */
  private ThingIndexDocument writeThing(ScopedName thing) {
    Scope scope = thing.scope();
    ThingIndexDocument document =
        configurations.configuration(scope).thingsIndexed()
            ? documents.thing(scope, thing.name()).orElse(null)
            : null;
    Term key = DocumentMapper.key(scope, IndexKind.THINGS, thing.name());
    if (document == null) {
      index.delete(new TermQuery(key));
    } else {
      index.put(key, DocumentMapper.thing(scope, document, configurations.things(scope)));
    }
    return document;
  }

  /** Writes the group's current document, or deletes it as {@link #writeThing} does. */
  private void writeGroup(ScopedName group) {
    Scope scope = group.scope();
    ThingGroupIndexDocument document =
        configurations.configuration(scope).groupsIndexed()
            ? documents.thingGroup(scope, group.name()).orElse(null)
            : null;
    Term key = DocumentMapper.key(scope, IndexKind.THING_GROUPS, group.name());
    if (document == null) {
      index.delete(new TermQuery(key));
    } else {
      index.put(key, DocumentMapper.thingGroup(scope, document, configurations.thingGroups(scope)));
    }
  }

  /** Rewrites every document of the scope after its configuration changed. */
  private void reindex(Scope scope) {
    index.delete(
        DocumentMapper.scope(scope, IndexKind.THINGS),
        DocumentMapper.scope(scope, IndexKind.THING_GROUPS));
    IndexingConfiguration configuration = configurations.configuration(scope);
    if (configuration.thingsIndexed()) {
      FieldCatalogue catalogue = configurations.things(scope);
      for (Thing thing : Paging.all(p -> registry.things().list(scope, ThingQuery.all(), p))) {
        index.put(
            DocumentMapper.key(scope, IndexKind.THINGS, thing.name()),
            DocumentMapper.thing(scope, documents.thing(scope, thing), catalogue));
      }
    }
    if (configuration.groupsIndexed()) {
      FieldCatalogue catalogue = configurations.thingGroups(scope);
      for (ThingGroup group :
          Paging.all(p -> registry.thingGroups().list(scope, ThingGroupQuery.all(), p))) {
        index.put(
            DocumentMapper.key(scope, IndexKind.THING_GROUPS, group.name()),
            DocumentMapper.thingGroup(scope, DocumentSource.thingGroup(group), catalogue));
      }
    }
  }

  /**
   * The things the index still shows as members of groups that were deleted: deleting a group ends
   * its memberships without a log entry per member.
   */
  private List<ScopedName> membersOf(Set<ScopedName> deletedGroups) {
    if (deletedGroups.isEmpty()) {
      return List.of();
    }
    List<ScopedName> members = new ArrayList<>();
    for (ScopedName group : deletedGroups) {
      BooleanQuery query =
          new BooleanQuery.Builder()
              .add(DocumentMapper.scope(group.scope(), IndexKind.THINGS), Occur.FILTER)
              .add(
                  new TermQuery(
                      DocumentMapper.stringTerm(FieldCatalogue.THING_GROUP_NAMES, group.name())),
                  Occur.FILTER)
              .build();
      for (String thing : MatchingNames.of(index, query)) {
        members.add(new ScopedName(group.scope(), thing));
      }
    }
    return members;
  }
}
