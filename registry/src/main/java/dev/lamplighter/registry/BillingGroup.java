package dev.lamplighter.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * A billing group: a flat set of things (a thing is in at most one) for cost allocation.
 *
 * @param name unique within its scope
 * @param groupId a UUID assigned at creation
 * @param description free text, or null
 * @param version starts at 1 and grows by one with every update
 * @param createdAt when the group was created
 */
public record BillingGroup(
    String name, String groupId, String description, long version, Instant createdAt) {
  public BillingGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
