package dev.lamplighter.registry.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.DynamicMembershipChange;
import dev.lamplighter.registry.GroupMembership;
import dev.lamplighter.registry.ThingGroup;
import dev.lamplighter.registry.spi.RegistryPorts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the membership the fleet index computed for a dynamic group, inside the caller's
 * transaction. A batch costs a few set-based store calls whatever its size; only a thing that is
 * already in 10 groups is looked at on its own, to apply AWS's order of precedence: it joins only
 * if the group is older than one of its dynamic groups, and then leaves the newest of those.
 */
final class DynamicMembershipRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(DynamicMembershipRecorder.class);

  private final RegistryPorts ports;
  private final GroupsPerThing groupsPerThing;

  DynamicMembershipRecorder(RegistryPorts ports) {
    this.ports = ports;
    this.groupsPerThing = new GroupsPerThing(ports);
  }

  DynamicMembershipChange record(
      Scope scope, ThingGroup group, Collection<String> add, Collection<String> remove) {
    List<String> removed =
        remove.isEmpty()
            ? List.of()
            : ports.dynamicThingGroupMembers().remove(scope, group.name(), new TreeSet<>(remove));
    for (String thing : removed) {
      ThingGroupRules.logMemberRemoved(ports, scope, group.name(), thing);
    }
    if (add.isEmpty()) {
      return new DynamicMembershipChange(List.of(), removed, List.of(), List.of());
    }
    TreeSet<String> candidates = new TreeSet<>(add);
    Map<String, Integer> groupCounts =
        ports.dynamicThingGroupMembers().groupCounts(scope, candidates);
    Set<String> members =
        new HashSet<>(
            ports.dynamicThingGroupMembers().membersAmong(scope, group.name(), candidates));
    List<String> joining = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    List<GroupMembership> displaced = new ArrayList<>();
    for (String thing : candidates) {
      Integer count = groupCounts.get(thing);
      if (count == null || members.contains(thing)) {
        continue;
      }
      if (count < GroupsPerThing.MAX) {
        joining.add(thing);
        continue;
      }
      Optional<ThingGroup> giving = newerDynamicGroupOf(scope, group, thing);
      if (giving.isEmpty()) {
        LOG.warn(
            "Thing [{}] matches dynamic thing group [{}] but is in {} thing groups already",
            thing,
            group.name(),
            count);
        refused.add(thing);
        continue;
      }
      groupsPerThing.leave(scope, giving.get(), thing);
      LOG.warn(
          "Thing [{}] left dynamic thing group [{}] to join the older [{}]",
          thing,
          giving.get().name(),
          group.name());
      displaced.add(new GroupMembership(thing, giving.get().name()));
      joining.add(thing);
    }
    List<String> added =
        joining.isEmpty()
            ? List.of()
            : ports.dynamicThingGroupMembers().add(scope, group.name(), joining);
    for (String thing : added) {
      ThingGroupRules.logMemberAdded(ports, scope, group.name(), thing);
    }
    return new DynamicMembershipChange(added, removed, refused, displaced);
  }

  /** The newest dynamic group of the thing, if it is newer than {@code group}. */
  private Optional<ThingGroup> newerDynamicGroupOf(Scope scope, ThingGroup group, String thing) {
    return groupsPerThing
        .newestDynamicGroup(scope, ports.dynamicThingGroupMembers().groupsOf(scope, thing))
        .filter(newest -> GroupsPerThing.OLDEST_FIRST.compare(group, newest) < 0);
  }
}
