package dev.lamplighter.api.sigv4;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The request times SigV4 uses: ISO 8601 basic format ({@code 20150830T123600Z}) in {@code
 * X-Amz-Date}, and RFC 1123 in the HTTP {@code Date} header.
 */
final class AmzDate {
  private AmzDate() {}

  /** Parses {@code yyyyMMdd'T'HHmmss'Z'}; null when the text is not exactly that. */
  static Instant parseBasic(String text) {
    if (text == null
        || text.length() != 16
        || text.charAt(8) != 'T'
        || text.charAt(15) != 'Z'
        || !digits(text, 0, 8)
        || !digits(text, 9, 15)) {
      return null;
    }
    try {
      return LocalDateTime.of(
              number(text, 0, 4),
              number(text, 4, 6),
              number(text, 6, 8),
              number(text, 9, 11),
              number(text, 11, 13),
              number(text, 13, 15))
          .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Parses an RFC 1123 date such as {@code Sun, 30 Aug 2015 12:36:00 GMT}; null when it is not. */
  static Instant parseRfc1123(String text) {
    try {
      return ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Formats an instant, to the second, in the basic format. */
  static String formatBasic(Instant instant) {
    LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    StringBuilder out = new StringBuilder(16);
    pad(out, t.getYear(), 4);
    pad(out, t.getMonthValue(), 2);
    pad(out, t.getDayOfMonth(), 2);
    out.append('T');
    pad(out, t.getHour(), 2);
    pad(out, t.getMinute(), 2);
    pad(out, t.getSecond(), 2);
    return out.append('Z').toString();
  }

  /** A skew as AWS words it in its messages: "15 min." or "90 sec.". */
  static String describe(Duration skew) {
    long seconds = skew.getSeconds();
    return seconds % 60 == 0 ? seconds / 60 + " min." : seconds + " sec.";
  }

  static Instant toSecond(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }

  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int number(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  private static void pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    out.append(digits);
  }
}
