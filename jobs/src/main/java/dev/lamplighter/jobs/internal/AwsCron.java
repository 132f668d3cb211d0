package dev.lamplighter.jobs.internal;

import dev.lamplighter.core.error.ErrorCode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An AWS cron expression, as maintenance windows use them: {@code cron(minutes hours day-of-month
 * month day-of-week year)}, in UTC. Each field takes {@code *}, numbers, ranges {@code a-b}, lists
 * {@code a,b} and steps {@code * /n} or {@code a/n}; months and days of the week also take their
 * three-letter names (days of the week count 1 = SUN to 7 = SAT); one of day-of-month and
 * day-of-week must be {@code ?}. AWS's {@code L}, {@code W} and {@code #} are refused as malformed.
 */
final class AwsCron {
  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("JAN", 1),
          Map.entry("FEB", 2),
          Map.entry("MAR", 3),
          Map.entry("APR", 4),
          Map.entry("MAY", 5),
          Map.entry("JUN", 6),
          Map.entry("JUL", 7),
          Map.entry("AUG", 8),
          Map.entry("SEP", 9),
          Map.entry("OCT", 10),
          Map.entry("NOV", 11),
          Map.entry("DEC", 12));
  private static final Map<String, Integer> DAYS =
      Map.of("SUN", 1, "MON", 2, "TUE", 3, "WED", 4, "THU", 5, "FRI", 6, "SAT", 7);

  /** How far ahead {@link #nextAtOrAfter} looks. */
  private static final int SEARCH_DAYS = 366 * 5;

  private final String text;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final BitSet years;
  private final boolean anyDayOfMonth;
  private final boolean anyDayOfWeek;

  private AwsCron(String text, String[] fields) {
    this.text = text;
    this.minutes = field(fields[0], 0, 59, Map.of(), "minutes");
    this.hours = field(fields[1], 0, 23, Map.of(), "hours");
    this.anyDayOfMonth = fields[2].equals("?");
    this.anyDayOfWeek = fields[4].equals("?");
    if (anyDayOfMonth == anyDayOfWeek) {
      throw invalid(text, "exactly one of day-of-month and day-of-week must be ?");
    }
    this.daysOfMonth = anyDayOfMonth ? null : field(fields[2], 1, 31, Map.of(), "day-of-month");
    this.months = field(fields[3], 1, 12, MONTHS, "month");
    this.daysOfWeek = anyDayOfWeek ? null : field(fields[4], 1, 7, DAYS, "day-of-week");
    this.years = field(fields[5], 1970, 2199, Map.of(), "year");
  }

  /**
   * Parses {@code cron(...)}.
   *
   * @throws dev.lamplighter.core.error.ServiceException INVALID_REQUEST naming the problem
   */
  static AwsCron parse(String expression) {
    String trimmed = expression.trim();
    if (!trimmed.startsWith("cron(") || !trimmed.endsWith(")")) {
      throw invalid(
          expression,
          "it must have the form cron(minutes hours day-of-month month" + " day-of-week year)");
    }
    String[] fields =
        trimmed.substring(5, trimmed.length() - 1).trim().toUpperCase(Locale.ROOT).split("\\s+");
    if (fields.length != 6) {
      throw invalid(expression, "it needs 6 fields, not " + fields.length);
    }
    return new AwsCron(expression, fields);
  }

  /** The first start at or after {@code from} (to the minute), if any within five years. */
  Optional<Instant> nextAtOrAfter(Instant from) {
    LocalDateTime start =
        LocalDateTime.ofInstant(from, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
    if (start.toInstant(ZoneOffset.UTC).isBefore(from)) {
      start = start.plusMinutes(1);
    }
    LocalDate day = start.toLocalDate();
    for (int d = 0; d < SEARCH_DAYS; d++, day = day.plusDays(1)) {
      if (!matchesDay(day)) {
        continue;
      }
      int firstHour = d == 0 ? start.getHour() : 0;
      for (int hour = hours.nextSetBit(firstHour); hour >= 0; hour = hours.nextSetBit(hour + 1)) {
        int firstMinute = d == 0 && hour == start.getHour() ? start.getMinute() : 0;
        int minute = minutes.nextSetBit(firstMinute);
        if (minute >= 0) {
          return Optional.of(day.atTime(hour, minute).toInstant(ZoneOffset.UTC));
        }
      }
    }
    return Optional.empty();
  }

  private boolean matchesDay(LocalDate day) {
    if (!years.get(day.getYear()) || !months.get(day.getMonthValue())) {
      return false;
    }
    if (daysOfMonth != null) {
      return daysOfMonth.get(day.getDayOfMonth());
    }
    return daysOfWeek.get(awsDayOfWeek(day.getDayOfWeek()));
  }

  /** AWS counts days of the week from 1 = Sunday. */
  private static int awsDayOfWeek(DayOfWeek day) {
    return day.getValue() % 7 + 1;
  }

  private BitSet field(String value, int min, int max, Map<String, Integer> names, String name) {
    BitSet set = new BitSet(max + 1);
    for (String part : value.split(",", -1)) {
      if (part.contains("#")) {
        throw invalid(text, "the " + name + " field uses #, which is not supported");
      }
      int step = 1;
      String range = part;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        step = number(part.substring(slash + 1), 1, max, Map.of(), name);
        range = part.substring(0, slash);
      }
      int low;
      int high;
      if (range.equals("*") || range.equals("?")) {
        low = min;
        high = max;
      } else if (range.indexOf('-') > 0) {
        int dash = range.indexOf('-');
        low = number(range.substring(0, dash), min, max, names, name);
        high = number(range.substring(dash + 1), min, max, names, name);
        if (high < low) {
          throw invalid(text, "the " + name + " range " + range + " runs backwards");
        }
      } else {
        low = number(range, min, max, names, name);
        high = slash >= 0 ? max : low;
      }
      for (int i = low; i <= high; i += step) {
        set.set(i);
      }
    }
    return set;
  }

  private int number(String value, int min, int max, Map<String, Integer> names, String name) {
    Integer named = names.get(value);
    if (named != null) {
      return named;
    }
    try {
      int number = Integer.parseInt(value);
      if (number < min || number > max) {
        throw invalid(text, "the " + name + " value " + value + " is outside " + min + "-" + max);
      }
      return number;
    } catch (NumberFormatException e) {
      throw invalid(text, "the " + name + " value " + value + " is not a number");
    }
  }

  private static RuntimeException invalid(String expression, String problem) {
    return ErrorCode.INVALID_REQUEST.exception(
        "The maintenance window start time %s is not a valid cron expression: %s.",
        expression, problem);
  }

  @Override
  public String toString() {
    return text;
  }
}
