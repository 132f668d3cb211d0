package dev.lamplighter.core.event;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.tenancy.Scope;
import java.util.Objects;

/**
 * One entry a write appends to the change log.
 *
 * @param scope the owner of the resource
 * @param type the resource type
 * @param name the resource's name (or id, for resources named by id)
 * @param kind what the write did
 * @param state the resource's new state as a domain record, or null when it was deleted; the store
 *     keeps it as JSON
 */
public record ChangeRecord(
    Scope scope, ResourceType type, String name, ChangeKind kind, Object state) {
  public ChangeRecord {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
  }

  public static ChangeRecord created(Scope scope, ResourceType type, String name, Object state) {
    return new ChangeRecord(scope, type, name, ChangeKind.CREATED, state);
  }

  public static ChangeRecord updated(Scope scope, ResourceType type, String name, Object state) {
    return new ChangeRecord(scope, type, name, ChangeKind.UPDATED, state);
  }

  public static ChangeRecord memberAdded(
      Scope scope, ResourceType groupType, String groupName, Object membership) {
    return new ChangeRecord(scope, groupType, groupName, ChangeKind.MEMBER_ADDED, membership);
  }

  public static ChangeRecord memberRemoved(
      Scope scope, ResourceType groupType, String groupName, Object membership) {
    return new ChangeRecord(scope, groupType, groupName, ChangeKind.MEMBER_REMOVED, membership);
  }

  public static ChangeRecord deleted(Scope scope, ResourceType type, String name) {
    return new ChangeRecord(scope, type, name, ChangeKind.DELETED, null);
  }
}
