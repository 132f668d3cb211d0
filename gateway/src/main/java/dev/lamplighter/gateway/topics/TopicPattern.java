package dev.lamplighter.gateway.topics;

import java.util.List;

/**
 * A topic pattern in MQTT filter syntax ({@code +} one level, a trailing {@code #} any number of
 * levels, the parent level included), matched against topic names.
 */
record TopicPattern(String text, List<String> levels) {

  static TopicPattern of(String text) {
    return new TopicPattern(text, List.of(text.split("/", -1)));
  }

  boolean matches(String topic) {
    String[] parts = topic.split("/", -1);
    int count = levels.size();
    for (int i = 0; i < count; i++) {
      String level = levels.get(i);
      if (level.equals("#")) {
        return true;
      }
      if (i >= parts.length || !(level.equals("+") || level.equals(parts[i]))) {
        return false;
      }
    }
    return parts.length == count;
  }
}
