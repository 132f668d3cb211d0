package dev.lamplighter.index.internal;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.tenancy.Scope;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a batch of change log entries asks of the index, each item once however often the batch
 * names it. Items are named, not copied: the index reads their current state from the registry, so
 * applying the same work twice, or late, gives the same index.
 */
final class IndexWork {
  final Set<Scope> reconfigured = new LinkedHashSet<>();
  final Set<ScopedName> groups = new LinkedHashSet<>();
  final Set<ScopedName> deletedGroups = new LinkedHashSet<>();
  final Set<ScopedName> things = new LinkedHashSet<>();

  /** Things whose shadows changed: re-indexed where their scope indexes shadows. */
  final Set<ScopedName> shadowsChanged = new LinkedHashSet<>();

  static IndexWork of(List<ChangeEvent> events) {
    IndexWork work = new IndexWork();
    for (ChangeEvent event : events) {
      work.add(event);
    }
    return work;
  }

  private void add(ChangeEvent event) {
    ScopedName named = new ScopedName(event.scope(), event.name());
    if (event.type() == ResourceType.THING) {
      // Every kind, CONNECTED and DISCONNECTED included: the thing's document carries them.
      things.add(named);
    } else if (event.type() == ResourceType.THING_GROUP) {
      addGroupChange(event, named);
    } else if (event.type() == ResourceType.SHADOW) {
      // Shadow entries carry the thing's name; a thing's deletion deletes its shadows with it.
      shadowsChanged.add(named);
    } else if (event.type() == ResourceType.INDEX) {
      reconfigured.add(event.scope());
    }
  }

  private void addGroupChange(ChangeEvent event, ScopedName group) {
    if (event.kind() == ChangeKind.MEMBER_ADDED || event.kind() == ChangeKind.MEMBER_REMOVED) {
      ChangeStates.thingName(event.stateJson())
          .ifPresent(thing -> things.add(new ScopedName(event.scope(), thing)));
      return;
    }
    groups.add(group);
    if (event.kind() == ChangeKind.DELETED) {
      // Deleting a group ends its memberships without an entry per member.
      deletedGroups.add(group);
    }
  }

  boolean isEmpty() {
    return reconfigured.isEmpty()
        && groups.isEmpty()
        && things.isEmpty()
        && shadowsChanged.isEmpty();
  }
}
