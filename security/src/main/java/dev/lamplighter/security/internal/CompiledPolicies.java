package dev.lamplighter.security.internal;

import dev.lamplighter.security.policy.PolicyDocument;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Compiled policy documents by their text, so every MQTT connect of a fleet sharing a policy does
 * not parse and compile the same JSON again. A document's text determines its compiled form, so an
 * entry never goes stale; the least recently used ones leave when the cache is full.
 *
 * <p>Thread-safe (one lock; a hit is a map lookup).
 */
final class CompiledPolicies {
  private final Map<String, PolicyDocument> byText;

  CompiledPolicies(int capacity) {
    this.byText =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, PolicyDocument> eldest) {
            return size() > capacity;
          }
        };
  }

  PolicyDocument compile(String document) {
    synchronized (byText) {
      PolicyDocument compiled = byText.get(document);
      if (compiled != null) {
        return compiled;
      }
    }
    PolicyDocument compiled = PolicyDocument.parse(document);
    synchronized (byText) {
      byText.put(document, compiled);
    }
    return compiled;
  }
}
