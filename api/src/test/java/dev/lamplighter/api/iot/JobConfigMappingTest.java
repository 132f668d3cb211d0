package dev.lamplighter.api.iot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamplighter.api.iot.JobShapes.AbortConfig;
import dev.lamplighter.api.iot.JobShapes.AbortCriteria;
import dev.lamplighter.api.iot.JobShapes.Configs;
import dev.lamplighter.api.iot.JobShapes.ExponentialRolloutRate;
import dev.lamplighter.api.iot.JobShapes.JobExecutionsRetryConfig;
import dev.lamplighter.api.iot.JobShapes.JobExecutionsRolloutConfig;
import dev.lamplighter.api.iot.JobShapes.MaintenanceWindow;
import dev.lamplighter.api.iot.JobShapes.PresignedUrlConfig;
import dev.lamplighter.api.iot.JobShapes.RateIncreaseCriteria;
import dev.lamplighter.api.iot.JobShapes.RetryCriteria;
import dev.lamplighter.api.iot.JobShapes.SchedulingConfig;
import dev.lamplighter.api.iot.JobShapes.TimeoutConfig;
import dev.lamplighter.api.jobs.JobSamples;
import dev.lamplighter.api.wire.WireJson;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobConfigs.FailureType;
import dev.lamplighter.jobs.JobTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The explicit mapping between the wire configurations and {@link JobConfigs}, both ways. */
class JobConfigMappingTest {
  private static final Scope SCOPE = Scope.of("111122223333", "eu-west-1");

  /** {@link JobSamples#ALL_CONFIGS} as the wire carries it. */
  static final Configs ALL_WIRE =
      new Configs(
          new JobExecutionsRolloutConfig(
              200, new ExponentialRolloutRate(10, 1.5, new RateIncreaseCriteria(50, null))),
          new AbortConfig(
              List.of(
                  new AbortCriteria("FAILED", "CANCEL", 25.5, 10),
                  new AbortCriteria("ALL", "CANCEL", 50.0, 20))),
          new TimeoutConfig(90L),
          new JobExecutionsRetryConfig(
              List.of(new RetryCriteria("FAILED", 3), new RetryCriteria("TIMED_OUT", 1))),
          new SchedulingConfig(
              "2026-03-02T08:00",
              "2026-03-09T08:00",
              "FORCE_CANCEL",
              List.of(new MaintenanceWindow("cron(0 22 * * ? *)", 120))),
          new PresignedUrlConfig("arn:aws:iam::111122223333:role/jobs-download", 600L));

  @Test
  void everyConfiguration_mapsToTheDomain_memberByMember() {
    assertThat(JobConfigMapping.toDomain(ALL_WIRE)).isEqualTo(JobSamples.ALL_CONFIGS);
  }

  @Test
  void everyConfiguration_mapsBackToTheWire_withTheAbortActionCancel() {
    assertThat(JobConfigMapping.toWire(JobSamples.ALL_CONFIGS)).isEqualTo(ALL_WIRE);
  }

  @Test
  void noConfiguration_isNullBothWays() {
    Configs none = new Configs(null, null, null, null, null, null);

    assertThat(JobConfigMapping.toDomain(none)).isEqualTo(JobConfigs.NONE);
    assertThat(JobConfigMapping.toWire(JobConfigs.NONE)).isEqualTo(none);
  }

  @Test
  void rollout_withOnlyAMaximum_orOnlyAnExponentialRate() {
    assertThat(JobConfigMapping.rollout(new JobExecutionsRolloutConfig(30, null)))
        .isEqualTo(new JobConfigs.Rollout(30, null));
    JobExecutionsRolloutConfig exponential =
        new JobExecutionsRolloutConfig(
            null, new ExponentialRolloutRate(5, 2.0, new RateIncreaseCriteria(null, 40)));
    JobConfigs.Rollout domain = JobConfigMapping.rollout(exponential);

    assertThat(domain)
        .isEqualTo(new JobConfigs.Rollout(null, new JobConfigs.ExponentialRate(5, 2.0, null, 40)));
    assertThat(JobConfigMapping.rollout(domain)).isEqualTo(exponential);
  }

