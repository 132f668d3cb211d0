package dev.lamplighter.registry;

/**
 * The state a change log entry carries when a thing joins or leaves a group.
 *
 * @param thingName the thing
 * @param groupName the thing group or billing group
 */
public record GroupMembership(String thingName, String groupName) {}
