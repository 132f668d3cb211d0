package dev.lamplighter.api.iot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamplighter.api.jobs.JobSamples;
import dev.lamplighter.api.jobs.JobsEdge;
import dev.lamplighter.api.wire.WireJson;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobQuery;
import dev.lamplighter.jobs.JobStatus;
import dev.lamplighter.jobs.JobSummary;
import dev.lamplighter.jobs.JobUpdate;
import dev.lamplighter.jobs.NewJob;
import dev.lamplighter.jobs.TargetSelection;
import dev.lamplighter.registry.Tag;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.AbortAction;
import software.amazon.awssdk.services.iot.model.AbortConfig;
import software.amazon.awssdk.services.iot.model.AbortCriteria;
import software.amazon.awssdk.services.iot.model.CreateJobResponse;
import software.amazon.awssdk.services.iot.model.DescribeJobResponse;
import software.amazon.awssdk.services.iot.model.ExponentialRolloutRate;
import software.amazon.awssdk.services.iot.model.InvalidStateTransitionException;
import software.amazon.awssdk.services.iot.model.JobEndBehavior;
import software.amazon.awssdk.services.iot.model.JobExecutionFailureType;
import software.amazon.awssdk.services.iot.model.JobExecutionsRetryConfig;
import software.amazon.awssdk.services.iot.model.JobExecutionsRolloutConfig;
import software.amazon.awssdk.services.iot.model.ListJobsResponse;
import software.amazon.awssdk.services.iot.model.MaintenanceWindow;
import software.amazon.awssdk.services.iot.model.PresignedUrlConfig;
import software.amazon.awssdk.services.iot.model.RateIncreaseCriteria;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.RetryCriteria;
import software.amazon.awssdk.services.iot.model.RetryableFailureType;
import software.amazon.awssdk.services.iot.model.SchedulingConfig;
import software.amazon.awssdk.services.iot.model.TimeoutConfig;

/** The job operations driven by the AWS SDK's {@link IotClient} against fake job services. */
class JobOperationsTest {
  private static final String JOB_ARN = "arn:aws:iot:eu-west-1:111122223333:job/job-1";

  private JobsEdge edge;
  private IotClient client;

  @BeforeEach
  void start() {
    edge = new JobsEdge();
    client = edge.iot();
  }

  @AfterEach
  void stop() {
    client.close();
    edge.close();
  }

