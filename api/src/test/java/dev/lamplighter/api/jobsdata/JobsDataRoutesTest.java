package dev.lamplighter.api.jobsdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamplighter.api.jobs.JobSamples;
import dev.lamplighter.api.jobs.JobsEdge;
import dev.lamplighter.api.wire.WireJson;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.jobs.DeviceExecution;
import dev.lamplighter.jobs.ExecutionStateException;
import dev.lamplighter.jobs.ExecutionUpdate;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.JobExecutionStatus;
import dev.lamplighter.jobs.PendingExecutions;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;
import software.amazon.awssdk.services.iotjobsdataplane.model.DescribeJobExecutionResponse;
import software.amazon.awssdk.services.iotjobsdataplane.model.GetPendingJobExecutionsResponse;
import software.amazon.awssdk.services.iotjobsdataplane.model.InvalidRequestException;
import software.amazon.awssdk.services.iotjobsdataplane.model.InvalidStateTransitionException;
import software.amazon.awssdk.services.iotjobsdataplane.model.StartNextPendingJobExecutionResponse;
import software.amazon.awssdk.services.iotjobsdataplane.model.UpdateJobExecutionResponse;

/**
 * The iot-jobs-data routes driven by the AWS SDK's {@link IotJobsDataPlaneClient} (signing as
 * {@code iot-jobs-data}) and by signed raw requests, against a fake device job service.
 */
class JobsDataRoutesTest {
  private static final Instant NOW = Instant.parse(JobsEdge.NOW);
  private static final String DOCUMENT = "{\"operation\":\"on\"}";

  private JobsEdge edge;
  private IotJobsDataPlaneClient client;

  @BeforeEach
  void start() {
    edge = new JobsEdge();
    client = edge.jobsData();
  }

  @AfterEach
  void stop() {
    client.close();
    edge.close();
  }

  @Test
  void describeJobExecution_includesTheDocumentByDefault_asAString() {
    edge.device.answer(
        "describe", args -> Optional.of(new DeviceExecution(inProgress(), DOCUMENT)));

    DescribeJobExecutionResponse response =
        client.describeJobExecution(b -> b.thingName("lamp-1").jobId("job-1"));

    assertThat(edge.device.only("describe").args())
        .containsExactly(JobsEdge.SCOPE, "lamp-1", "job-1", null, true);
    var execution = response.execution();
    assertThat(execution.jobId()).isEqualTo("job-1");
    assertThat(execution.thingName()).isEqualTo("lamp-1");
    assertThat(execution.jobDocument()).isEqualTo(DOCUMENT);
    assertThat(execution.statusAsString()).isEqualTo("IN_PROGRESS");
    assertThat(execution.statusDetails()).containsExactly(Map.entry("step", "download"));
    assertThat(execution.queuedAt()).isEqualTo(JobSamples.CREATED.getEpochSecond());
    assertThat(execution.startedAt()).isEqualTo(NOW.minusSeconds(30).getEpochSecond());
    assertThat(execution.lastUpdatedAt()).isEqualTo(JobSamples.UPDATED.getEpochSecond());
    assertThat(execution.approximateSecondsBeforeTimedOut()).isEqualTo(300L);
    assertThat(execution.versionNumber()).isEqualTo(4L);
    assertThat(execution.executionNumber()).isEqualTo(2L);
  }

  @Test
  void describeJobExecution_withoutTheDocument_andAnExecutionNumber() {
    edge.device.answer("describe", args -> Optional.of(new DeviceExecution(inProgress(), null)));

    var response =
        client.describeJobExecution(
            b ->
                b.thingName("lamp-1").jobId("job-1").includeJobDocument(false).executionNumber(2L));

    assertThat(edge.device.only("describe").args())
        .containsExactly(JobsEdge.SCOPE, "lamp-1", "job-1", 2L, false);
    assertThat(response.execution().jobDocument()).isNull();
  }

  @Test
  void describeNext_withNothingPending_answersAnEmptyObject() {
    edge.device.answer("describe", args -> Optional.empty());

    HttpResponse<String> raw =
        edge.send("iot-jobs-data", "GET", "/things/lamp-1/jobs/%24next", null);
    DescribeJobExecutionResponse response =
        client.describeJobExecution(b -> b.thingName("lamp-1").jobId("$next"));

    assertThat(raw.statusCode()).as(raw.body()).isEqualTo(200);
    assertThat(raw.body()).isEqualTo("{}");
    assertThat(response.execution()).isNull();
    assertThat(edge.device.calls()).allSatisfy(c -> assertThat(c.arg(2)).isEqualTo("$next"));
  }

