package dev.lamplighter.bench.broker;

import java.util.Locale;

/**
 * One machine-readable result line, {@code broker key=value …}, in the order the values are added.
 * Values never contain spaces; an unknown value is {@code -}.
 */
final class ResultLine {
  private final StringBuilder text;

  ResultLine(String kind) {
    this.text = new StringBuilder(kind);
  }

  ResultLine add(String key, String value) {
    String cell = value == null || value.isBlank() ? "-" : value.replaceAll("\\s+", "_");
    text.append(' ').append(key).append('=').append(cell);
    return this;
  }

  ResultLine add(String key, long value) {
    return add(key, Long.toString(value));
  }

  /** A decimal with {@code decimals} places, {@code -} for NaN or infinity. */
  ResultLine add(String key, double value, int decimals) {
    return add(
        key,
        Double.isFinite(value) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "-");
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
