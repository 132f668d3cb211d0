package dev.lamplighter.broker.internal;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Every session of every namespace, and each namespace's subscription tree. A session's executor is
 * picked from the client id's hash so one client id always lands on the same single writer.
 */
final class SessionRegistry {
  private final ConcurrentHashMap<SessionKey, Session> sessions = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, SubscriptionTree> trees = new ConcurrentHashMap<>();
  private final EventExecutor[] executors;
  private final LongSupplier clock;
  private final int maxQueued;

  SessionRegistry(EventExecutorGroup group, LongSupplier clock, int maxQueued) {
    List<EventExecutor> all = new ArrayList<>();
    group.forEach(all::add);
    this.executors = all.toArray(EventExecutor[]::new);
    this.clock = clock;
    this.maxQueued = maxQueued;
  }

  /** The session of {@code key}, created when there is none. */
  Session resolve(SessionKey key) {
    return sessions.computeIfAbsent(
        key,
        k ->
            new Session(
                k,
                executors[Math.floorMod(k.hashCode(), executors.length)],
                clock,
                tree(k.namespace()),
                maxQueued));
  }

  Optional<Session> find(SessionKey key) {
    return Optional.ofNullable(sessions.get(key));
  }

  SubscriptionTree tree(String namespace) {
    return trees.computeIfAbsent(namespace, n -> new SubscriptionTree());
  }

  /** Called by a session as it is removed. */
  void forget(Session session) {
    sessions.remove(session.key(), session);
  }

  /** Removes offline sessions whose expiry passed; each is checked on its own executor. */
  void expireSessions() {
    long now = clock.getAsLong();
    for (Session session : sessions.values()) {
      if (!session.isOnline()) {
        session.run(() -> session.expireIfDue(now, this));
      }
    }
  }

  int size() {
    return sessions.size();
  }
}
