package dev.lamplighter.broker.internal;

/** Whether a topic filter (without share prefix) matches a topic name, by MQTT's rules. */
final class TopicMatcher {
  private TopicMatcher() {}

  static boolean matches(String filter, String topic) {
    if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
      return false;
    }
    String[] filterLevels = filter.split("/", -1);
    String[] topicLevels = topic.split("/", -1);
    for (int i = 0; i < filterLevels.length; i++) {
      String level = filterLevels[i];
      if (level.equals("#")) {
        return true;
      }
      if (i >= topicLevels.length) {
        return false;
      }
      if (!level.equals("+") && !level.equals(topicLevels[i])) {
        return false;
      }
    }
    return filterLevels.length == topicLevels.length;
  }
}
