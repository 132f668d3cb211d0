package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.extension.Message;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The state MQTT keeps for a client id across connections: subscriptions, QoS 1 messages in flight
 * to the client, and QoS 1 messages queued while it is offline or while its in-flight window is
 * full.
 *
 * <p>Single writer: every method that changes state runs on {@link #executor} (the event loop of
 * the connection that created the session, or one picked by the client id's hash for a session
 * restored from the journal), fixed for the session's life, so no lock guards the state; callers on
 * other threads go through {@link #run}. Only {@link #connection} is read from other threads
 * (volatile).
 *
 * <pre>
 *   new ──attach──▶ online ──detach──▶ offline (persistent) ──attach──▶ online
 *                      │                      │ expired / clean
 *                      └──detach (clean)──────┴──────────▶ removed (never reused)
 * </pre>
 */
final class Session {
  private final SessionKey key;
  private final EventExecutor executor;
  private final LongSupplier clock;
  private final SubscriptionTree tree;
  private final int maxQueued;
  private final Journal journal;

  private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
  private final LinkedHashMap<Integer, Envelope> inflight = new LinkedHashMap<>();
  private final ArrayDeque<Envelope> queue = new ArrayDeque<>();
  private volatile Connection connection;
  private volatile long expiryMillis;

  /** Whether the journal holds this session (so its end must be journaled too). */
  private boolean journaled;

  private long offlineSinceMillis;
  private int nextPacketId = 1;
  private boolean removed;
  private long connects;
  private long dropped;

  Session(
      SessionKey key,
      EventExecutor executor,
      LongSupplier clock,
      SubscriptionTree tree,
      int maxQueued,
      Journal journal) {
    this.key = key;
    this.executor = executor;
    this.clock = clock;
    this.tree = tree;
    this.maxQueued = maxQueued;
    this.journal = journal;
  }

  SessionKey key() {
    return key;
  }

  /** Runs {@code task} on the session's executor (at once when already on it). */
  void run(Runnable task) {
    if (executor.inEventLoop()) {
      task.run();
    } else {
      executor.execute(task);
    }
  }

  boolean isOnline() {
    return connection != null;
  }

  /** Whether the session outlives its connection, so QoS 1 messages owed to it are journaled. */
  boolean isPersistent() {
    return expiryMillis > 0;
  }

  /**
   * Rebuilds a persistent session from the journal at start-up, offline, before any connection can
   * reach it.
   */
  void restore(JournalState.SessionState saved, JournalState state, long nowMillis) {
    expiryMillis = saved.expiryMillis;
    offlineSinceMillis = saved.closedAtMillis >= 0 ? saved.closedAtMillis : nowMillis;
    connects = 1;
    journaled = true;
    for (Subscription subscription : saved.subscriptions.values()) {
      subscriptions.put(subscription.filter(), subscription);
      tree.add(this, subscription);
    }
    for (Long id : saved.pending) {
      queue.add(new Envelope(id, state.message(id)));
    }
  }

  Connection connection() {
    return connection;
  }

  /**
   * Binds {@code next} to the session, closing a connection that held it (client-id takeover), and
   * writes CONNACK, then what was in flight and queued.
   *
   * @param expiryMillis how long the session outlives this connection; 0 ends it with the
   *     connection
   * @return the connect count of the client id including this one, or -1 when the session was
   *     removed meanwhile (the caller resolves a new one)
   */
  long attach(Connection next, boolean cleanStart, long expiryMillis) {
    if (removed) {
      return -1;
    }
    Connection previous = connection;
    connection = next;
    if (previous != null) {
      previous.close(dev.lamplighter.broker.extension.DisconnectReason.DUPLICATE_CLIENTID, true);
    }
    boolean present = connects > 0 && !cleanStart;
    if (cleanStart) {
      clear();
    }
    this.expiryMillis = expiryMillis;
    journalStart(cleanStart);
    connects++;
    next.accepted(present);
    Iterator<Map.Entry<Integer, Envelope>> resend = inflight.entrySet().iterator();
    while (resend.hasNext()) {
      Map.Entry<Integer, Envelope> entry = resend.next();
      if (!next.deliver(entry.getValue().message(), entry.getKey(), true)) {
        resend.remove();
        consumed(entry.getValue());
      }
    }
    drain();
    return connects;
  }

  /** Journals the session's (re)start: persistent ones are recorded, others forgotten. */
  private void journalStart(boolean cleanStart) {
    if (journal == null) {
      return;
    }
    if (journaled && (cleanStart || expiryMillis == 0)) {
      journal.append(new JournalRecord.SessionEnded(key.namespace(), key.clientId()));
      journaled = false;
    }
    if (expiryMillis > 0) {
      journal.append(
          new JournalRecord.SessionOpened(key.namespace(), key.clientId(), expiryMillis));
      journaled = true;
    }
  }

  /**
   * Unbinds {@code closed} if it still holds the session; a session without expiry is removed.
   *
   * @return true when the session was removed
   */
  boolean detach(Connection closed, SessionRegistry registry) {
    if (connection != closed) {
      return false;
    }
    connection = null;
    offlineSinceMillis = clock.getAsLong();
    if (expiryMillis == 0) {
      remove(registry);
      return true;
    }
    if (journaled) {
      journal.append(
          new JournalRecord.SessionClosed(key.namespace(), key.clientId(), offlineSinceMillis));
    }
    return false;
  }

  /** Sets how long the session outlives its connection (an MQTT 5 DISCONNECT may change it). */
  void expireAfter(long millis) {
    expiryMillis = millis;
    if (journaled && millis > 0) {
      journal.append(new JournalRecord.SessionOpened(key.namespace(), key.clientId(), millis));
    }
  }

  /** Ends the session with its next disconnect (DeleteConnection with cleanSession). */
  void endWithConnection() {
    expiryMillis = 0;
  }

  /** Removes an offline session whose expiry has passed; true when it did. */
  boolean expireIfDue(long nowMillis, SessionRegistry registry) {
    if (connection == null && !removed && nowMillis - offlineSinceMillis >= expiryMillis) {
      remove(registry);
      return true;
    }
    return false;
  }

  private void remove(SessionRegistry registry) {
    removed = true;
    clear();
    if (journaled) {
      journal.append(new JournalRecord.SessionEnded(key.namespace(), key.clientId()));
      journaled = false;
    }
    registry.forget(this);
  }

  private void clear() {
    for (Subscription subscription : subscriptions.values()) {
      tree.remove(this, subscription);
    }
    subscriptions.clear();
    inflight.clear();
    queue.clear();
  }

  /** Adds or replaces subscriptions; returns which filters were new. */
  List<Boolean> subscribe(List<Subscription> granted) {
    List<Boolean> isNew = new ArrayList<>(granted.size());
    for (Subscription subscription : granted) {
      if (journaled) {
        journal.append(new JournalRecord.Subscribed(key.namespace(), key.clientId(), subscription));
      }
      Subscription previous = subscriptions.put(subscription.filter(), subscription);
      if (previous != null) {
        tree.remove(this, previous);
      }
      tree.add(this, subscription);
      isNew.add(previous == null);
    }
    return isNew;
  }

  /** Removes a subscription; false when there was none. */
  boolean unsubscribe(String filter) {
    Subscription previous = subscriptions.remove(filter);
    if (previous == null) {
      return false;
    }
    if (journaled) {
      journal.append(new JournalRecord.Unsubscribed(key.namespace(), key.clientId(), filter));
    }
    tree.remove(this, previous);
    return true;
  }

  /**
   * Removes the subscriptions the live connection may no longer hold (its rights changed); returns
   * their filters.
   */
  List<String> dropForbiddenSubscriptions() {
    Connection live = connection;
    if (live == null) {
      return List.of();
    }
    List<String> dropped = new ArrayList<>();
    for (String filter : List.copyOf(subscriptions.keySet())) {
      if (!live.maySubscribe(filter)) {
        unsubscribe(filter);
        dropped.add(filter);
      }
    }
    return dropped;
  }

  int subscriptionCount() {
    return subscriptions.size();
  }

  boolean hasSubscription(String filter) {
    return subscriptions.containsKey(filter);
  }

  /**
   * Delivers (or queues) a message matched by {@code subscription}. Runs on the executor.
   *
   * @param journalId the journal's id when this session is owed the message durably, else 0
   */
  void deliver(Message message, Subscription subscription, long journalId) {
    int qos = Math.min(message.qos(), subscription.qos());
    Envelope out = new Envelope(journalId, message.withQos(qos));
    Connection live = connection;
    if (live == null) {
      if (qos == 1) {
        enqueue(out);
      }
      return;
    }
    if (!live.mayReceive(message.topic()) || message.properties().expiredAt(clock.getAsLong())) {
      consumed(out);
      return;
    }
    if (qos == 0) {
      live.deliver(out.message(), 0, false);
    } else if (queue.isEmpty() && inflight.size() < live.receiveMaximum()) {
      send(live, out);
    } else {
      enqueue(out);
    }
  }

  /**
   * Delivers a message addressed to this session alone (a reply to its request): as if matched by
   * the session's own subscription to the topic with the highest QoS, or, without one, at QoS 0 to
   * a live connection, as AWS IoT answers a client that did not subscribe. Never retained, never
   * journaled. Runs on the executor.
   */
  void deliverDirect(Message message) {
    Subscription best = null;
    for (Subscription subscription : subscriptions.values()) {
      if (!subscription.shared()
          && TopicMatcher.matches(subscription.topicFilter(), message.topic())
          && (best == null || subscription.qos() > best.qos())) {
        best = subscription;
      }
    }
    if (best != null) {
      deliver(message.withRetain(false), best, 0);
      return;
    }
    Connection live = connection;
    if (live != null
        && live.mayReceive(message.topic())
        && !message.properties().expiredAt(clock.getAsLong())) {
      live.deliver(message.withRetain(false).withQos(0), 0, false);
    }
  }

  /** The client acknowledged a QoS 1 message. */
  void acknowledged(int packetId) {
    Envelope done = inflight.remove(packetId);
    if (done != null) {
      consumed(done);
      drain();
    }
  }

  /** The session no longer owes {@code envelope}: the journal may forget it (lazily). */
  private void consumed(Envelope envelope) {
    if (envelope.journalId() != 0 && journal != null) {
      journal.appendLazily(
          new JournalRecord.Delivered(key.namespace(), key.clientId(), envelope.journalId()));
    }
  }

  private void enqueue(Envelope envelope) {
    if (queue.size() >= maxQueued) {
      dropped++;
      consumed(envelope);
      return;
    }
    queue.add(envelope);
  }

  private void drain() {
    Connection live = connection;
    if (live == null) {
      return;
    }
    long now = clock.getAsLong();
    Iterator<Envelope> pending = queue.iterator();
    while (pending.hasNext() && inflight.size() < live.receiveMaximum()) {
      Envelope envelope = pending.next();
      pending.remove();
      Message message = envelope.message();
      if (!message.properties().expiredAt(now) && live.mayReceive(message.topic())) {
        send(live, envelope);
      } else {
        consumed(envelope);
      }
    }
  }

  private void send(Connection live, Envelope envelope) {
    int packetId = nextPacketId();
    inflight.put(packetId, envelope);
    if (!live.deliver(envelope.message(), packetId, false)) {
      inflight.remove(packetId);
      consumed(envelope);
    }
  }

  private int nextPacketId() {
    for (int tries = 0; tries < 65535; tries++) {
      int id = nextPacketId;
      nextPacketId = id == 65535 ? 1 : id + 1;
      if (!inflight.containsKey(id)) {
        return id;
      }
    }
    throw new IllegalStateException("no free packet id");
  }

  /** Messages dropped because the queue was full. */
  long droppedMessages() {
    return dropped;
  }
}