  @Test
  void getPendingJobExecutions_answersBothLists_evenEmpty() throws Exception {
    edge.device.answer(
        "pending",
        args ->
            new PendingExecutions(
                List.of(inProgress()),
                List.of(
                    JobSamples.execution(
                        "job-2", JobExecutionStatus.QUEUED, Map.of(), null, null, null))));

    GetPendingJobExecutionsResponse response =
        client.getPendingJobExecutions(b -> b.thingName("lamp-1"));

    assertThat(response.inProgressJobs())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.jobId()).isEqualTo("job-1");
              assertThat(s.startedAt()).isEqualTo(NOW.minusSeconds(30).getEpochSecond());
              assertThat(s.versionNumber()).isEqualTo(4L);
              assertThat(s.executionNumber()).isEqualTo(2L);
            });
    assertThat(response.queuedJobs())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.jobId()).isEqualTo("job-2");
              assertThat(s.startedAt()).isNull();
              assertThat(s.queuedAt()).isEqualTo(JobSamples.CREATED.getEpochSecond());
            });

    edge.device.answer("pending", args -> new PendingExecutions(List.of(), List.of()));
    HttpResponse<String> raw = edge.send("iot-jobs-data", "GET", "/things/lamp-1/jobs", null);
    assertThat(raw.body()).isEqualTo("{\"inProgressJobs\":[],\"queuedJobs\":[]}");
  }

  @Test
  void startNextPendingJobExecution_passesDetailsAndStepTimeout() {
    edge.device.answer(
        "startNext", args -> Optional.of(new DeviceExecution(inProgress(), DOCUMENT)));

    StartNextPendingJobExecutionResponse response =
        client.startNextPendingJobExecution(
            b ->
                b.thingName("lamp-1")
                    .statusDetails(Map.of("step", "download"))
                    .stepTimeoutInMinutes(5L));

    assertThat(edge.device.only("startNext").args())
        .containsExactly(JobsEdge.SCOPE, "lamp-1", Map.of("step", "download"), 5L);
    assertThat(response.execution().jobId()).isEqualTo("job-1");
    assertThat(response.execution().jobDocument()).isEqualTo(DOCUMENT);
  }

  @Test
  void startNextPendingJobExecution_withNothingPending_answersAnEmptyObject() {
    edge.device.answer("startNext", args -> Optional.empty());

    HttpResponse<String> raw =
        edge.send("iot-jobs-data", "PUT", "/things/lamp-1/jobs/%24next", "{}");

    assertThat(raw.statusCode()).as(raw.body()).isEqualTo(200);
    assertThat(raw.body()).isEqualTo("{}");
  }

  @Test
  void updateJobExecution_answersStateAndDocument_onlyWhenAskedFor() throws Exception {
    JobExecution succeeded =
        JobSamples.execution(
            "job-1", JobExecutionStatus.SUCCEEDED, Map.of("result", "ok"), NOW, null, null);
    edge.device.answer("update", args -> new DeviceExecution(succeeded, DOCUMENT));

    UpdateJobExecutionResponse response =
        client.updateJobExecution(
            b ->
                b.thingName("lamp-1")
                    .jobId("job-1")
                    .status("SUCCEEDED")
                    .statusDetails(Map.of("result", "ok"))
                    .expectedVersion(3L)
                    .executionNumber(2L)
                    .stepTimeoutInMinutes(-1L)
                    .includeJobExecutionState(true)
                    .includeJobDocument(true));

    assertThat(edge.device.only("update").args())
        .containsExactly(
            JobsEdge.SCOPE,
            new ExecutionUpdate(
                "lamp-1",
                "job-1",
                JobExecutionStatus.SUCCEEDED,
                Map.of("result", "ok"),
                3L,
                2L,
                -1L),
            true);
    assertThat(response.executionState().statusAsString()).isEqualTo("SUCCEEDED");
    assertThat(response.executionState().statusDetails()).containsEntry("result", "ok");
    assertThat(response.executionState().versionNumber()).isEqualTo(4L);
    assertThat(response.jobDocument()).isEqualTo(DOCUMENT);

    HttpResponse<String> raw =
        edge.send(
            "iot-jobs-data", "POST", "/things/lamp-1/jobs/job-1", "{\"status\":\"IN_PROGRESS\"}");
    assertThat(raw.statusCode()).as(raw.body()).isEqualTo(200);
    assertThat(raw.body()).isEqualTo("{}");
    assertThat(edge.device.calls().get(1).arg(2)).isEqualTo(false);
  }

  @Test
  void updateJobExecution_fromATerminalState_isInvalidStateTransition() {
    edge.device.answer(
        "update",
        args -> {
          throw new ExecutionStateException(
              ErrorCode.INVALID_STATE_TRANSITION, "The execution is SUCCEEDED.", inProgress());
        });

    assertThatThrownBy(
            () ->
                client.updateJobExecution(
                    b -> b.thingName("lamp-1").jobId("job-1").status("FAILED")))
        .isInstanceOfSatisfying(
            InvalidStateTransitionException.class, e -> assertThat(e.statusCode()).isEqualTo(409));
  }

  @Test
  void updateJobExecution_withoutStatus_isRefusedBeforeTheService() {
    HttpResponse<String> raw =
        edge.send("iot-jobs-data", "POST", "/things/lamp-1/jobs/job-1", "{}");

    assertThat(raw.statusCode()).isEqualTo(400);
    assertThat(raw.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidRequestException");
    assertThat(edge.device.calls()).isEmpty();
    assertThatThrownBy(() -> client.describeJobExecution(b -> b.thingName("lamp 1").jobId("job-1")))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void secondsBeforeTimedOut_isNeverNegative() throws Exception {
    JobExecution overdue =
        JobSamples.execution(
            "job-1", JobExecutionStatus.IN_PROGRESS, Map.of(), NOW, NOW.minusSeconds(5), null);
    edge.device.answer("describe", args -> Optional.of(new DeviceExecution(overdue, null)));

    HttpResponse<String> raw =
        edge.send(
            "iot-jobs-data", "GET", "/things/lamp-1/jobs/job-1?includeJobDocument=false", null);

    JsonNode execution = WireJson.mapper().readTree(raw.body()).get("execution");
    assertThat(execution.get("approximateSecondsBeforeTimedOut").asLong()).isZero();
    assertThat(execution.has("statusDetails")).isFalse();
    assertThat(execution.has("jobDocument")).isFalse();
  }

  private static JobExecution inProgress() {
    return JobSamples.execution(
        "job-1",
        JobExecutionStatus.IN_PROGRESS,
        Map.of("step", "download"),
        NOW.minusSeconds(30),
        NOW.plusSeconds(300),
        null);
  }
}
