package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.AbortConfig;
import software.amazon.awssdk.services.iot.model.AbortCriteria;
import software.amazon.awssdk.services.iot.model.Configuration;
import software.amazon.awssdk.services.iot.model.DescribeJobResponse;
import software.amazon.awssdk.services.iot.model.DescribeJobTemplateResponse;
import software.amazon.awssdk.services.iot.model.DescribeManagedJobTemplateResponse;
import software.amazon.awssdk.services.iot.model.EventType;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.InvalidStateTransitionException;
import software.amazon.awssdk.services.iot.model.JobExecutionStatus;
import software.amazon.awssdk.services.iot.model.JobExecutionSummaryForJob;
import software.amazon.awssdk.services.iot.model.JobStatus;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.TargetSelection;
import software.amazon.awssdk.services.iot.model.VersionConflictException;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;
import software.amazon.awssdk.services.iotjobsdataplane.model.DescribeJobExecutionResponse;
import software.amazon.awssdk.services.iotjobsdataplane.model.GetPendingJobExecutionsResponse;
import software.amazon.awssdk.services.iotjobsdataplane.model.StartNextPendingJobExecutionResponse;
import software.amazon.awssdk.services.iotjobsdataplane.model.UpdateJobExecutionResponse;

/**
 * Jobs through the whole server with the AWS SDK for Java v2: the control plane ({@code iot}) and
 * the devices' HTTPS API ({@code iot-jobs-data}), from creation to completion, templates, event
 * configurations, and the errors AWS answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobsIT {
  private static final String DOCUMENT = "{\"operation\":\"firmware-update\",\"version\":\"2.1\"}";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private TestServer server;
  private IotClient iot;
  private IotClient iotOnce;
  private IotJobsDataPlaneClient devices;

  @BeforeAll
  void start() {
    server = TestServer.start();
    iot = server.iot();
    iotOnce = server.iotWithoutRetries(TestServer.ROOT_KEY, TestServer.ROOT_SECRET);
    devices = server.jobsData();
    for (String name : List.of("lamp-1", "lamp-2", "lamp-3", "lamp-4", "pole-1")) {
      iot.createThing(b -> b.thingName(name));
    }
    iot.createThingGroup(b -> b.thingGroupName("turin"));
    iot.createThingGroup(b -> b.thingGroupName("centro").parentGroupName("turin"));
    iot.addThingToThingGroup(b -> b.thingGroupName("turin").thingName("lamp-1"));
    iot.addThingToThingGroup(b -> b.thingGroupName("centro").thingName("lamp-2"));
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static String arn(String type, String name) {
    return "arn:aws:iot:eu-west-1:" + TestServer.ROOT_ACCOUNT + ":" + type + "/" + name;
  }

  private List<JobExecutionSummaryForJob> executions(String jobId) {
    return iot.listJobExecutionsForJob(b -> b.jobId(jobId)).executionSummaries();
  }

  @Test
  void aSnapshotJob_fromCreationToCompletion_withTheDevicesHttpsApi() {
    var created =
        iot.createJob(
            b ->
                b.jobId("fw-21")
                    .targets(arn("thinggroup", "turin"), arn("thing", "pole-1"))
                    .document(DOCUMENT)
                    .description("firmware 2.1")
                    .timeoutConfig(t -> t.inProgressTimeoutInMinutes(30L)));
    assertThat(created.jobArn()).isEqualTo(arn("job", "fw-21"));
    assertThat(created.description()).isEqualTo("firmware 2.1");

    await().atMost(WAIT).until(() -> executions("fw-21").size() == 3);
    assertThat(executions("fw-21"))
        .extracting(e -> e.thingArn())
        .containsExactly(arn("thing", "lamp-1"), arn("thing", "lamp-2"), arn("thing", "pole-1"));
    assertThat(iot.getJobDocument(b -> b.jobId("fw-21")).document()).isEqualTo(DOCUMENT);

    GetPendingJobExecutionsResponse pending =
        devices.getPendingJobExecutions(b -> b.thingName("lamp-2"));
    assertThat(pending.queuedJobs()).extracting(q -> q.jobId()).containsExactly("fw-21");
    assertThat(pending.inProgressJobs()).isEmpty();

    StartNextPendingJobExecutionResponse started =
        devices.startNextPendingJobExecution(
            b -> b.thingName("lamp-2").statusDetails(Map.of("step", "download")));
    assertThat(started.execution().jobId()).isEqualTo("fw-21");
    assertThat(started.execution().statusAsString()).isEqualTo("IN_PROGRESS");
    assertThat(started.execution().jobDocument()).isEqualTo(DOCUMENT);
    assertThat(started.execution().versionNumber()).isEqualTo(2L);
    assertThat(started.execution().approximateSecondsBeforeTimedOut()).isBetween(1790L, 1800L);

    UpdateJobExecutionResponse updated =
        devices.updateJobExecution(
            b ->
                b.thingName("lamp-2")
                    .jobId("fw-21")
                    .status("SUCCEEDED")
                    .expectedVersion(2L)
                    .includeJobExecutionState(true));
    assertThat(updated.executionState().statusAsString()).isEqualTo("SUCCEEDED");
    assertThat(updated.executionState().versionNumber()).isEqualTo(3L);

    for (String thing : List.of("lamp-1", "pole-1")) {
      devices.updateJobExecution(b -> b.thingName(thing).jobId("fw-21").status("SUCCEEDED"));
    }
    await()
        .atMost(WAIT)
        .until(() -> iot.describeJob(b -> b.jobId("fw-21")).job().status() == JobStatus.COMPLETED);
    DescribeJobResponse described = iot.describeJob(b -> b.jobId("fw-21"));
    assertThat(described.job().jobProcessDetails().numberOfSucceededThings()).isEqualTo(3);
    assertThat(described.job().timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(30L);
    assertThat(described.job().completedAt()).isNotNull();
    assertThat(
            iot.listJobExecutionsForThing(b -> b.thingName("lamp-2"))
                .executionSummaries()
                .get(0)
                .jobExecutionSummary()
                .status())
        .isEqualTo(JobExecutionStatus.SUCCEEDED);
    assertThat(iot.listJobs(b -> b.status(JobStatus.COMPLETED)).jobs())
        .extracting(j -> j.jobId())
        .contains("fw-21");
    assertThat(iot.listJobs(b -> b.thingGroupName("turin")).jobs())
        .extracting(j -> j.jobId())
        .containsExactly("fw-21");
  }

  @Test
  void describingTheNextExecution_ofAThingWithNothingPending_returnsNoExecution() {
    iot.createThing(b -> b.thingName("idle-1"));

    DescribeJobExecutionResponse next =
        devices.describeJobExecution(b -> b.thingName("idle-1").jobId("$next"));

    assertThat(next.execution()).isNull();
  }

  @Test
  void aJobFromAManagedTemplate_getsItsDocumentWithTheParametersFilledIn() {
    assertThat(iot.listManagedJobTemplates(b -> b.maxResults(250)).managedJobTemplates())
        .extracting(t -> t.templateName())
        .contains("AWS-Download-File", "AWS-Install-Application", "AWS-Reboot", "AWS-Run-Command");
    DescribeManagedJobTemplateResponse download =
        iot.describeManagedJobTemplate(b -> b.templateName("AWS-Download-File"));
    assertThat(download.templateArn())
        .isEqualTo("arn:aws:iot:eu-west-1::jobtemplate/AWS-Download-File:1.0");
    assertThat(download.documentParameters())
        .extracting(p -> p.key())
        .containsExactly("downloadUrl", "filePath", "runAsUser", "pathToHandler");

    iot.createJob(
        b ->
            b.jobId("download-1")
                .targets(arn("thing", "lamp-3"))
                .jobTemplateArn(download.templateArn())
                .documentParameters(
                    Map.of(
                        "downloadUrl",
                        "https://files.example.com/fw.bin",
                        "filePath",
                        "/opt/fw.bin")));

    assertThat(iot.describeJob(b -> b.jobId("download-1")).job().description())
        .isEqualTo("A managed job template for downloading a file.");
    await().atMost(WAIT).until(() -> executions("download-1").size() == 1);
    String document =
        devices
            .describeJobExecution(b -> b.thingName("lamp-3").jobId("download-1"))
            .execution()
            .jobDocument();
    assertThat(document)
        .contains("\"args\":[\"https://files.example.com/fw.bin\",\"/opt/fw.bin\"]")
        .contains("\"handler\":\"download-file.sh\"");
    assertThatThrownBy(
            () ->
                iotOnce.createJob(
                    b ->
                        b.jobId("download-2")
                            .targets(arn("thing", "lamp-3"))
                            .jobTemplateArn(download.templateArn())
                            .documentParameters(Map.of("downloadUrl", "https://x"))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Missing required document parameter filePath");
  }

  @Test
  void aCustomTemplate_givesJobsItsDocumentAndConfigurations_andJobsCarryTags() {
    iot.createThing(b -> b.thingName("template-1"));
    iot.createJobTemplate(
        b ->
            b.jobTemplateId("nightly-fw")
                .description("firmware at night")
                .document(DOCUMENT)
                .abortConfig(
                    AbortConfig.builder()
                        .criteriaList(
                            AbortCriteria.builder()
                                .failureType("FAILED")
                                .action("CANCEL")
                                .thresholdPercentage(20.0)
                                .minNumberOfExecutedThings(10)
                                .build())
                        .build()));
    assertThat(iot.listJobTemplates(b -> b.maxResults(10)).jobTemplates())
        .extracting(t -> t.jobTemplateId())
        .contains("nightly-fw");

    iot.createJob(
        b ->
            b.jobId("from-template")
                .targets(arn("thing", "template-1"))
                .jobTemplateArn(arn("jobtemplate", "nightly-fw"))
                .tags(t -> t.key("team").value("lights")));

    DescribeJobResponse job = iot.describeJob(b -> b.jobId("from-template"));
    assertThat(job.job().jobTemplateArn()).isEqualTo(arn("jobtemplate", "nightly-fw"));
    assertThat(job.job().abortConfig().criteriaList().get(0).thresholdPercentage()).isEqualTo(20.0);
    assertThat(iot.getJobDocument(b -> b.jobId("from-template")).document()).isEqualTo(DOCUMENT);
    assertThat(iot.listTagsForResource(b -> b.resourceArn(arn("job", "from-template"))).tags())
        .extracting(t -> t.key() + "=" + t.value())
        .containsExactly("team=lights");
    assertThatThrownBy(
            () ->
                iotOnce.createJobTemplate(
                    b -> b.jobTemplateId("nightly-fw").description("again").document(DOCUMENT)))
        .hasMessageContaining("already exists");

    DescribeJobTemplateResponse template =
        iot.describeJobTemplate(b -> b.jobTemplateId("nightly-fw"));
    assertThat(template.jobTemplateArn()).isEqualTo(arn("jobtemplate", "nightly-fw"));
    assertThat(template.description()).isEqualTo("firmware at night");
    assertThat(template.document()).isEqualTo(DOCUMENT);
    assertThat(template.abortConfig().criteriaList().get(0).minNumberOfExecutedThings())
        .isEqualTo(10);
    iot.deleteJobTemplate(b -> b.jobTemplateId("nightly-fw"));
    assertThatThrownBy(() -> iotOnce.describeJobTemplate(b -> b.jobTemplateId("nightly-fw")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(iot.describeJob(b -> b.jobId("from-template")).job().jobTemplateArn())
        .as("a job keeps what its template gave it")
        .isEqualTo(arn("jobtemplate", "nightly-fw"));
  }

  @Test
  void cancelDeleteAndContinuousOperations_followAwsRules() {
    iot.createThing(b -> b.thingName("cancel-1"));
    iot.createThing(b -> b.thingName("cancel-2"));
    iot.createJob(
        b ->
            b.jobId("to-cancel")
                .targets(arn("thing", "cancel-1"), arn("thing", "cancel-2"))
                .document(DOCUMENT)
                .targetSelection(TargetSelection.SNAPSHOT));
    await().atMost(WAIT).until(() -> executions("to-cancel").size() == 2);
    devices.startNextPendingJobExecution(b -> b.thingName("cancel-2"));

    assertThatThrownBy(() -> iotOnce.deleteJob(b -> b.jobId("to-cancel")))
        .isInstanceOf(InvalidStateTransitionException.class)
        .hasMessageContaining("set force");
    assertThatThrownBy(
            () -> iotOnce.cancelJobExecution(b -> b.jobId("to-cancel").thingName("cancel-2")))
        .isInstanceOf(InvalidStateTransitionException.class);
    assertThatThrownBy(
            () ->
                iotOnce.cancelJobExecution(
                    b ->
                        b.jobId("to-cancel").thingName("cancel-2").force(true).expectedVersion(9L)))
        .isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(
            () ->
                iotOnce.associateTargetsWithJob(
                    b -> b.jobId("to-cancel").targets(arn("thing", "cancel-1"))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("continuous");

    iot.updateJob(
        b ->
            b.jobId("to-cancel")
                .description("firmware 2.1, superseded")
                .timeoutConfig(t -> t.inProgressTimeoutInMinutes(30L)));
    DescribeJobResponse updated = iot.describeJob(b -> b.jobId("to-cancel"));
    assertThat(updated.job().description()).isEqualTo("firmware 2.1, superseded");
    assertThat(updated.job().timeoutConfig().inProgressTimeoutInMinutes()).isEqualTo(30L);

    var canceled =
        iot.cancelJob(b -> b.jobId("to-cancel").reasonCode("WRONG_IMAGE").comment("wrong image"));
    assertThat(canceled.jobId()).isEqualTo("to-cancel");
    await()
        .atMost(WAIT)
        .until(
            () ->
                iot.describeJobExecution(b -> b.jobId("to-cancel").thingName("cancel-1"))
                        .execution()
                        .status()
                    == JobExecutionStatus.CANCELED);
    assertThat(
            iot.describeJobExecution(b -> b.jobId("to-cancel").thingName("cancel-2"))
                .execution()
                .status())
        .isEqualTo(JobExecutionStatus.IN_PROGRESS);
    assertThat(iot.describeJob(b -> b.jobId("to-cancel")).job().reasonCode())
        .isEqualTo("WRONG_IMAGE");

    assertThatThrownBy(
            () ->
                iotOnce.deleteJobExecution(
                    b -> b.jobId("to-cancel").thingName("cancel-2").executionNumber(1L)))
        .as("an execution in progress is deleted only with force")
        .isInstanceOf(InvalidStateTransitionException.class);
    iot.deleteJobExecution(b -> b.jobId("to-cancel").thingName("cancel-1").executionNumber(1L));
    assertThatThrownBy(
            () -> iotOnce.describeJobExecution(b -> b.jobId("to-cancel").thingName("cancel-1")))
        .isInstanceOf(ResourceNotFoundException.class);

    iot.deleteJob(b -> b.jobId("to-cancel"));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThatThrownBy(() -> iotOnce.describeJob(b -> b.jobId("to-cancel")))
                    .isInstanceOf(ResourceNotFoundException.class));
  }

  @Test
  void badInput_getsAwsErrors_andCreatesNothing() {
    iot.createThing(b -> b.thingName("bad-1"));
    iot.createJob(b -> b.jobId("taken").targets(arn("thing", "bad-1")).document(DOCUMENT));

    assertThatThrownBy(
            () ->
                iotOnce.createJob(
                    b -> b.jobId("taken").targets(arn("thing", "bad-1")).document(DOCUMENT)))
        .isInstanceOfSatisfying(
            ResourceAlreadyExistsException.class,
            e -> {
              assertThat(e.resourceId()).isEqualTo("taken");
              assertThat(e.resourceArn()).isEqualTo(arn("job", "taken"));
            });
    assertThatThrownBy(
            () ->
                iotOnce.createJob(
                    b -> b.jobId("bad-doc").targets(arn("thing", "bad-1")).document("{oops")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(
            () ->
                iotOnce.createJob(
                    b ->
                        b.jobId("too-big")
                            .targets(arn("thing", "bad-1"))
                            .document("{\"a\":\"" + "x".repeat(33_000) + "\"}")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("32768");
    assertThatThrownBy(
            () ->
                iotOnce.createJob(
                    b -> b.jobId("nobody").targets(arn("thing", "nobody")).document(DOCUMENT)))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("nobody");
    assertThatThrownBy(() -> iotOnce.describeJob(b -> b.jobId("never-made")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () ->
                devices.updateJobExecution(
                    b -> b.thingName("lamp-1").jobId("never-made").status("SUCCEEDED")))
        .isInstanceOf(
            software.amazon.awssdk.services.iotjobsdataplane.model.ResourceNotFoundException.class);

    assertThat(iot.listJobs(b -> b.maxResults(250)).jobs())
        .extracting(j -> j.jobId())
        .doesNotContain("bad-doc", "too-big", "nobody");
  }

  @Test
  void aTerminalExecution_cannotBeUpdatedByItsDevice() {
    iot.createJob(b -> b.jobId("once").targets(arn("thing", "pole-1")).document(DOCUMENT));
    await().atMost(WAIT).until(() -> executions("once").size() == 1);
    devices.updateJobExecution(b -> b.thingName("pole-1").jobId("once").status("REJECTED"));

    assertThatThrownBy(
            () ->
                devices.updateJobExecution(
                    b -> b.thingName("pole-1").jobId("once").status("IN_PROGRESS")))
        .isInstanceOfSatisfying(
            software.amazon.awssdk.services.iotjobsdataplane.model.InvalidStateTransitionException
                .class,
            e -> assertThat(e.statusCode()).isEqualTo(409));
  }

  @Test
  void eventConfigurations_areOffByDefault_andUpdatesChangeOnlyTheTypesGiven() {
    var initial = iot.describeEventConfigurations(b -> {});
    assertThat(initial.eventConfigurations()).hasSize(11);
    assertThat(initial.eventConfigurations().get(EventType.JOB).enabled()).isFalse();

    iot.updateEventConfigurations(
        b ->
            b.eventConfigurations(
                Map.of(EventType.JOB, Configuration.builder().enabled(true).build())));

    var after = iot.describeEventConfigurations(b -> {});
    assertThat(after.eventConfigurations().get(EventType.JOB).enabled()).isTrue();
    assertThat(after.eventConfigurations().get(EventType.JOB_EXECUTION).enabled()).isFalse();
    assertThat(after.lastModifiedDate()).isNotNull();
  }
}