  @Test
  void abortAndRetry_failureTypesAreTheModelsEnumNames() {
    JobConfigs.Abort abort =
        JobConfigMapping.abort(
            new AbortConfig(
                List.of(
                    new AbortCriteria("REJECTED", "CANCEL", 10.0, 1),
                    new AbortCriteria("TIMED_OUT", "CANCEL", 100.0, 5))));
    JobConfigs.Retry retry =
        JobConfigMapping.retry(new JobExecutionsRetryConfig(List.of(new RetryCriteria("ALL", 10))));

    assertThat(abort.criteria())
        .extracting(JobConfigs.AbortCriteria::failureType)
        .containsExactly(FailureType.REJECTED, FailureType.TIMED_OUT);
    assertThat(retry.criteria()).containsExactly(new JobConfigs.RetryCriteria(FailureType.ALL, 10));
  }

  @Test
  void scheduling_withoutWindowsOrEndBehavior_keepsThemUnset() {
    SchedulingConfig wire = new SchedulingConfig("2026-03-02T08:00", null, null, null);
    JobConfigs.Scheduling domain = JobConfigMapping.scheduling(wire);

    assertThat(domain)
        .isEqualTo(new JobConfigs.Scheduling("2026-03-02T08:00", null, null, List.of()));
    assertThat(JobConfigMapping.scheduling(domain)).isEqualTo(wire);
  }

  @Test
  void timeoutAndPresignedUrl_withoutValues_stayEmpty() {
    assertThat(JobConfigMapping.timeout(new TimeoutConfig(null)))
        .isEqualTo(new JobConfigs.Timeout(null));
    assertThat(JobConfigMapping.presignedUrl(new PresignedUrlConfig(null, 3600L)))
        .isEqualTo(new JobConfigs.PresignedUrl(null, 3600L));
  }

  @Test
  void templateMaintenanceWindows_areASchedulingWithWindowsAlone() {
    List<MaintenanceWindow> windows = List.of(new MaintenanceWindow("cron(0 1 ? * MON *)", 60));
    JobConfigs.Scheduling scheduling = JobConfigMapping.templateScheduling(windows);

    assertThat(scheduling)
        .isEqualTo(
            new JobConfigs.Scheduling(
                null,
                null,
                null,
                List.of(new JobConfigs.MaintenanceWindow("cron(0 1 ? * MON *)", 60))));
    assertThat(JobConfigMapping.templateWindows(scheduling)).isEqualTo(windows);
    assertThat(JobConfigMapping.templateScheduling(null)).isNull();
    assertThat(JobConfigMapping.templateWindows(null)).isNull();
  }

  @Test
  void describedJob_withoutConfigurations_hasEmptyObjectsForRolloutTimeoutAndPresignedUrlOnly() {
    JsonNode job =
        wire(
            JobOperations.describedJob(
                SCOPE, JobSamples.details(JobSamples.job("job-1", JobConfigs.NONE), List.of())));

    assertThat(job.get("presignedUrlConfig").isObject()).isTrue();
    assertThat(job.get("presignedUrlConfig").isEmpty()).isTrue();
    assertThat(job.get("jobExecutionsRolloutConfig").isEmpty()).isTrue();
    assertThat(job.get("timeoutConfig").isEmpty()).isTrue();
    assertThat(job.has("abortConfig")).isFalse();
    assertThat(job.has("jobExecutionsRetryConfig")).isFalse();
    assertThat(job.has("schedulingConfig")).isFalse();
    assertThat(job.has("scheduledJobRollouts")).isFalse();
    assertThat(job.has("documentParameters")).isFalse();
    assertThat(job.has("destinationPackageVersions")).isFalse();
    assertThat(job.has("completedAt")).isFalse();
    assertThat(job.has("reasonCode")).isFalse();
  }

