package dev.lamplighter.registry.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.ThingGroup;
import dev.lamplighter.registry.spi.RegistryPorts;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * AWS's limit of 10 thing groups per thing, static and dynamic together, and which membership gives
 * way when a thing at the limit joins another group: a dynamic one, the most recently created
 * first. A static group takes that place only when the caller asks (overrideDynamicGroups); an
 * older dynamic group takes it by right. Static memberships never give way.
 */
final class GroupsPerThing {
  static final int MAX = 10;

  /** Creation order, names breaking ties between groups created in the same instant. */
  static final Comparator<ThingGroup> OLDEST_FIRST =
      Comparator.comparing(ThingGroup::createdAt).thenComparing(ThingGroup::name);

  private final RegistryPorts ports;

  GroupsPerThing(RegistryPorts ports) {
    this.ports = ports;
  }

  /** The most recently created dynamic group of those the thing is in. */
  Optional<ThingGroup> newestDynamicGroup(Scope scope, List<String> dynamicGroupNames) {
    return dynamicGroupNames.stream()
        .map(name -> ThingGroupRules.find(ports, scope, name))
        .max(OLDEST_FIRST);
  }

  /** Takes the thing out of a dynamic group to make room, with its change log entry. */
  void leave(Scope scope, ThingGroup dynamicGroup, String thingName) {
    List<String> removed =
        ports.dynamicThingGroupMembers().remove(scope, dynamicGroup.name(), List.of(thingName));
    if (!removed.isEmpty()) {
      ThingGroupRules.logMemberRemoved(ports, scope, dynamicGroup.name(), thingName);
    }
  }
}
