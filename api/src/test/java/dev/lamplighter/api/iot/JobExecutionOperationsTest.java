package dev.lamplighter.api.iot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lamplighter.api.jobs.JobSamples;
import dev.lamplighter.api.jobs.JobsEdge;
import dev.lamplighter.api.wire.WireJson;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.JobExecutionStatus;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.DescribeJobExecutionResponse;
import software.amazon.awssdk.services.iot.model.JobExecutionSummaryForJob;
import software.amazon.awssdk.services.iot.model.JobExecutionSummaryForThing;

/** The control plane's job execution operations, driven by the AWS SDK's {@link IotClient}. */
class JobExecutionOperationsTest {
  private static final Instant NOW = Instant.parse(JobsEdge.NOW);

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
  void describeJobExecution_answersEveryMember_withSecondsBeforeTheEarlierTimer() {
    JobExecution execution =
        JobSamples.execution(
            "job-1",
            JobExecutionStatus.IN_PROGRESS,
            Map.of("step", "download"),
            NOW.minusSeconds(30),
            NOW.plusSeconds(600),
            NOW.plusSeconds(120));
    edge.executions.answer("describe", args -> execution);

    DescribeJobExecutionResponse response =
        client.describeJobExecution(b -> b.jobId("job-1").thingName("lamp-1").executionNumber(2L));

    assertThat(edge.executions.only("describe").args())
        .containsExactly(JobsEdge.SCOPE, "job-1", "lamp-1", 2L);
    var described = response.execution();
    assertThat(described.jobId()).isEqualTo("job-1");
    assertThat(described.statusAsString()).isEqualTo("IN_PROGRESS");
    assertThat(described.thingArn()).isEqualTo(JobSamples.THING_ARN);
    assertThat(described.statusDetails().detailsMap())
        .containsExactly(Map.entry("step", "download"));
    assertThat(described.queuedAt()).isEqualTo(JobSamples.CREATED);
    assertThat(described.startedAt()).isEqualTo(NOW.minusSeconds(30));
    assertThat(described.lastUpdatedAt()).isEqualTo(JobSamples.UPDATED);
    assertThat(described.executionNumber()).isEqualTo(2L);
    assertThat(described.versionNumber()).isEqualTo(4L);
    assertThat(described.forceCanceled()).isFalse();
    assertThat(described.approximateSecondsBeforeTimedOut()).isEqualTo(120L);

    edge.clock.advance(Duration.ofSeconds(100));
    assertThat(
            client
                .describeJobExecution(b -> b.jobId("job-1").thingName("lamp-1"))
                .execution()
                .approximateSecondsBeforeTimedOut())
        .isEqualTo(20L);
  }

  @Test
  void describeJobExecution_withoutTimerOrDetails_hasNoTimeoutAndEmptyStatusDetails()
      throws Exception {
    edge.executions.answer(
        "describe",
        args ->
            JobSamples.execution("job-1", JobExecutionStatus.QUEUED, Map.of(), null, null, null));

    HttpResponse<String> response = edge.send("iot", "GET", "/things/lamp-1/jobs/job-1", null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode execution = WireJson.mapper().readTree(response.body()).get("execution");
    assertThat(execution.get("statusDetails").toString()).isEqualTo("{}");
    assertThat(execution.has("approximateSecondsBeforeTimedOut")).isFalse();
    assertThat(execution.has("startedAt")).isFalse();
    assertThat(edge.executions.only("describe").arg(3)).isNull();
  }

  @Test
  void terminalExecution_reportsNoTimeout_evenWithAStaleDeadline() {
    edge.executions.answer(
        "describe",
        args ->
            JobSamples.execution(
                "job-1", JobExecutionStatus.SUCCEEDED, Map.of(), NOW, NOW.plusSeconds(60), null));

    assertThat(
            client
                .describeJobExecution(b -> b.jobId("job-1").thingName("lamp-1"))
                .execution()
                .approximateSecondsBeforeTimedOut())
        .isNull();
  }

  @Test
  void cancelJobExecution_passesForceVersionAndDetails_andAnswersNothing() throws Exception {
    edge.executions.answer(
        "cancel",
        args ->
            JobSamples.execution("job-1", JobExecutionStatus.CANCELED, Map.of(), null, null, null));

    HttpResponse<String> response =
        edge.send(
            "iot",
            "PUT",
            "/things/lamp-1/jobs/job-1/cancel?force=true",
            "{\"expectedVersion\":4,\"statusDetails\":{\"reason\":\"operator\"}}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{}");
    assertThat(edge.executions.only("cancel").args())
        .containsExactly(JobsEdge.SCOPE, "job-1", "lamp-1", true, 4L, Map.of("reason", "operator"));
  }

  @Test
  void deleteJobExecution_passesTheExecutionNumberFromThePath_andForce() {
    client.deleteJobExecution(
        b -> b.jobId("job-1").thingName("lamp-1").executionNumber(3L).force(true));

    assertThat(edge.executions.only("delete").args())
        .containsExactly(JobsEdge.SCOPE, "job-1", "lamp-1", 3L, true);
  }

  @Test
  void listJobExecutionsForJob_answersThingArnsAndSummaries() {
    edge.executions.answer(
        "listForJob",
        args ->
            new Page<>(
                List.of(
                    JobSamples.execution(
                        "job-1", JobExecutionStatus.FAILED, Map.of(), NOW, null, null)),
                Optional.of("lamp-1")));

    var response =
        client.listJobExecutionsForJob(b -> b.jobId("job-1").status("FAILED").maxResults(1));

    assertThat(edge.executions.only("listForJob").args())
        .containsExactly(JobsEdge.SCOPE, "job-1", JobExecutionStatus.FAILED, PageRequest.first(1));
    assertThat(response.nextToken()).isNotNull();
    JobExecutionSummaryForJob summary = response.executionSummaries().get(0);
    assertThat(summary.thingArn()).isEqualTo(JobSamples.THING_ARN);
    assertThat(summary.jobExecutionSummary().statusAsString()).isEqualTo("FAILED");
    assertThat(summary.jobExecutionSummary().retryAttempt()).isEqualTo(1);
    assertThat(summary.jobExecutionSummary().executionNumber()).isEqualTo(2L);
    assertThat(summary.jobExecutionSummary().queuedAt()).isEqualTo(JobSamples.CREATED);
    assertThat(summary.jobExecutionSummary().startedAt()).isEqualTo(NOW);
  }

  @Test
  void listJobExecutionsForThing_filtersByStatusAndJob() {
    edge.executions.answer(
        "listForThing",
        args ->
            new Page<>(
                List.of(
                    JobSamples.execution(
                        "job-7", JobExecutionStatus.QUEUED, Map.of(), null, null, null)),
                Optional.empty()));

    var response =
        client.listJobExecutionsForThing(
            b -> b.thingName("lamp-1").status("QUEUED").jobId("job-7"));

    assertThat(edge.executions.only("listForThing").args())
        .containsExactly(
            JobsEdge.SCOPE, "lamp-1", JobExecutionStatus.QUEUED, "job-7", PageRequest.first(50));
    assertThat(response.nextToken()).isNull();
    JobExecutionSummaryForThing summary = response.executionSummaries().get(0);
    assertThat(summary.jobId()).isEqualTo("job-7");
    assertThat(summary.jobExecutionSummary().statusAsString()).isEqualTo("QUEUED");
    assertThat(summary.jobExecutionSummary().startedAt()).isNull();
  }
}