  @Test
  void createJob_withEveryMember_reachesTheServiceAsThatNewJob() {
    edge.jobs.answer("create", args -> JobSamples.job("job-1", JobConfigs.NONE));

    CreateJobResponse response =
        client.createJob(
            b ->
                b.jobId("job-1")
                    .targets(JobSamples.THING_ARN, JobSamples.GROUP_ARN)
                    .targetSelection("CONTINUOUS")
                    .description("Turn the lamps on")
                    .document("{\"operation\":\"on\"}")
                    .jobTemplateArn("arn:aws:iot:eu-west-1::jobtemplate/AWS-Reboot:1.0")
                    .documentParameters(Map.of("pathToHandler", "/opt/handlers"))
                    .namespaceId("AWS")
                    .tags(t -> t.key("team").value("lights"))
                    .destinationPackageVersions(
                        "arn:aws:iot:eu-west-1:111122223333:package/a/version/1")
                    .presignedUrlConfig(
                        PresignedUrlConfig.builder()
                            .roleArn("arn:aws:iam::111122223333:role/jobs-download")
                            .expiresInSec(600L)
                            .build())
                    .jobExecutionsRolloutConfig(
                        JobExecutionsRolloutConfig.builder()
                            .maximumPerMinute(200)
                            .exponentialRate(
                                ExponentialRolloutRate.builder()
                                    .baseRatePerMinute(10)
                                    .incrementFactor(1.5)
                                    .rateIncreaseCriteria(
                                        RateIncreaseCriteria.builder()
                                            .numberOfNotifiedThings(50)
                                            .build())
                                    .build())
                            .build())
                    .abortConfig(
                        AbortConfig.builder()
                            .criteriaList(
                                AbortCriteria.builder()
                                    .failureType(JobExecutionFailureType.FAILED)
                                    .action(AbortAction.CANCEL)
                                    .thresholdPercentage(25.5)
                                    .minNumberOfExecutedThings(10)
                                    .build(),
                                AbortCriteria.builder()
                                    .failureType(JobExecutionFailureType.ALL)
                                    .action(AbortAction.CANCEL)
                                    .thresholdPercentage(50.0)
                                    .minNumberOfExecutedThings(20)
                                    .build())
                            .build())
                    .timeoutConfig(TimeoutConfig.builder().inProgressTimeoutInMinutes(90L).build())
                    .jobExecutionsRetryConfig(
                        JobExecutionsRetryConfig.builder()
                            .criteriaList(
                                RetryCriteria.builder()
                                    .failureType(RetryableFailureType.FAILED)
                                    .numberOfRetries(3)
                                    .build(),
                                RetryCriteria.builder()
                                    .failureType(RetryableFailureType.TIMED_OUT)
                                    .numberOfRetries(1)
                                    .build())
                            .build())
                    .schedulingConfig(
                        SchedulingConfig.builder()
                            .startTime("2026-03-02T08:00")
                            .endTime("2026-03-09T08:00")
                            .endBehavior(JobEndBehavior.FORCE_CANCEL)
                            .maintenanceWindows(
                                MaintenanceWindow.builder()
                                    .startTime("cron(0 22 * * ? *)")
                                    .durationInMinutes(120)
                                    .build())
                            .build()));

    assertThat(response.jobArn()).isEqualTo(JOB_ARN);
    assertThat(response.jobId()).isEqualTo("job-1");
    assertThat(response.description()).isEqualTo("Turn the lamps on");
    assertThat(edge.jobs.only("create").arg(0)).isEqualTo(JobsEdge.SCOPE);
    assertThat(edge.jobs.only("create").arg(1))
        .isEqualTo(
            new NewJob(
                "job-1",
                List.of(JobSamples.THING_ARN, JobSamples.GROUP_ARN),
                TargetSelection.CONTINUOUS,
                "Turn the lamps on",
                "{\"operation\":\"on\"}",
                null,
                "arn:aws:iot:eu-west-1::jobtemplate/AWS-Reboot:1.0",
                Map.of("pathToHandler", "/opt/handlers"),
                JobSamples.ALL_CONFIGS,
                "AWS",
                List.of(new Tag("team", "lights")),
                List.of("arn:aws:iot:eu-west-1:111122223333:package/a/version/1")));
  }

  @Test
  void createJob_withTargetsOnly_leavesEveryOptionUnset() {
    edge.jobs.answer("create", args -> JobSamples.job("job-1", JobConfigs.NONE));

    client.createJob(b -> b.jobId("job-1").targets(JobSamples.THING_ARN).document("{}"));

    NewJob job = (NewJob) edge.jobs.only("create").arg(1);
    assertThat(job.targetSelection()).isNull();
    assertThat(job.configs()).isEqualTo(JobConfigs.NONE);
    assertThat(job.tags()).isEmpty();
    assertThat(job.documentParameters()).isEmpty();
  }

  @Test
  void createJob_idInUse_isResourceAlreadyExists_withItsIdAndArn() {
    edge.jobs.answer(
        "create",
        args -> {
          throw ErrorCode.RESOURCE_ALREADY_EXISTS
              .exception("Job job-1 already exists.")
              .withDetails(Map.of("resourceId", "job-1", "resourceArn", JOB_ARN));
        });

    assertThatThrownBy(
            () ->
                client.createJob(
                    b -> b.jobId("job-1").targets(JobSamples.THING_ARN).document("{}")))
        .isInstanceOfSatisfying(
            ResourceAlreadyExistsException.class,
            e -> {
              assertThat(e.resourceId()).isEqualTo("job-1");
              assertThat(e.resourceArn()).isEqualTo(JOB_ARN);
              assertThat(e.statusCode()).isEqualTo(409);
            });
  }

