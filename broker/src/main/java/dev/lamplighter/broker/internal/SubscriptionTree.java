package dev.lamplighter.broker.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The subscriptions of one namespace, as a tree of topic levels with {@code +} and {@code #}
 * children, so a publish visits only the branches its levels can match.
 *
 * <p>Concurrency: writers (subscribe, unsubscribe) and readers (publish routing) run on any thread;
 * nodes are concurrent maps and are never removed, so a reader never sees a detached branch. Empty
 * nodes stay until the namespace's tree is dropped; the number of distinct filters in use bounds
 * them.
 *
 * <p>As MQTT requires, a filter starting with a wildcard does not match topics that start with
 * {@code $}. A session with several matching subscriptions gets the message once, at the highest of
 * their QoS levels, and is spared its own message only when all of them asked for no-local. Each
 * shared group that matches gets it once, at one of its members, taken in turn among those
 * connected.
 */
final class SubscriptionTree {
  private final Node root = new Node();

  void add(Session session, Subscription subscription) {
    Node node = root;
    for (String level : subscription.topicFilter().split("/", -1)) {
      node = node.children.computeIfAbsent(level, k -> new Node());
    }
    if (subscription.shared()) {
      SharedGroup group =
          node.shared.computeIfAbsent(subscription.shareGroup(), k -> new SharedGroup());
      group.members.removeIf(member -> member.session == session);
      group.members.add(new SharedMember(session, subscription));
    } else {
      node.subscribers.put(session, subscription);
    }
  }

  void remove(Session session, Subscription subscription) {
    Node node = root;
    for (String level : subscription.topicFilter().split("/", -1)) {
      node = node.children.get(level);
      if (node == null) {
        return;
      }
    }
    if (subscription.shared()) {
      SharedGroup group = node.shared.get(subscription.shareGroup());
      if (group != null) {
        group.members.removeIf(member -> member.session == session);
      }
    } else {
      node.subscribers.remove(session, subscription);
    }
  }

  /** The sessions that get a message on {@code topic}, each with the subscription it matched. */
  Map<Session, Subscription> match(String topic) {
    String[] levels = topic.split("/", -1);
    Map<Session, Subscription> matched = new HashMap<>();
    List<SharedGroup> groups = new ArrayList<>(0);
    collect(root, levels, 0, !topic.startsWith("$"), matched, groups);
    for (SharedGroup group : groups) {
      SharedMember member = group.pick();
      if (member != null) {
        merge(matched, member.session, member.subscription);
      }
    }
    return matched;
  }

  /** Whether any session would get a message on {@code topic} (no shared member is picked). */
  boolean hasMatch(String topic) {
    Map<Session, Subscription> matched = new HashMap<>();
    List<SharedGroup> groups = new ArrayList<>(0);
    collect(root, topic.split("/", -1), 0, !topic.startsWith("$"), matched, groups);
    return !matched.isEmpty() || groups.stream().anyMatch(g -> !g.members.isEmpty());
  }

  private static void collect(
      Node node,
      String[] levels,
      int depth,
      boolean wildcardsAllowed,
      Map<Session, Subscription> matched,
      List<SharedGroup> groups) {
    boolean allowHere = depth > 0 || wildcardsAllowed;
    if (allowHere) {
      Node multi = node.children.get("#");
      if (multi != null) {
        take(multi, matched, groups);
      }
    }
    if (depth == levels.length) {
      take(node, matched, groups);
      return;
    }
    Node exact = node.children.get(levels[depth]);
    if (exact != null) {
      collect(exact, levels, depth + 1, wildcardsAllowed, matched, groups);
    }
    if (allowHere) {
      Node single = node.children.get("+");
      if (single != null) {
        collect(single, levels, depth + 1, wildcardsAllowed, matched, groups);
      }
    }
  }

  private static void take(
      Node node, Map<Session, Subscription> matched, List<SharedGroup> groups) {
    node.subscribers.forEach((session, subscription) -> merge(matched, session, subscription));
    if (!node.shared.isEmpty()) {
      groups.addAll(node.shared.values());
    }
  }

  private static void merge(Map<Session, Subscription> matched, Session session, Subscription sub) {
    matched.merge(session, sub, SubscriptionTree::overlapping);
  }

  /**
   * The one delivery two matching subscriptions of a session make: the higher QoS, and no-local
   * only when both asked for it (either one alone would deliver the client's own message).
   */
  private static Subscription overlapping(Subscription a, Subscription b) {
    Subscription higher = a.qos() >= b.qos() ? a : b;
    boolean noLocal = a.noLocal() && b.noLocal();
    if (higher.noLocal() == noLocal) {
      return higher;
    }
    return new Subscription(
        higher.filter(),
        higher.shareGroup(),
        higher.topicFilter(),
        higher.qos(),
        noLocal,
        higher.retainAsPublished(),
        higher.retainHandling());
  }

  private static final class Node {
    final ConcurrentHashMap<String, Node> children = new ConcurrentHashMap<>(4);
    final ConcurrentHashMap<Session, Subscription> subscribers = new ConcurrentHashMap<>(2);
    final ConcurrentHashMap<String, SharedGroup> shared = new ConcurrentHashMap<>(1);
  }

  private record SharedMember(Session session, Subscription subscription) {}

  private static final class SharedGroup {
    final CopyOnWriteArrayList<SharedMember> members = new CopyOnWriteArrayList<>();
    final AtomicInteger next = new AtomicInteger();

    /** The next connected member in turn, else any member (it queues if persistent). */
    SharedMember pick() {
      Object[] snapshot = members.toArray();
      if (snapshot.length == 0) {
        return null;
      }
      int start = Math.floorMod(next.getAndIncrement(), snapshot.length);
      for (int i = 0; i < snapshot.length; i++) {
        SharedMember member = (SharedMember) snapshot[(start + i) % snapshot.length];
        if (member.session.isOnline()) {
          return member;
        }
      }
      return (SharedMember) snapshot[start];
    }
  }
}
