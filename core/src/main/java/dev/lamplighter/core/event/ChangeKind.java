package dev.lamplighter.core.event;

/** What a write did to a resource. */
public enum ChangeKind {
  CREATED,
  UPDATED,
  DELETED,
  /** A thing joined the group named by the entry; the state is the membership. */
  MEMBER_ADDED,
  /** A thing left the group named by the entry; the state is the membership. */
  MEMBER_REMOVED,
  /** Something was attached to the resource named by the entry; the state says what. */
  ATTACHED,
  /** Something was detached from the resource named by the entry; the state says what. */
  DETACHED,
  /**
   * The thing named by the entry connected over MQTT; the state is its connectivity. Not an {@link
   * #UPDATED}: the thing itself (attributes, type, version) did not change.
   */
  CONNECTED,
  /** The thing named by the entry disconnected; the state is its connectivity with the reason. */
  DISCONNECTED
}
