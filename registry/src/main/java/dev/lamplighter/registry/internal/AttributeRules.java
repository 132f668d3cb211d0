package dev.lamplighter.registry.internal;

import dev.lamplighter.core.error.ErrorCode;
import java.util.Map;
import java.util.TreeMap;

/** AWS's rules for thing attributes: how updates apply, and how many a thing may carry. */
final class AttributeRules {
  static final int MAX_WITHOUT_TYPE = 3;
  static final int MAX_WITH_TYPE = 50;

  private AttributeRules() {}

  /** The attributes as given, without empty values (an empty value means "no attribute"). */
  static Map<String, String> replace(Map<String, String> given) {
    TreeMap<String, String> result = new TreeMap<>();
    given.forEach(
        (name, value) -> {
          if (!value.isEmpty()) {
            result.put(name, value);
          }
        });
    return result;
  }

  /** {@code current} updated with {@code given}: empty values remove, others add or replace. */
  static Map<String, String> merge(Map<String, String> current, Map<String, String> given) {
    TreeMap<String, String> result = new TreeMap<>(current);
    given.forEach(
        (name, value) -> {
          if (value.isEmpty()) {
            result.remove(name);
          } else {
            result.put(name, value);
          }
        });
    return result;
  }

  /** Refuses attributes beyond AWS's limits for a thing with or without a type. */
  static void checkLimits(String thingName, Map<String, String> attributes, boolean typed) {
    int max = typed ? MAX_WITH_TYPE : MAX_WITHOUT_TYPE;
    if (attributes.size() > max) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "Thing %s would have %d attributes; a thing %s can have at most %d.",
          thingName, attributes.size(), typed ? "with a thing type" : "without a thing type", max);
    }
  }
}
