package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.extension.Message;
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

  Router(SessionRegistry sessions, RetainedMessages retained, LongSupplier clock) {
    this.sessions = sessions;
    this.retained = retained;
    this.clock = clock;
  }

  /**
   * Routes {@code message} in {@code namespace}.
   *
   * @param origin the publishing session, for MQTT 5 no-local; null for the server
   */
  void route(String namespace, Message message, Session origin) {
    if (message.retain()) {
      retained.store(namespace, message, clock.getAsLong());
    }
    Map<Session, Subscription> targets = sessions.tree(namespace).match(message.topic());
    for (Map.Entry<Session, Subscription> target : targets.entrySet()) {
      Session session = target.getKey();
      Subscription subscription = target.getValue();
      if (subscription.noLocal() && session == origin) {
        continue;
      }
      Message out = subscription.retainAsPublished() ? message : message.withRetain(false);
      session.run(() -> session.deliver(out, subscription));
    }
  }

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
      session.deliver(message, subscription);
    }
  }

  RetainedMessages retained() {
    return retained;
  }
}