  @Test
  void describedJob_writesEveryMemberUnderItsAwsName() throws Exception {
    JsonNode job =
        wire(
            JobOperations.describedJob(
                SCOPE,
                JobSamples.details(
                    JobSamples.job("job-1", JobSamples.ALL_CONFIGS),
                    List.of("2026-03-02T22:00", "2026-03-03T22:00"))));

    assertThat(job.get("jobArn").asText())
        .isEqualTo("arn:aws:iot:eu-west-1:111122223333:job/job-1");
    assertThat(job.get("isConcurrent").asBoolean()).isTrue();
    assertThat(job.has("concurrent")).isFalse();
    assertThat(job.get("forceCanceled").asBoolean()).isFalse();
    assertThat(job.get("createdAt").decimalValue()).isEqualByComparingTo("1772362800.250");
    assertThat(job.get("scheduledJobRollouts").toString())
        .isEqualTo("[{\"startTime\":\"2026-03-02T22:00\"},{\"startTime\":\"2026-03-03T22:00\"}]");
    assertThat(
            WireJson.mapper()
                .writeValueAsString(JobConfigMapping.abort(JobSamples.ALL_CONFIGS.abort())))
        .isEqualTo(
            "{\"criteriaList\":[{\"failureType\":\"FAILED\",\"action\":\"CANCEL\","
                + "\"thresholdPercentage\":25.5,\"minNumberOfExecutedThings\":10},"
                + "{\"failureType\":\"ALL\",\"action\":\"CANCEL\",\"thresholdPercentage\":50.0,"
                + "\"minNumberOfExecutedThings\":20}]}");
    assertThat(job.get("jobExecutionsRolloutConfig").toString())
        .isEqualTo(
            "{\"maximumPerMinute\":200,\"exponentialRate\":{\"baseRatePerMinute\":10,"
                + "\"incrementFactor\":1.5,\"rateIncreaseCriteria\":"
                + "{\"numberOfNotifiedThings\":50}}}");
    assertThat(job.get("schedulingConfig").get("maintenanceWindows").toString())
        .isEqualTo("[{\"startTime\":\"cron(0 22 * * ? *)\",\"durationInMinutes\":120}]");
    JsonNode process = job.get("jobProcessDetails");
    assertThat(process.get("numberOfQueuedThings").asLong()).isEqualTo(3);
    assertThat(process.get("numberOfInProgressThings").asLong()).isEqualTo(1);
    assertThat(process.get("numberOfSucceededThings").asLong()).isEqualTo(2);
    assertThat(process.get("numberOfTimedOutThings").asLong()).isZero();
    assertThat(process.get("processingTargets").toString())
        .isEqualTo("[\"" + JobSamples.GROUP_ARN + "\"]");
  }

  @Test
  void describedTemplate_hasMaintenanceWindowsAtTopLevel_andEmptyObjectsForUnsetConfigs() {
    JobTemplate template =
        new JobTemplate(
            "template-1",
            "Nightly",
            "{}",
            null,
            new JobConfigs(
                null,
                null,
                null,
                null,
                JobConfigMapping.templateScheduling(
                    List.of(new MaintenanceWindow("cron(0 22 * * ? *)", 60))),
                null),
            null,
            JobSamples.CREATED);
    JsonNode described = wire(JobTemplateOperations.described(SCOPE, template));

    assertThat(described.get("jobTemplateArn").asText())
        .isEqualTo("arn:aws:iot:eu-west-1:111122223333:jobtemplate/template-1");
    assertThat(described.get("maintenanceWindows").toString())
        .isEqualTo("[{\"startTime\":\"cron(0 22 * * ? *)\",\"durationInMinutes\":60}]");
    assertThat(described.get("timeoutConfig").isEmpty()).isTrue();
    assertThat(described.get("presignedUrlConfig").isEmpty()).isTrue();
    assertThat(described.get("jobExecutionsRolloutConfig").isEmpty()).isTrue();
    assertThat(described.has("abortConfig")).isFalse();
    assertThat(described.has("destinationPackageVersions")).isFalse();
  }

  /** The JSON the API writes for {@code value}, read back. */
  private static JsonNode wire(Object value) {
    try {
      return WireJson.mapper().readTree(WireJson.mapper().writeValueAsBytes(value));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