  @Test
  void describeJob_isReadByTheSdk_withEveryMember() {
    Job job = JobSamples.job("job-1", JobSamples.ALL_CONFIGS);
    edge.jobs.answer("describe", args -> JobSamples.details(job, List.of("2026-03-02T22:00")));

    DescribeJobResponse response = client.describeJob(b -> b.jobId("job-1"));

    assertThat(edge.jobs.only("describe").args()).containsExactly(JobsEdge.SCOPE, "job-1", false);
    assertThat(response.job().jobArn()).isEqualTo(JOB_ARN);
    assertThat(response.job().statusAsString()).isEqualTo("IN_PROGRESS");
    assertThat(response.job().targetSelectionAsString()).isEqualTo("SNAPSHOT");
    assertThat(response.job().targets())
        .containsExactly(JobSamples.THING_ARN, JobSamples.GROUP_ARN);
    assertThat(response.job().createdAt()).isEqualTo(JobSamples.CREATED);
    assertThat(response.job().lastUpdatedAt()).isEqualTo(JobSamples.UPDATED);
    assertThat(response.job().isConcurrent()).isTrue();
    assertThat(response.job().forceCanceled()).isFalse();
    assertThat(response.job().jobProcessDetails().numberOfQueuedThings()).isEqualTo(3);
    assertThat(response.job().jobProcessDetails().processingTargets())
        .containsExactly(JobSamples.GROUP_ARN);
    assertThat(response.job().jobExecutionsRolloutConfig().exponentialRate().incrementFactor())
        .isEqualTo(1.5);
    assertThat(response.job().abortConfig().criteriaList().get(0).actionAsString())
        .isEqualTo("CANCEL");
    assertThat(response.job().jobExecutionsRetryConfig().criteriaList()).hasSize(2);
    assertThat(response.job().schedulingConfig().endBehavior())
        .isEqualTo(JobEndBehavior.FORCE_CANCEL);
    assertThat(response.job().scheduledJobRollouts())
        .singleElement()
        .satisfies(r -> assertThat(r.startTime()).isEqualTo("2026-03-02T22:00"));
    assertThat(response.job().presignedUrlConfig().expiresInSec()).isEqualTo(600L);
    assertThat(response.job().timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(90L);
  }

  @Test
  void describeJob_onTheWire_hasEmptyObjectsForUnsetRolloutTimeoutAndPresignedUrl()
      throws Exception {
    Job job = JobSamples.job("job-1", JobConfigs.NONE);
    edge.jobs.answer("describe", args -> JobSamples.details(job, List.of()));

    HttpResponse<String> response =
        edge.send("iot", "GET", "/jobs/job-1?beforeSubstitution=true", null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(edge.jobs.only("describe").arg(2)).isEqualTo(true);
    JsonNode body = WireJson.mapper().readTree(response.body());
    assertThat(body.has("documentSource")).isFalse();
    JsonNode described = body.get("job");
    assertThat(described.get("presignedUrlConfig").toString()).isEqualTo("{}");
    assertThat(described.get("jobExecutionsRolloutConfig").toString()).isEqualTo("{}");
    assertThat(described.get("timeoutConfig").toString()).isEqualTo("{}");
    assertThat(described.has("abortConfig")).isFalse();
    assertThat(described.has("completedAt")).isFalse();
    assertThat(described.get("isConcurrent").asBoolean()).isTrue();
  }

  @Test
  void getJobDocument_answersTheDocument() {
    edge.jobs.answer("document", args -> "{\"operation\":\"on\"}");

    assertThat(client.getJobDocument(b -> b.jobId("job-1").beforeSubstitution(true)).document())
        .isEqualTo("{\"operation\":\"on\"}");
    assertThat(edge.jobs.only("document").args()).containsExactly(JobsEdge.SCOPE, "job-1", true);
  }

  @Test
  void updateJob_passesDescriptionAndConfigurations_andAnswersNothing() throws Exception {
    edge.jobs.answer("update", args -> JobSamples.job("job-1", JobConfigs.NONE));

    HttpResponse<String> response =
        edge.send(
            "iot",
            "PATCH",
            "/jobs/job-1?namespaceId=AWS",
            "{\"description\":\"brighter\",\"timeoutConfig\":{\"inProgressTimeoutInMinutes\":30},"
                + "\"jobExecutionsRolloutConfig\":{\"maximumPerMinute\":5}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{}");
    assertThat(edge.jobs.only("update").arg(1))
        .isEqualTo(
            new JobUpdate(
                "job-1",
                "brighter",
                new JobConfigs(
                    new JobConfigs.Rollout(5, null),
                    null,
                    new JobConfigs.Timeout(30L),
                    null,
                    null,
                    null)));
  }

  @Test
  void cancelJob_withForceAndReason_answersTheJobArn() {
    edge.jobs.answer("cancel", args -> JobSamples.job("job-1", JobConfigs.NONE));

    var response =
        client.cancelJob(
            b -> b.jobId("job-1").force(true).reasonCode("LAMP_BROKEN").comment("Stop it"));

    assertThat(response.jobArn()).isEqualTo(JOB_ARN);
    assertThat(response.description()).isEqualTo("Turn the lamps on");
    assertThat(edge.jobs.only("cancel").args())
        .containsExactly(JobsEdge.SCOPE, "job-1", "LAMP_BROKEN", "Stop it", true);
  }

  @Test
  void deleteJob_passesForce_andRefusalsKeepTheirType() {
    client.deleteJob(b -> b.jobId("job-1").force(true));
    assertThat(edge.jobs.only("delete").args()).containsExactly(JobsEdge.SCOPE, "job-1", true);

    edge.jobs.answer(
        "delete",
        args -> {
          throw ErrorCode.INVALID_STATE_TRANSITION.exception("Job job-2 is IN_PROGRESS.");
        });
    assertThatThrownBy(() -> client.deleteJob(b -> b.jobId("job-2")))
        .isInstanceOf(InvalidStateTransitionException.class);
  }

  @Test
  void listJobs_passesTheFilters_andPagesWithATokenBoundToThem() {
    Instant at = JobSamples.CREATED;
    edge.jobs.answer(
        "list",
        args -> {
          PageRequest page = (PageRequest) args[2];
          String id = page.after().isEmpty() ? "job-1" : "job-2";
          return new Page<>(
              List.of(
                  new JobSummary(
                      id,
                      JobStatus.COMPLETED,
                      TargetSelection.CONTINUOUS,
                      "0b9f5a4e-group",
                      at,
                      at,
                      at,
                      false)),
              page.after().isEmpty() ? Optional.of("job-1") : Optional.empty());
        });

    ListJobsResponse first =
        client.listJobs(b -> b.status("COMPLETED").thingGroupName("north").maxResults(1));
    ListJobsResponse second =
        client.listJobs(
            b ->
                b.status("COMPLETED")
                    .thingGroupName("north")
                    .maxResults(1)
                    .nextToken(first.nextToken()));

    assertThat(first.jobs())
        .singleElement()
        .satisfies(
            j -> {
              assertThat(j.jobArn()).isEqualTo(JOB_ARN);
              assertThat(j.thingGroupId()).isEqualTo("0b9f5a4e-group");
              assertThat(j.isConcurrent()).isFalse();
              assertThat(j.completedAt()).isEqualTo(at);
            });
    assertThat(first.nextToken()).isNotNull();
    assertThat(second.jobs()).extracting(j -> j.jobId()).containsExactly("job-2");
    assertThat(second.nextToken()).isNull();
    assertThat(edge.jobs.calls().get(0).arg(1))
        .isEqualTo(new JobQuery(JobStatus.COMPLETED, null, "north", null, null));
    assertThat(edge.jobs.calls().get(1).arg(2)).isEqualTo(PageRequest.after("job-1", 1));
    assertThatThrownBy(
            () -> client.listJobs(b -> b.status("CANCELED").nextToken(first.nextToken())))
        .isInstanceOf(software.amazon.awssdk.services.iot.model.InvalidRequestException.class);
  }

  @Test
  void associateTargetsWithJob_passesTargetsAndComment() {
    edge.jobs.answer("associateTargets", args -> JobSamples.job("job-1", JobConfigs.NONE));

    var response =
        client.associateTargetsWithJob(
            b -> b.jobId("job-1").targets(JobSamples.GROUP_ARN).comment("More lamps"));

    assertThat(response.jobArn()).isEqualTo(JOB_ARN);
    assertThat(edge.jobs.only("associateTargets").args())
        .containsExactly(JobsEdge.SCOPE, "job-1", List.of(JobSamples.GROUP_ARN), "More lamps");
  }
}
