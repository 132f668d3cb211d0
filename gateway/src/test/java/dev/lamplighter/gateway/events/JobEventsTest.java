package dev.lamplighter.gateway.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.EventConfigurationService;
import dev.lamplighter.registry.EventConfigurations;
import dev.lamplighter.registry.EventType;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Job and job-execution events: AWS's topics and bodies, only when enabled. */
class JobEventsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Scope SCOPE = Scope.of("111122223333", "eu-west-1");
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  private final Map<EventType, Boolean> enabled = new EnumMap<>(EventType.class);
  private final List<Message> published = new ArrayList<>();
  private final EventConfigurationService configurations =
      new EventConfigurationService() {
        @Override
        public EventConfigurations describe(Scope scope) {
          return new EventConfigurations(enabled, null, null);
        }

        @Override
        public EventConfigurations update(Scope scope, Map<EventType, Boolean> changes) {
          throw new AssertionError("events only read");
        }
      };
  private final JobEvents events =
      new JobEvents(
          configurations,
          (namespace, message) -> published.add(message),
          Clock.fixed(NOW, ZoneOffset.UTC));
  private long sequence;

  private ChangeEvent entry(ResourceType type, String name, ChangeKind kind, String state) {
    return new ChangeEvent(++sequence, NOW, SCOPE, type, name, kind, state);
  }

  private static String job(String status, String previous) {
    return "{\"jobId\":\"fw\",\"status\":\""
        + status
        + "\",\"previousStatus\":"
        + (previous == null ? "null" : "\"" + previous + "\"")
        + ",\"targetSelection\":\"SNAPSHOT\","
        + "\"targets\":[\"arn:aws:iot:eu-west-1:111122223333:thinggroup/lamps\"],"
        + "\"description\":\"firmware 2\",\"comment\":null,\"forceCanceled\":false,"
        + "\"createdAt\":\"2026-05-01T09:00:00Z\",\"lastUpdatedAt\":\"2026-05-01T09:59:00Z\","
        + "\"completedAt\":\"2026-05-01T09:59:00Z\","
        + "\"processDetails\":{\"SUCCEEDED\":3,\"FAILED\":1,\"QUEUED\":0}}";
  }

  private static String execution(String status, String previous) {
    return "{\"jobId\":\"fw\",\"thingName\":\"lamp-1\",\"status\":\""
        + status
        + "\",\"previousStatus\":\""
        + previous
        + "\",\"statusDetails\":{\"step\":\"3\"}}";
  }

  @Test
  void nothingIsPublished_whileTheEventTypesAreOff() {
    events.apply(
        List.of(
            entry(ResourceType.JOB, "fw", ChangeKind.UPDATED, job("COMPLETED", "IN_PROGRESS")),
            entry(
                ResourceType.JOB_EXECUTION,
                "fw/lamp-1",
                ChangeKind.UPDATED,
                execution("SUCCEEDED", "IN_PROGRESS"))));

    assertThat(published).isEmpty();
  }

  @Test
  void aCompletedJob_publishesAwsJobEvent_withMillisecondTimesAndCounts() throws IOException {
    enabled.put(EventType.JOB, true);

    events.apply(
        List.of(
            entry(ResourceType.JOB, "fw", ChangeKind.UPDATED, job("COMPLETED", "IN_PROGRESS"))));

    assertThat(published)
        .extracting(Message::topic)
        .containsExactly("$aws/events/job/fw/completed");
    JsonNode body = JSON.readTree(published.get(0).payload());
    assertThat(body.get("eventType").asText()).isEqualTo("JOB");
    assertThat(body.get("operation").asText()).isEqualTo("completed");
    assertThat(body.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(body.get("timestamp").asLong()).isEqualTo(NOW.getEpochSecond());
    assertThat(body.get("createdAt").asLong())
        .isEqualTo(Instant.parse("2026-05-01T09:00:00Z").toEpochMilli());
    assertThat(body.get("targets").get(0).asText()).endsWith("thinggroup/lamps");
    assertThat(body.get("jobProcessDetails").get("numberOfSucceededThings").asLong()).isEqualTo(3);
    assertThat(body.get("jobProcessDetails").get("numberOfFailedThings").asLong()).isEqualTo(1);
    assertThat(body.get("eventId").asText()).hasSize(36);
  }

  @Test
  void aJobUpdateThatKeepsItsStatus_publishesNothing() {
    enabled.put(EventType.JOB, true);

    events.apply(
        List.of(entry(ResourceType.JOB, "fw", ChangeKind.UPDATED, job("CANCELED", "CANCELED"))));

    assertThat(published).isEmpty();
  }

  @Test
  void anExecutionEndingOrDeleted_publishesItsEvent_andStartingOnePublishesNothing()
      throws IOException {
    enabled.put(EventType.JOB_EXECUTION, true);

    events.apply(
        List.of(
            entry(
                ResourceType.JOB_EXECUTION,
                "fw/lamp-1",
                ChangeKind.UPDATED,
                execution("IN_PROGRESS", "QUEUED")),
            entry(
                ResourceType.JOB_EXECUTION,
                "fw/lamp-1",
                ChangeKind.UPDATED,
                execution("TIMED_OUT", "IN_PROGRESS")),
            entry(
                ResourceType.JOB_EXECUTION,
                "fw/lamp-1",
                ChangeKind.DELETED,
                execution("TIMED_OUT", "TIMED_OUT"))));

    assertThat(published)
        .extracting(Message::topic)
        .containsExactly(
            "$aws/events/jobExecution/fw/timed_out", "$aws/events/jobExecution/fw/deleted");
    JsonNode body = JSON.readTree(published.get(0).payload());
    assertThat(body.get("eventType").asText()).isEqualTo("JOB_EXECUTION");
    assertThat(body.get("thingArn").asText())
        .isEqualTo("arn:aws:iot:eu-west-1:111122223333:thing/lamp-1");
    assertThat(body.get("status").asText()).isEqualTo("TIMED_OUT");
    assertThat(body.get("statusDetails").get("step").asText()).isEqualTo("3");
  }

  @Test
  void turningEventsOn_isSeenFromTheLog() {
    events.apply(
        List.of(entry(ResourceType.JOB, "fw", ChangeKind.UPDATED, job("CANCELED", "IN_PROGRESS"))));
    enabled.put(EventType.JOB, true);

    events.apply(
        List.of(
            entry(ResourceType.EVENT_CONFIGURATIONS, "default", ChangeKind.UPDATED, "{}"),
            entry(ResourceType.JOB, "fw", ChangeKind.DELETED, job("CANCELED", "CANCELED"))));

    assertThat(published).extracting(Message::topic).containsExactly("$aws/events/job/fw/deleted");
  }
}
