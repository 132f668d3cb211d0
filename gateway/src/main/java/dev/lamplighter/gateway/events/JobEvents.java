package dev.lamplighter.gateway.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeFollower;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.gateway.Namespaces;
import dev.lamplighter.registry.EventConfigurationService;
import dev.lamplighter.registry.EventConfigurations;
import dev.lamplighter.registry.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS IoT's job and job-execution events, published from the change log once the write committed,
 * in a scope whose event configuration turned them on (UpdateEventConfigurations):
 *
 * <ul>
 *   <li>{@code $aws/events/job/{jobId}/completed|canceled|deletion_in_progress|deleted}: {@code
 *       eventType "JOB"}, eventId, timestamp (seconds), operation, jobId, status, targetSelection,
 *       targets, description, createdAt, lastUpdatedAt and completedAt (milliseconds), comment,
 *       forceCanceled and jobProcessDetails (the terminal counts) where they apply;
 *   <li>{@code $aws/events/jobExecution/{jobId}/succeeded|failed|rejected|canceled|removed|
 *       timed_out|deleted}: {@code eventType "JOB_EXECUTION"}, eventId, timestamp, operation,
 *       jobId, thingArn, status (before the deletion, for deleted) and statusDetails.
 * </ul>
 *
 * <p>The eventId is derived from the entry's sequence, so an event published again after a restart
 * has the same id. Published at QoS 1: at least once, as AWS promises.
 *
 * <p>Threading: runs on its follower's thread.
 */
public final class JobEvents implements ChangeFollower.Consumer {
  private static final Logger LOG = LoggerFactory.getLogger(JobEvents.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int QOS = 1;

  private final EventConfigurationService configurations;
  private final EventSink sink;
  private final Clock clock;
  private final Map<Scope, EventConfigurations> byScope = new HashMap<>();

  public JobEvents(EventConfigurationService configurations, EventSink sink, Clock clock) {
    this.configurations = configurations;
    this.sink = sink;
    this.clock = clock;
  }

  @Override
  public void apply(List<ChangeEvent> batch) {
    for (ChangeEvent event : batch) {
      switch (event.type()) {
        case EVENT_CONFIGURATIONS -> byScope.remove(event.scope());
        case JOB -> job(event);
        case JOB_EXECUTION -> execution(event);
        default -> {}
      }
    }
  }

  private boolean enabled(Scope scope, EventType type) {
    return byScope.computeIfAbsent(scope, configurations::describe).isEnabled(type);
  }

  private void job(ChangeEvent event) {
    // Asked first: a scope without events costs no parsing of its entries.
    if (!enabled(event.scope(), EventType.JOB)) {
      return;
    }
    JsonNode state = read(event.stateJson());
    if (state == null) {
      return;
    }
    String operation =
        jobOperation(event.kind(), text(state, "status"), text(state, "previousStatus"));
    if (operation == null) {
      return;
    }
    ObjectNode body = header("JOB", event, operation);
    body.put("jobId", event.name());
    body.put("status", event.kind() == ChangeKind.DELETED ? "DELETED" : text(state, "status"));
    body.put("targetSelection", text(state, "targetSelection"));
    body.set("targets", state.get("targets"));
    copyText(state, body, "description");
    millis(state, body, "createdAt");
    millis(state, body, "lastUpdatedAt");
    if (operation.equals("completed")) {
      millis(state, body, "completedAt");
    }
    copyText(state, body, "comment");
    if (operation.equals("canceled")) {
      body.put("forceCanceled", state.path("forceCanceled").asBoolean(false));
    }
    JsonNode counts = state.get("processDetails");
    if (counts != null && counts.isObject()) {
      ObjectNode details = body.putObject("jobProcessDetails");
      details.put("numberOfCanceledThings", counts.path("CANCELED").asLong());
      details.put("numberOfRejectedThings", counts.path("REJECTED").asLong());
      details.put("numberOfFailedThings", counts.path("FAILED").asLong());
      details.put("numberOfRemovedThings", counts.path("REMOVED").asLong());
      details.put("numberOfSucceededThings", counts.path("SUCCEEDED").asLong());
      details.put("numberOfTimedOutThings", counts.path("TIMED_OUT").asLong());
    }
    publish(event.scope(), "$aws/events/job/" + event.name() + "/" + operation, body);
  }

  /** The JOB event a job entry stands for, or null. */
  static String jobOperation(ChangeKind kind, String status, String previous) {
    if (kind == ChangeKind.DELETED) {
      return "deleted";
    }
    if (status == null || status.equals(previous)) {
      return null;
    }
    return switch (status) {
      case "COMPLETED" -> "completed";
      case "CANCELED" -> "canceled";
      case "DELETION_IN_PROGRESS" -> "deletion_in_progress";
      default -> null;
    };
  }

  private void execution(ChangeEvent event) {
    if (!enabled(event.scope(), EventType.JOB_EXECUTION)) {
      return;
    }
    JsonNode state = read(event.stateJson());
    if (state == null) {
      return;
    }
    String status = text(state, "status");
    String previous = text(state, "previousStatus");
    String operation;
    if (event.kind() == ChangeKind.DELETED) {
      operation = "deleted";
    } else if (status != null
        && isTerminal(status)
        && (previous == null || !isTerminal(previous))) {
      operation = status.toLowerCase(Locale.ROOT);
    } else {
      return;
    }
    String jobId = text(state, "jobId");
    ObjectNode body = header("JOB_EXECUTION", event, operation);
    body.put("jobId", jobId);
    body.put(
        "thingArn", Arn.of(event.scope(), ResourceType.THING, text(state, "thingName")).toString());
    body.put("status", status);
    JsonNode details = state.get("statusDetails");
    body.set(
        "statusDetails", details == null || details.isNull() ? JSON.createObjectNode() : details);
    publish(event.scope(), "$aws/events/jobExecution/" + jobId + "/" + operation, body);
  }

  private static boolean isTerminal(String status) {
    return !status.equals("QUEUED") && !status.equals("IN_PROGRESS");
  }

  private ObjectNode header(String eventType, ChangeEvent event, String operation) {
    ObjectNode body = JSON.createObjectNode();
    body.put("eventType", eventType);
    body.put(
        "eventId",
        UUID.nameUUIDFromBytes(
                (event.sequence() + "/" + operation).getBytes(StandardCharsets.UTF_8))
            .toString());
    body.put("timestamp", clock.instant().getEpochSecond());
    body.put("operation", operation);
    return body;
  }

  private void publish(Scope scope, String topic, ObjectNode body) {
    try {
      sink.publish(
          Namespaces.of(scope),
          Message.of(
              topic, JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8), QOS, false));
    } catch (JsonProcessingException | RuntimeException e) {
      LOG.warn("Publishing the event on {} failed", topic, e);
    }
  }

  private static JsonNode read(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String text(JsonNode state, String member) {
    JsonNode value = state.get(member);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static void copyText(JsonNode state, ObjectNode body, String member) {
    String value = text(state, member);
    if (value != null) {
      body.put(member, value);
    }
  }

  /** An instant of the state (ISO-8601 text) as epoch milliseconds, as AWS's job events carry. */
  private static void millis(JsonNode state, ObjectNode body, String member) {
    String value = text(state, member);
    if (value != null) {
      body.put(member, Instant.parse(value).toEpochMilli());
    }
  }
}
