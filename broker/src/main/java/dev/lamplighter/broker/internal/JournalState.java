package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.RetainedMessage;
import dev.lamplighter.broker.extension.Message;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the journal's entries add up to: the persistent sessions with their subscriptions and the
 * ids of the QoS 1 messages they are still owed (in order), those messages, and the retained
 * messages. Built by replaying the journal at start-up and when compacting it; never shared between
 * threads.
 */
final class JournalState {
  /** A persistent session as the journal knows it. */
  static final class SessionState {
    long expiryMillis;

    /** When its last connection ended, or -1 while it was connected. */
    long closedAtMillis = -1;

    final LinkedHashMap<String, Subscription> subscriptions = new LinkedHashMap<>();
    final LinkedHashSet<Long> pending = new LinkedHashSet<>();
  }

  private record StoredMessage(String namespace, Message message) {}

  private final Map<SessionKey, SessionState> sessions = new LinkedHashMap<>();
  private final TreeMap<Long, StoredMessage> messages = new TreeMap<>();
  private final Map<Long, Integer> references = new HashMap<>();
  private final Map<String, TreeMap<String, RetainedMessage>> retained = new LinkedHashMap<>();
  private long lastMessageId;

  void apply(JournalRecord record) {
    if (record instanceof JournalRecord.SessionOpened r) {
      SessionState session =
          sessions.computeIfAbsent(
              new SessionKey(r.namespace(), r.clientId()), k -> new SessionState());
      session.expiryMillis = r.expiryMillis();
      session.closedAtMillis = -1;
    } else if (record instanceof JournalRecord.SessionClosed r) {
      SessionState session = sessions.get(new SessionKey(r.namespace(), r.clientId()));
      if (session != null) {
        session.closedAtMillis = r.atMillis();
      }
    } else if (record instanceof JournalRecord.SessionEnded r) {
      SessionState ended = sessions.remove(new SessionKey(r.namespace(), r.clientId()));
      if (ended != null) {
        ended.pending.forEach(this::release);
      }
    } else if (record instanceof JournalRecord.Subscribed r) {
      SessionState session = sessions.get(new SessionKey(r.namespace(), r.clientId()));
      if (session != null) {
        session.subscriptions.put(r.subscription().filter(), r.subscription());
      }
    } else if (record instanceof JournalRecord.Unsubscribed r) {
      SessionState session = sessions.get(new SessionKey(r.namespace(), r.clientId()));
      if (session != null) {
        session.subscriptions.remove(r.filter());
      }
    } else if (record instanceof JournalRecord.MessageStored r) {
      lastMessageId = Math.max(lastMessageId, r.id());
      int count = 0;
      for (String recipient : r.recipients()) {
        SessionState session = sessions.get(new SessionKey(r.namespace(), recipient));
        if (session != null && session.pending.add(r.id())) {
          count++;
        }
      }
      if (count > 0) {
        messages.put(r.id(), new StoredMessage(r.namespace(), r.message()));
        references.put(r.id(), count);
      }
    } else if (record instanceof JournalRecord.Delivered r) {
      SessionState session = sessions.get(new SessionKey(r.namespace(), r.clientId()));
      if (session != null && session.pending.remove(r.id())) {
        release(r.id());
      }
    } else if (record instanceof JournalRecord.Retained r) {
      TreeMap<String, RetainedMessage> topics =
          retained.computeIfAbsent(r.namespace(), n -> new TreeMap<>());
      if (r.message() == null) {
        topics.remove(r.topic());
      } else {
        topics.put(r.topic(), new RetainedMessage(r.message(), r.storedAtMillis()));
      }
    }
  }

  private void release(long id) {
    Integer left = references.computeIfPresent(id, (k, v) -> v == 1 ? null : v - 1);
    if (left == null) {
      messages.remove(id);
    }
  }

  /**
   * Drops what has expired by {@code nowMillis}: offline sessions past their expiry, messages past
   * theirs, and retained messages past theirs.
   */
  void expire(long nowMillis) {
    sessions
        .entrySet()
        .removeIf(
            entry -> {
              SessionState session = entry.getValue();
              boolean expired =
                  session.closedAtMillis >= 0
                      && nowMillis - session.closedAtMillis >= session.expiryMillis;
              if (expired) {
                session.pending.forEach(this::release);
              }
              return expired;
            });
    List<Long> stale = new ArrayList<>();
    messages.forEach(
        (id, stored) -> {
          if (stored.message().properties().expiredAt(nowMillis)) {
            stale.add(id);
          }
        });
    for (Long id : stale) {
      messages.remove(id);
      references.remove(id);
      for (SessionState session : sessions.values()) {
        session.pending.remove(id);
      }
    }
    for (TreeMap<String, RetainedMessage> topics : retained.values()) {
      topics.values().removeIf(r -> r.message().properties().expiredAt(nowMillis));
    }
  }

  /** Entries that rebuild this state from nothing: sessions, then messages, then retained. */
  List<JournalRecord> snapshot() {
    List<JournalRecord> records = new ArrayList<>();
    Map<Long, List<String>> recipients = new HashMap<>();
    sessions.forEach(
        (key, session) -> {
          records.add(
              new JournalRecord.SessionOpened(
                  key.namespace(), key.clientId(), session.expiryMillis));
          if (session.closedAtMillis >= 0) {
            records.add(
                new JournalRecord.SessionClosed(
                    key.namespace(), key.clientId(), session.closedAtMillis));
          }
          for (Subscription subscription : session.subscriptions.values()) {
            records.add(
                new JournalRecord.Subscribed(key.namespace(), key.clientId(), subscription));
          }
          for (Long id : session.pending) {
            recipients.computeIfAbsent(id, k -> new ArrayList<>()).add(key.clientId());
          }
        });
    messages.forEach(
        (id, stored) ->
            records.add(
                new JournalRecord.MessageStored(
                    id,
                    stored.namespace(),
                    stored.message(),
                    recipients.getOrDefault(id, List.of()))));
    retained.forEach(
        (namespace, topics) ->
            topics.forEach(
                (topic, message) ->
                    records.add(
                        new JournalRecord.Retained(
                            namespace, topic, message.message(), message.storedAtMillis()))));
    return records;
  }

  Map<SessionKey, SessionState> sessions() {
    return sessions;
  }

  /** The message of {@code id}, still owed to some session. */
  Message message(long id) {
    return messages.get(id).message();
  }

  Map<String, TreeMap<String, RetainedMessage>> retained() {
    return retained;
  }

  long lastMessageId() {
    return lastMessageId;
  }
}
