package dev.lamplighter.store.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Instants as stored: UTC ISO-8601 text with all nine fraction digits. The fixed width makes the
 * text sort in time order on both stores, and nothing is lost on the way back (a timestamp column
 * would cut PostgreSQL values to microseconds).
 */
final class Instants {
  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private Instants() {}

  static String format(Instant instant) {
    return instant == null ? null : FORMAT.format(instant);
  }

  /**
   * Parses stored text. The fixed-width shape is read by hand: every row read parses two instants,
   * and the general ISO parser costs several microseconds each.
   */
  static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    if (text.length() != 30
        || text.charAt(4) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(19) != '.'
        || text.charAt(29) != 'Z') {
      return Instant.parse(text);
    }
    long days =
        LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10)).toEpochDay();
    long seconds =
        days * 86_400L
            + digits(text, 11, 13) * 3_600L
            + digits(text, 14, 16) * 60L
            + digits(text, 17, 19);
    return Instant.ofEpochSecond(seconds, digits(text, 20, 29));
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a stored instant: " + text);
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
