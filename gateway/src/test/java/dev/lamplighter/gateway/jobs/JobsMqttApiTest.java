package dev.lamplighter.gateway.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamplighter.broker.extension.ClientInfo;
import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.broker.extension.ProtocolVersion;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.gateway.topics.TopicRequest;
import dev.lamplighter.jobs.JobExecutionStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AWS's JSON for the jobs topics: accepted shapes, rejection codes, tokens, timestamps. */
class JobsMqttApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Scope SCOPE = Scope.of("111122223333", "eu-west-1");
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
  private static final ClientInfo LAMP =
      new ClientInfo(
          "111122223333:eu-west-1",
          "lamp-1",
          "cert",
          "s1",
          "192.0.2.1",
          ProtocolVersion.MQTT_5,
          0,
          1);

  private final FakeDeviceJobs jobs = new FakeDeviceJobs();
  private final JobsMqttApi api = new JobsMqttApi(jobs, Clock.fixed(NOW, ZoneOffset.UTC));
  private final List<String> replyTopics = new ArrayList<>();
  private final List<JsonNode> replies = new ArrayList<>();

  private TopicRequest request(String topic, String payload, Map<String, String> variables) {
    return new TopicRequest(
        SCOPE,
        LAMP,
        Message.of(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false),
        variables,
        (replyTopic, bytes, qos) -> {
          replyTopics.add(replyTopic + " qos" + qos);
          try {
            replies.add(JSON.readTree(bytes));
          } catch (java.io.IOException e) {
            throw new AssertionError(e);
          }
        });
  }

  private JsonNode lastReply() {
    return replies.get(replies.size() - 1);
  }

  @Test
  void getPending_listsInProgressAndQueued_withSecondsAndTheClientToken() {
    jobs.queue("fw-1", "lamp-1", Instant.parse("2026-05-01T09:00:00Z"));
    jobs.queue("fw-2", "lamp-1", Instant.parse("2026-05-01T09:30:00Z"));
    jobs.startNext(SCOPE, "lamp-1", null, null);

    api.getPendingJobExecutions(
        request(
            "$aws/things/lamp-1/jobs/get",
            "{\"clientToken\":\"t-1\",\"thingName\":\"lamp-1\"}",
            Map.of("thingName", "lamp-1")));

    assertThat(replyTopics).containsExactly("$aws/things/lamp-1/jobs/get/accepted qos1");
    JsonNode reply = lastReply();
    assertThat(reply.get("clientToken").asText()).isEqualTo("t-1");
    assertThat(reply.get("timestamp").asLong()).isEqualTo(NOW.getEpochSecond());
    assertThat(reply.get("inProgressJobs")).hasSize(1);
    JsonNode started = reply.get("inProgressJobs").get(0);
    assertThat(started.get("jobId").asText()).isEqualTo("fw-1");
    assertThat(started.get("startedAt").asLong()).isEqualTo(NOW.getEpochSecond());
    assertThat(started.get("versionNumber").asLong()).isEqualTo(2);
    assertThat(started.get("executionNumber").asLong()).isEqualTo(1);
    JsonNode queued = reply.get("queuedJobs").get(0);
    assertThat(queued.get("jobId").asText()).isEqualTo("fw-2");
    assertThat(queued.get("queuedAt").asLong())
        .isEqualTo(Instant.parse("2026-05-01T09:30:00Z").getEpochSecond());
    assertThat(queued.has("startedAt")).isFalse();
  }

  @Test
  void anEmptyPayload_isAnEmptyRequest_andNothingPendingHasBothListsEmpty() {
    api.getPendingJobExecutions(
        request("$aws/things/lamp-9/jobs/get", "", Map.of("thingName", "lamp-9")));

    assertThat(lastReply().get("inProgressJobs")).isEmpty();
    assertThat(lastReply().get("queuedJobs")).isEmpty();
    assertThat(lastReply().has("clientToken")).isFalse();
  }

  @Test
  void startNext_startsTheNextExecution_withItsDocumentAsAnObject() {
    jobs.queue("fw-1", "lamp-1", NOW.minusSeconds(60));

    api.startNextPendingJobExecution(
        request(
            "$aws/things/lamp-1/jobs/start-next",
            "{\"statusDetails\":{\"step\":\"download\"},\"stepTimeoutInMinutes\":15}",
            Map.of("thingName", "lamp-1")));

    JsonNode execution = lastReply().get("execution");
    assertThat(execution.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(execution.get("jobDocument").get("operation").asText()).isEqualTo("install");
    assertThat(execution.get("statusDetails").get("step").asText()).isEqualTo("download");
    assertThat(execution.get("thingName").asText()).isEqualTo("lamp-1");
  }

  @Test
  void describeNext_withNothingPending_isAcceptedWithoutAnExecution() {
    api.describeJobExecution(
        request(
            "$aws/things/lamp-1/jobs/$next/get",
            "{\"clientToken\":\"c\"}",
            Map.of("thingName", "lamp-1", "jobId", "$next")));

    assertThat(replyTopics).containsExactly("$aws/things/lamp-1/jobs/$next/get/accepted qos1");
    assertThat(lastReply().has("execution")).isFalse();
    assertThat(lastReply().get("clientToken").asText()).isEqualTo("c");
  }

  @Test
  void update_acceptsAVersionGivenAsAString_andReturnsTheStateWhenAskedFor() {
    jobs.queue("fw-1", "lamp-1", NOW.minusSeconds(60));

    api.updateJobExecution(
        request(
            "$aws/things/lamp-1/jobs/fw-1/update",
            "{\"status\":\"IN_PROGRESS\",\"expectedVersion\":\"1\","
                + "\"includeJobExecutionState\":true,\"statusDetails\":{\"progress\":\"50%\"}}",
            Map.of("thingName", "lamp-1", "jobId", "fw-1")));

    assertThat(replyTopics).containsExactly("$aws/things/lamp-1/jobs/fw-1/update/accepted qos1");
    JsonNode state = lastReply().get("executionState");
    assertThat(state.get("status").asText()).isEqualTo("IN_PROGRESS");
    assertThat(state.get("versionNumber").asLong()).isEqualTo(2);
    assertThat(state.get("statusDetails").get("progress").asText()).isEqualTo("50%");
    assertThat(lastReply().has("jobDocument")).isFalse();
    assertThat(jobs.updates.get(0).expectedVersion()).isEqualTo(1L);
    assertThat(jobs.updates.get(0).status()).isEqualTo(JobExecutionStatus.IN_PROGRESS);
  }

  @Test
  void aStaleVersion_isRejectedAsVersionMismatch_withTheCurrentState() {
    jobs.queue("fw-1", "lamp-1", NOW.minusSeconds(60));

    api.updateJobExecution(
        request(
            "$aws/things/lamp-1/jobs/fw-1/update",
            "{\"status\":\"SUCCEEDED\",\"expectedVersion\":7,\"clientToken\":\"u-1\"}",
            Map.of("thingName", "lamp-1", "jobId", "fw-1")));

    assertThat(replyTopics).containsExactly("$aws/things/lamp-1/jobs/fw-1/update/rejected qos1");
    JsonNode rejected = lastReply();
    assertThat(rejected.get("code").asText()).isEqualTo("VersionMismatch");
    assertThat(rejected.get("clientToken").asText()).isEqualTo("u-1");
    assertThat(rejected.get("executionState").get("versionNumber").asLong()).isEqualTo(1);
    assertThat(rejected.get("timestamp").asLong()).isEqualTo(NOW.getEpochSecond());
  }

  @Test
  void updatingATerminalExecution_isAnInvalidStateTransition() {
    jobs.queue("fw-1", "lamp-1", NOW.minusSeconds(60));
    Map<String, String> topic = Map.of("thingName", "lamp-1", "jobId", "fw-1");
    api.updateJobExecution(
        request("$aws/things/lamp-1/jobs/fw-1/update", "{\"status\":\"SUCCEEDED\"}", topic));

    api.updateJobExecution(
        request("$aws/things/lamp-1/jobs/fw-1/update", "{\"status\":\"IN_PROGRESS\"}", topic));

    assertThat(lastReply().get("code").asText()).isEqualTo("InvalidStateTransition");
    assertThat(lastReply().get("executionState").get("status").asText()).isEqualTo("SUCCEEDED");
  }

  @Test
  void malformedRequests_areRejectedWithAwsCodes() {
    Map<String, String> topic = Map.of("thingName", "lamp-1", "jobId", "fw-1");
    api.updateJobExecution(request("$aws/things/lamp-1/jobs/fw-1/update", "{not json", topic));
    assertThat(lastReply().get("code").asText()).isEqualTo("InvalidJson");

    api.updateJobExecution(
        request("$aws/things/lamp-1/jobs/fw-1/update", "{\"status\":\"DONE\"}", topic));
    assertThat(lastReply().get("code").asText()).isEqualTo("InvalidRequest");

    api.updateJobExecution(
        request(
            "$aws/things/lamp-1/jobs/fw-1/update",
            "{\"status\":\"SUCCEEDED\",\"statusDetails\":[1]}",
            topic));
    assertThat(lastReply().get("code").asText()).isEqualTo("InvalidRequest");

    api.updateJobExecution(
        request("$aws/things/lamp-1/jobs/fw-1/update", "{\"status\":\"SUCCEEDED\"}", topic));
    assertThat(lastReply().get("code").asText()).isEqualTo("ResourceNotFound");

    api.invalidTopic(
        request("$aws/things/lamp-1/jobs/fw-1/delete", "{\"clientToken\":\"x\"}", topic));
    assertThat(replyTopics).last().isEqualTo("$aws/things/lamp-1/jobs/fw-1/delete/rejected qos1");
    assertThat(lastReply().get("code").asText()).isEqualTo("InvalidTopic");
    assertThat(lastReply().get("clientToken").asText()).isEqualTo("x");
  }
}
