package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.extension.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Routes a published message: keeps it when retained, then hands it to every matching session on
 * that session's executor. Live deliveries clear the retain flag unless the subscription asked to
 * keep it (MQTT 5 retain-as-published).
 */
final class Router {
  private final SessionRegistry sessions;
  private final RetainedMessages retained;
  private final LongSupplier clock;
  private final Journal journal;

  /**
   * @param journal where messages owed to persistent sessions and retained messages are recorded
   *     before the publisher is acknowledged, or null to keep them in memory only
   */
  Router(SessionRegistry sessions, RetainedMessages retained, LongSupplier clock, Journal journal) {
    this.sessions = sessions;
    this.retained = retained;
    this.clock = clock;
    this.journal = journal;
  }

  /**
   * Routes {@code message} in {@code namespace}.
   *
   * @param origin the publishing session, for MQTT 5 no-local; null for the server
   */
  void route(String namespace, Message message, Session origin) {
    Map<Session, Subscription> matched = sessions.tree(namespace).match(message.topic());
    List<Target> targets = new ArrayList<>(matched.size());
    List<String> owed = null;
    for (Map.Entry<Session, Subscription> entry : matched.entrySet()) {
      Session session = entry.getKey();
      Subscription subscription = entry.getValue();
      if (subscription.noLocal() && session == origin) {
        continue;
      }
      boolean durable =
          journal != null
              && message.qos() == 1
              && subscription.qos() == 1
              && session.isPersistent();
      if (durable) {
        if (owed == null) {
          owed = new ArrayList<>();
        }
        owed.add(session.key().clientId());
      }
      targets.add(new Target(session, subscription, durable));
    }
    long now = clock.getAsLong();
    // Journaled before any delivery and before the publisher's PUBACK: what was acknowledged
    // survives a crash.
    long journalId = owed == null ? 0 : journal.appendMessage(namespace, message, owed);
    if (message.retain()) {
      if (journal != null) {
        journal.append(
            new JournalRecord.Retained(
                namespace,
                message.topic(),
                message.payload().length == 0 ? null : message.withRetain(true),
                now));
      }
      retained.store(namespace, message, now);
    }
    for (Target target : targets) {
      Subscription subscription = target.subscription();
      Message out = subscription.retainAsPublished() ? message : message.withRetain(false);
      long id = target.durable() ? journalId : 0;
      Session session = target.session();
      session.run(() -> session.deliver(out, subscription, id));
    }
  }

  private record Target(Session session, Subscription subscription, boolean durable) {}

  /**
   * Sends the retained messages a new subscription should see. Runs on the session's executor,
   * right after the SUBACK.
   */
  void sendRetained(String namespace, Session session, Subscription subscription, boolean isNew) {
    if (subscription.shared()
        || subscription.retainHandling() == 2
        || (subscription.retainHandling() == 1 && !isNew)) {
      return;
    }
    List<Message> matching =
        retained.matching(namespace, subscription.topicFilter(), clock.getAsLong());
    for (Message message : matching) {
      session.deliver(message, subscription, 0);
    }
  }

  RetainedMessages retained() {
    return retained;
  }
}
