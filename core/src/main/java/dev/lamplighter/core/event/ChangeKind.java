package dev.lamplighter.core.event;

/** What a write did to a resource. */
public enum ChangeKind {
  CREATED,
  UPDATED,
  DELETED
}
