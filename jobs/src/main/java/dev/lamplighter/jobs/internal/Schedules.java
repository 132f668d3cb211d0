package dev.lamplighter.jobs.internal;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobConfigs.MaintenanceWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A job's schedule: its {@code schedulingConfig} times ({@code YYYY-MM-DDTHH:MM}, UTC) and its
 * maintenance windows, and what they say at a given moment.
 */
final class Schedules {
  static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm", java.util.Locale.ROOT);
  private static final Duration MIN_LEAD = Duration.ofMinutes(30);
  private static final Duration MAX_START_LEAD = Duration.ofDays(366);
  private static final Duration MAX_LENGTH = Duration.ofDays(2 * 366);

  private Schedules() {}

  /** Parses a scheduling time, or null for null. */
  static Instant parse(String value, String member) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(value, FORMAT).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "schedulingConfig.%s %s must have the form YYYY-MM-DDTHH:MM (UTC).", member, value);
    }
  }

  static String format(Instant instant) {
    return FORMAT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  /**
   * Checks a new job's schedule as AWS does: the start at least 30 minutes and at most a year
   * ahead, the end at least 30 minutes after the start (and now) and at most two years after it.
   */
  static void check(JobConfigs.Scheduling scheduling, Instant now) {
    Instant start = parse(scheduling.startTime(), "startTime");
    Instant end = parse(scheduling.endTime(), "endTime");
    if (start != null) {
      if (start.isBefore(now.plus(MIN_LEAD))) {
        throw ErrorCode.INVALID_REQUEST.exception(
            "schedulingConfig.startTime %s must be at least 30 minutes from now.",
            scheduling.startTime());
      }
      if (start.isAfter(now.plus(MAX_START_LEAD))) {
        throw ErrorCode.INVALID_REQUEST.exception(
            "schedulingConfig.startTime %s must be at most a year from now.",
            scheduling.startTime());
      }
    }
    if (end != null) {
      Instant from = start == null ? now : start;
      if (end.isBefore(from.plus(MIN_LEAD))) {
        throw ErrorCode.INVALID_REQUEST.exception(
            "schedulingConfig.endTime %s must be at least 30 minutes after the start time.",
            scheduling.endTime());
      }
      if (end.isAfter(from.plus(MAX_LENGTH))) {
        throw ErrorCode.INVALID_REQUEST.exception(
            "schedulingConfig.endTime %s must be at most two years after the start time.",
            scheduling.endTime());
      }
    }
    if (end == null && scheduling.endBehavior() != null) {
      throw ErrorCode.INVALID_REQUEST.exception("schedulingConfig.endBehavior needs an endTime.");
    }
    checkWindows(scheduling.maintenanceWindows());
  }

  static void checkWindows(List<MaintenanceWindow> windows) {
    for (MaintenanceWindow window : windows) {
      AwsCron.parse(window.startTime());
      if (window.durationInMinutes() < 1 || window.durationInMinutes() > 1430) {
        throw ErrorCode.INVALID_REQUEST.exception(
            "A maintenance window lasts 1 to 1430 minutes, not %d.", window.durationInMinutes());
      }
    }
  }

  /** Whether {@code now} is inside one of the windows (always, when there are none). */
  static boolean inWindow(List<MaintenanceWindow> windows, Instant now) {
    if (windows.isEmpty()) {
      return true;
    }
    for (MaintenanceWindow window : windows) {
      Duration length = Duration.ofMinutes(window.durationInMinutes());
      Optional<Instant> start = AwsCron.parse(window.startTime()).nextAtOrAfter(now.minus(length));
      if (start.isPresent()
          && !start.get().isAfter(now)
          && now.isBefore(start.get().plus(length))) {
        return true;
      }
    }
    return false;
  }

  /** The next {@code count} window starts after {@code now}, earliest first. */
  static List<Instant> nextStarts(List<MaintenanceWindow> windows, Instant now, int count) {
    List<Instant> starts = new ArrayList<>();
    for (MaintenanceWindow window : windows) {
      AwsCron cron = AwsCron.parse(window.startTime());
      Instant from = now;
      for (int i = 0; i < count; i++) {
        Optional<Instant> next = cron.nextAtOrAfter(from);
        if (next.isEmpty()) {
          break;
        }
        starts.add(next.get());
        from = next.get().plusSeconds(60);
      }
    }
    return starts.stream().sorted().distinct().limit(count).toList();
  }
}
