package dev.lamplighter.bench.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One raw result line: a kind word followed by {@code key=value} words, such as {@code startup
 * ready_wall_ms=812 idle_rss_kb=131072}. A value of {@code -} means unknown.
 */
record ResultRecord(String kind, Map<String, String> fields) {
  /** The record of a line, or empty for a blank line, a comment ({@code #}) or free text. */
  static Optional<ResultRecord> parse(String line) {
    String[] words = line.trim().split("\\s+");
    if (words.length < 2 || words[0].startsWith("#") || words[0].contains("=")) {
      return Optional.empty();
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 1; i < words.length; i++) {
      int equals = words[i].indexOf('=');
      if (equals <= 0) {
        return Optional.empty();
      }
      fields.put(words[i].substring(0, equals), words[i].substring(equals + 1));
    }
    return Optional.of(new ResultRecord(words[0], Map.copyOf(fields)));
  }

  String text(String key) {
    String value = fields.get(key);
    return value == null || value.equals("-") ? null : value;
  }

  /** The value as a number, or NaN when absent or not a number. */
  double number(String key) {
    String value = text(key);
    if (value == null) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}
