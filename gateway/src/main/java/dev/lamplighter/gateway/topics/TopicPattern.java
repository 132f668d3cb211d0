package dev.lamplighter.gateway.topics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A topic pattern in MQTT filter syntax with named levels: {@code +} matches one level, {@code
 * {name}} matches one level and binds it to {@code name}, a trailing {@code #} matches any number
 * of levels (the parent level included). For example {@code
 * $aws/things/{thingName}/jobs/{jobId}/get} binds the thing name and the job id of {@code
 * $aws/things/lamp-1/jobs/fw-2/get}.
 */
record TopicPattern(String text, List<String> levels) {

  static TopicPattern of(String text) {
    return new TopicPattern(text, List.of(text.split("/", -1)));
  }

  boolean matches(String topic) {
    return bind(topic).isPresent();
  }

  /** The named levels of {@code topic}, or empty when it does not match. */
  Optional<Map<String, String>> bind(String topic) {
    String[] parts = topic.split("/", -1);
    int count = levels.size();
    Map<String, String> variables = Map.of();
    for (int i = 0; i < count; i++) {
      String level = levels.get(i);
      if (level.equals("#")) {
        return Optional.of(variables);
      }
      if (i >= parts.length) {
        return Optional.empty();
      }
      if (isVariable(level)) {
        if (parts[i].isEmpty()) {
          return Optional.empty();
        }
        if (variables.isEmpty()) {
          variables = new HashMap<>();
        }
        variables.put(level.substring(1, level.length() - 1), parts[i]);
      } else if (!level.equals("+") && !level.equals(parts[i])) {
        return Optional.empty();
      }
    }
    return parts.length == count ? Optional.of(variables) : Optional.empty();
  }

  private static boolean isVariable(String level) {
    return level.length() > 2 && level.charAt(0) == '{' && level.charAt(level.length() - 1) == '}';
  }
}
