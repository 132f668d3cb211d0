package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.extension.Message;
import java.util.List;

/**
 * One entry of the broker's journal: a change to what must survive a crash. Replaying the entries
 * in order rebuilds the persistent sessions, their subscriptions and undelivered QoS 1 messages,
 * and the retained messages ({@link JournalState}).
 */
sealed interface JournalRecord {
  String namespace();

  /** A persistent session started (or restarted clean) with this expiry. */
  record SessionOpened(String namespace, String clientId, long expiryMillis)
      implements JournalRecord {}

  /** A persistent session's connection ended at {@code atMillis}; the expiry counts from here. */
  record SessionClosed(String namespace, String clientId, long atMillis) implements JournalRecord {}

  /** A session ended: its subscriptions and undelivered messages are gone. */
  record SessionEnded(String namespace, String clientId) implements JournalRecord {}

  /** A persistent session subscribed (or replaced a subscription). */
  record Subscribed(String namespace, String clientId, Subscription subscription)
      implements JournalRecord {}

  /** A persistent session unsubscribed. */
  record Unsubscribed(String namespace, String clientId, String filter) implements JournalRecord {}

  /**
   * A QoS 1 message the broker acknowledged and owes to these persistent sessions.
   *
   * @param id the journal's id of the message, increasing in append order
   */
  record MessageStored(long id, String namespace, Message message, List<String> recipients)
      implements JournalRecord {}

  /** A session no longer needs message {@code id} (acknowledged, expired or dropped). */
  record Delivered(String namespace, String clientId, long id) implements JournalRecord {}

  /** A topic's retained message; {@code message} null means the retained message was deleted. */
  record Retained(String namespace, String topic, Message message, long storedAtMillis)
      implements JournalRecord {}
}
