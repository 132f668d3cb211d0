package dev.lamplighter.registry;

import java.util.List;

/**
 * What recording a dynamic group's membership changed; each list is in thing-name order.
 *
 * @param added things that became members
 * @param removed things that stopped being members
 * @param refused things that match but were left out because they are in as many thing groups as a
 *     thing can be, and no newer dynamic group could give way (AWS logs these as
 *     AddThingToDynamicThingGroupsFailed)
 * @param displaced things that left a newer dynamic group to make room, with that group
 */
public record DynamicMembershipChange(
    List<String> added,
    List<String> removed,
    List<String> refused,
    List<GroupMembership> displaced) {
  public DynamicMembershipChange {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    refused = List.copyOf(refused);
    displaced = List.copyOf(displaced);
  }
}
