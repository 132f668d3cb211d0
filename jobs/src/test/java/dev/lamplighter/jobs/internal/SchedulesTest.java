package dev.lamplighter.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobConfigs.MaintenanceWindow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Scheduling times, AWS cron expressions and maintenance windows, in UTC. */
class SchedulesTest {
  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z"); // a Monday

  @ParameterizedTest
  @CsvSource({
    // every day at 02:00
    "'cron(0 2 * * ? *)', 2026-03-02T10:00:00Z, 2026-03-03T02:00:00Z",
    // at the minute itself
    "'cron(0 10 * * ? *)', 2026-03-02T10:00:00Z, 2026-03-02T10:00:00Z",
    // every 15 minutes
    "'cron(0/15 * * * ? *)', 2026-03-02T10:07:30Z, 2026-03-02T10:15:00Z",
    // weekdays by name at 23:30 (Monday 2 March is a weekday)
    "'cron(30 23 ? * MON-FRI *)', 2026-03-02T10:00:00Z, 2026-03-02T23:30:00Z",
    // Sundays (1) at 04:00
    "'cron(0 4 ? * 1 *)', 2026-03-02T10:00:00Z, 2026-03-08T04:00:00Z",
    // the 1st of each month
    "'cron(0 0 1 * ? *)', 2026-03-02T10:00:00Z, 2026-04-01T00:00:00Z",
    // lists and a year
    "'cron(5,45 6 15 JUN ? 2027)', 2026-03-02T10:00:00Z, 2027-06-15T06:05:00Z"
  })
  void cron_findsTheNextStartAtOrAfter(String expression, String from, String next) {
    assertThat(AwsCron.parse(expression).nextAtOrAfter(Instant.parse(from)))
        .contains(Instant.parse(next));
  }

  @ParameterizedTest
  @CsvSource({
    "'0 2 * * ? *', form cron(",
    "'cron(0 2 * * *)', 6 fields",
    "'cron(0 2 * * * *)', exactly one of day-of-month and day-of-week",
    "'cron(61 2 * * ? *)', outside 0-59",
    "'cron(0 2 L * ? *)', not a number",
    "'cron(0 2 ? * 2#1 *)', '#'",
    "'cron(0 5-2 * * ? *)', runs backwards"
  })
  void malformedCron_isAnInvalidRequest_namingTheProblem(String expression, String problem) {
    assertThatThrownBy(() -> AwsCron.parse(expression))
        .isInstanceOfSatisfying(
            ServiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
        .hasMessageContaining(problem);
  }

  @Test
  void inWindow_isTrueFromAStartForItsDuration() {
    List<MaintenanceWindow> nightly = List.of(new MaintenanceWindow("cron(0 2 * * ? *)", 120));

    assertThat(Schedules.inWindow(nightly, Instant.parse("2026-03-03T01:59:59Z"))).isFalse();
    assertThat(Schedules.inWindow(nightly, Instant.parse("2026-03-03T02:00:00Z"))).isTrue();
    assertThat(Schedules.inWindow(nightly, Instant.parse("2026-03-03T03:59:59Z"))).isTrue();
    assertThat(Schedules.inWindow(nightly, Instant.parse("2026-03-03T04:00:00Z"))).isFalse();
    assertThat(Schedules.inWindow(List.of(), NOW)).isTrue();
  }

  @Test
  void nextStarts_listsTheComingStartsOfEveryWindow_inOrder() {
    List<MaintenanceWindow> windows =
        List.of(
            new MaintenanceWindow("cron(0 2 * * ? *)", 60),
            new MaintenanceWindow("cron(0 14 * * ? *)", 60));

    assertThat(Schedules.nextStarts(windows, NOW, 3))
        .containsExactly(
            Instant.parse("2026-03-02T14:00:00Z"),
            Instant.parse("2026-03-03T02:00:00Z"),
            Instant.parse("2026-03-03T14:00:00Z"));
  }

  @ParameterizedTest
  @CsvSource({
    "2026-03-02T10:15, , startTime 2026-03-02T10:15 must be at least 30 minutes from now",
    "2027-04-02T10:15, , at most a year from now",
    "2026-03-02T11:00, 2026-03-02T11:20, at least 30 minutes after the start time",
    "2026-03-02 11:00, , must have the form YYYY-MM-DDTHH:MM"
  })
  void schedulesAwsRefuses_areInvalidRequests(String start, String end, String message) {
    JobConfigs.Scheduling scheduling = new JobConfigs.Scheduling(start, end, null, List.of());

    assertThatThrownBy(() -> Schedules.check(scheduling, NOW))
        .isInstanceOf(ServiceException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aScheduleWithinAwsLimits_passes_andParsesAsUtc() {
    JobConfigs.Scheduling scheduling =
        new JobConfigs.Scheduling(
            "2026-03-02T11:00",
            "2026-03-02T12:00",
            JobConfigs.EndBehavior.CANCEL,
            List.of(new MaintenanceWindow("cron(0 2 * * ? *)", 60)));

    Schedules.check(scheduling, NOW);

    assertThat(Schedules.parse("2026-03-02T11:00", "startTime"))
        .isEqualTo(Instant.parse("2026-03-02T11:00:00Z"));
  }
}
