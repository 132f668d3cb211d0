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
  private final Journal journal;

  /**
   * @param journal where persistent sessions are recorded, or null to keep them in memory only
   */
  SessionRegistry(EventExecutorGroup group, LongSupplier clock, int maxQueued, Journal journal) {
    List<EventExecutor> all = new ArrayList<>();
    group.forEach(all::add);
    this.executors = all.toArray(EventExecutor[]::new);
    this.clock = clock;
    this.maxQueued = maxQueued;
    this.journal = journal;
  }

  /** Rebuilds the journal's persistent sessions, offline; before the listener accepts anyone. */
  void restore(JournalState state, long nowMillis) {
    state.sessions().forEach((key, saved) -> resolve(key).restore(saved, state, nowMillis));
  }

  /** The session of {@code key}, created when there is none. */
  Session resolve(SessionKey key) {
    return resolve(key, null);
  }

  /**
   * The session of {@code key}; a new one takes {@code preferred} as its single writer (the
   * connecting channel's event loop, so its deliveries are written without another thread hop) when
   * it is one of the broker's event loops, else the executor the client id's hash picks (a channel
   * the embedder established runs on the embedder's loops, which a session may outlive). An
   * existing session keeps its executor.
   */
  Session resolve(SessionKey key, EventExecutor preferred) {
    return sessions.computeIfAbsent(
        key,
        k ->
            new Session(
                k,
                isOurs(preferred)
                    ? preferred
                    : executors[Math.floorMod(k.hashCode(), executors.length)],
                clock,
                tree(k.namespace()),
                maxQueued,
                journal));
  }

  private boolean isOurs(EventExecutor executor) {
    if (executor == null) {
      return false;
    }
    for (EventExecutor ours : executors) {
      if (ours == executor) {
        return true;
      }
    }
    return false;
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
