package dev.lamplighter.bench.groups;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds one raw result line: a kind word followed by {@code key=value} words, {@code -} for an
 * unknown value, as the report reads them.
 */
public final class RawLine {
  private final StringBuilder text;

  public RawLine(String kind) {
    text = new StringBuilder(kind);
  }

  public RawLine put(String key, Object value) {
    String word = value == null ? "-" : value.toString();
    text.append(' ').append(key).append('=').append(word.isEmpty() ? "-" : word);
    return this;
  }

  /** A number with fixed decimals, {@code -} for NaN. */
  public RawLine number(String key, double value, int decimals) {
    return put(
        key, Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value));
  }

  /** Error counts by status as {@code status:count,...}, {@code -} for none. */
  public RawLine statuses(String key, Map<Integer, Long> errors) {
    return put(
        key,
        errors.entrySet().stream()
            .map(e -> e.getKey() + ":" + e.getValue())
            .collect(Collectors.joining(",")));
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
