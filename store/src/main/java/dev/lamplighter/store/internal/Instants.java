package dev.lamplighter.store.internal;

import java.time.Instant;
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

  static Instant parse(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
