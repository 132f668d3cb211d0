package dev.lamplighter.gateway.auth;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The last decisions of one action for one connection, least recently used first out. A device
 * publishes and receives on a handful of topics, so a small cache answers nearly every message
 * without evaluating a policy; a client that walks through many topics only costs evaluations.
 *
 * <p>Synchronized, though the broker asks from the connection's event loop only: the lock is then
 * uncontended and cheap, and a stray call from another thread stays safe.
 */
final class DecisionCache {
  private final Map<String, Boolean> decisions;
  private final Predicate<String> evaluate;

  DecisionCache(int capacity, Predicate<String> evaluate) {
    this.evaluate = evaluate;
    this.decisions =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized boolean allowed(String key) {
    Boolean known = decisions.get(key);
    if (known != null) {
      return known;
    }
    boolean decided = evaluate.test(key);
    decisions.put(key, decided);
    return decided;
  }

  synchronized int size() {
    return decisions.size();
  }
}
