package dev.lamplighter.index.internal;

import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.index.IndexingConfiguration;
import dev.lamplighter.index.ThingIndexDocument;
import dev.lamplighter.index.internal.query.DocumentMapper;
import dev.lamplighter.index.internal.query.FieldCatalogue;
import dev.lamplighter.index.internal.query.IndexKind;
import dev.lamplighter.registry.Registry;
import dev.lamplighter.registry.ThingGroupQuery;
import dev.lamplighter.registry.ThingQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexWriter;
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
      DynamicMembership membership,
      IndexReadiness readiness) {
    this.index = index;
    this.registry = registry;
    this.configurations = configurations;
    this.documents = new DocumentSource(registry);
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
    IndexingConfiguration configuration = configurations.configuration(thing.scope());
    ThingIndexDocument document =
        configuration.thingsIndexed()
            ? documents.thing(thing.scope(), thing.name()).orElse(null)
            : null;
    Term key = DocumentMapper.key(thing.scope(), IndexKind.THINGS, thing.name());
    try {
      if (document == null) {
        index.writer().deleteDocuments(key);
      } else {
        index
            .writer()
            .updateDocument(
                key,
                DocumentMapper.thing(
                    thing.scope(), document, configurations.things(thing.scope())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Writing thing " + thing.name() + " to the index failed", e);
    }
    return document;
  }

  private void writeGroup(ScopedName group) {
    IndexingConfiguration configuration = configurations.configuration(group.scope());
    var document =
        configuration.groupsIndexed()
            ? documents.thingGroup(group.scope(), group.name()).orElse(null)
            : null;
    Term key = DocumentMapper.key(group.scope(), IndexKind.THING_GROUPS, group.name());
    try {
      if (document == null) {
        index.writer().deleteDocuments(key);
      } else {
        index
            .writer()
            .updateDocument(
                key,
                DocumentMapper.thingGroup(
                    group.scope(), document, configurations.thingGroups(group.scope())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Writing group " + group.name() + " to the index failed", e);
    }
  }

  /** Rewrites every document of the scope after its configuration changed. */
  private void reindex(Scope scope) {
    IndexWriter writer = index.writer();
    try {
      writer.deleteDocuments(
          DocumentMapper.scope(scope, IndexKind.THINGS),
          DocumentMapper.scope(scope, IndexKind.THING_GROUPS));
      IndexingConfiguration configuration = configurations.configuration(scope);
      if (configuration.thingsIndexed()) {
        var catalogue = configurations.things(scope);
        for (var thing : Paging.all(p -> registry.things().list(scope, ThingQuery.all(), p))) {
          writer.updateDocument(
              DocumentMapper.key(scope, IndexKind.THINGS, thing.name()),
              DocumentMapper.thing(scope, documents.thing(scope, thing), catalogue));
        }
      }
      if (configuration.groupsIndexed()) {
        var catalogue = configurations.thingGroups(scope);
        for (var group :
            Paging.all(p -> registry.thingGroups().list(scope, ThingGroupQuery.all(), p))) {
          writer.updateDocument(
              DocumentMapper.key(scope, IndexKind.THING_GROUPS, group.name()),
              DocumentMapper.thingGroup(scope, DocumentSource.thingGroup(group), catalogue));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Re-indexing " + scope + " failed", e);
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
