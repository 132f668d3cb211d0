package dev.lamplighter.api.jobs;

import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobDetails;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.JobExecutionStatus;
import dev.lamplighter.jobs.JobProcessDetails;
import dev.lamplighter.jobs.JobStatus;
import dev.lamplighter.jobs.TargetSelection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Domain records for the jobs edge tests. */
public final class JobSamples {
  public static final Instant CREATED = Instant.parse("2026-03-01T11:00:00.250Z");
  public static final Instant UPDATED = Instant.parse("2026-03-01T11:30:00.500Z");
  public static final String THING_ARN = "arn:aws:iot:eu-west-1:111122223333:thing/lamp-1";
  public static final String GROUP_ARN = "arn:aws:iot:eu-west-1:111122223333:thinggroup/north";

  /** Every configuration set, with every optional member. */
  public static final JobConfigs ALL_CONFIGS =
      new JobConfigs(
          new JobConfigs.Rollout(200, new JobConfigs.ExponentialRate(10, 1.5, 50, null)),
          new JobConfigs.Abort(
              List.of(
                  new JobConfigs.AbortCriteria(JobConfigs.FailureType.FAILED, 25.5, 10),
                  new JobConfigs.AbortCriteria(JobConfigs.FailureType.ALL, 50, 20))),
          new JobConfigs.Timeout(90L),
          new JobConfigs.Retry(
              List.of(
                  new JobConfigs.RetryCriteria(JobConfigs.FailureType.FAILED, 3),
                  new JobConfigs.RetryCriteria(JobConfigs.FailureType.TIMED_OUT, 1))),
          new JobConfigs.Scheduling(
              "2026-03-02T08:00",
              "2026-03-09T08:00",
              JobConfigs.EndBehavior.FORCE_CANCEL,
              List.of(new JobConfigs.MaintenanceWindow("cron(0 22 * * ? *)", 120))),
          new JobConfigs.PresignedUrl("arn:aws:iam::111122223333:role/jobs-download", 600L));

  private JobSamples() {}

  /** A snapshot job IN_PROGRESS on one thing and one group, with the given configurations. */
  public static Job job(String jobId, JobConfigs configs) {
    return new Job(
        jobId,
        JobStatus.IN_PROGRESS,
        TargetSelection.SNAPSHOT,
        List.of(THING_ARN, GROUP_ARN),
        "Turn the lamps on",
        "{\"operation\":\"on\"}",
        null,
        null,
        Map.of(),
        configs,
        null,
        null,
        null,
        false,
        List.of(),
        CREATED,
        UPDATED,
        null,
        Job.RolloutState.START,
        1);
  }

  /** DescribeJob's answer for a job with 3 queued, 1 in progress and 2 succeeded executions. */
  public static JobDetails details(Job job, List<String> scheduledRollouts) {
    return new JobDetails(
        job,
        job.document(),
        new JobProcessDetails(
            Map.of(
                JobExecutionStatus.QUEUED, 3L,
                JobExecutionStatus.IN_PROGRESS, 1L,
                JobExecutionStatus.SUCCEEDED, 2L),
            List.of(GROUP_ARN)),
        true,
        scheduledRollouts);
  }

  /** An execution of {@code jobId} on lamp-1. */
  public static JobExecution execution(
      String jobId,
      JobExecutionStatus status,
      Map<String, String> details,
      Instant startedAt,
      Instant inProgressDeadline,
      Instant stepDeadline) {
    return new JobExecution(
        jobId,
        "lamp-1",
        status,
        details,
        2,
        4,
        1,
        false,
        CREATED,
        startedAt,
        UPDATED,
        inProgressDeadline,
        stepDeadline,
        true);
  }
}
