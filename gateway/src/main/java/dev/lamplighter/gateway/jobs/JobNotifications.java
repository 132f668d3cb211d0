package dev.lamplighter.gateway.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeFollower;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.gateway.BrokerHandle;
import dev.lamplighter.gateway.Namespaces;
import dev.lamplighter.jobs.DeviceExecution;
import dev.lamplighter.jobs.DeviceJobService;
import dev.lamplighter.jobs.JobExecutionStatus;
import dev.lamplighter.jobs.PendingExecutions;
import dev.lamplighter.jobs.ThingJobs;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the jobs notifications of AWS IoT from the change log's JOB_EXECUTION entries:
 *
 * <ul>
 *   <li>{@code $aws/things/{thingName}/jobs/notify} (ListNotification), when an execution joins or
 *       leaves the thing's pending list: {@code {"timestamp", "jobs": {"IN_PROGRESS": [...],
 *       "QUEUED": [...]}}} with up to 15 summaries, statuses without executions left out;
 *   <li>{@code $aws/things/{thingName}/jobs/notify-next} (NextNotification), when the thing's next
 *       pending execution became another one (not when its details change): {@code {"timestamp",
 *       "execution": {...}}} with the job document, or {@code {"timestamp"}} when none is left.
 * </ul>
 *
 * <p>Entries of one batch are folded per thing, so a burst of changes to one thing costs one
 * notification of each kind, and the things of a batch are read from the store at once. A thing
 * nobody subscribed to on this node costs no store read. The last next execution told per thing is
 * remembered in memory (bounded); after a restart the first change of a thing tells its next
 * execution again. Published at QoS 1, so persistent sessions get what was published while they
 * were away.
 *
 * <p>Threading: runs on its follower's thread.
 */
public final class JobNotifications implements ChangeFollower.Consumer {
  private static final Logger LOG = LoggerFactory.getLogger(JobNotifications.class);
  private static final int QOS = 1;
  private static final int REMEMBERED_THINGS = 200_000;

  private final DeviceJobService jobs;
  private final BrokerHandle broker;
  private final Clock clock;
  private final Map<ThingKey, String> lastNext =
      new LinkedHashMap<>(1024, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ThingKey, String> eldest) {
          return size() > REMEMBERED_THINGS;
        }
      };

  public JobNotifications(DeviceJobService jobs, BrokerHandle broker, Clock clock) {
    this.jobs = jobs;
    this.broker = broker;
    this.clock = clock;
  }

  private record ThingKey(Scope scope, String thingName) {}

  @Override
  public void apply(List<ChangeEvent> batch) {
    Map<ThingKey, Change> changes = new LinkedHashMap<>();
    for (ChangeEvent event : batch) {
      if (event.type() != ResourceType.JOB_EXECUTION || event.stateJson() == null) {
        continue;
      }
      JsonNode state = read(event.stateJson());
      if (state == null || !state.hasNonNull("thingName")) {
        continue;
      }
      boolean wasPending;
      boolean isPending;
      JobExecutionStatus status = status(state, "status");
      if (event.kind() == ChangeKind.DELETED) {
        wasPending = status != null && status.isPending();
        isPending = false;
      } else {
        JobExecutionStatus previous = status(state, "previousStatus");
        wasPending = previous != null && previous.isPending();
        isPending = status != null && status.isPending();
      }
      ThingKey key = new ThingKey(event.scope(), state.get("thingName").asText());
      // The next execution told last, moving between QUEUED and IN_PROGRESS, stays next: such a
      // change (a device starting its job, reporting progress) needs no read.
      String identity = state.path("jobId").asText() + "#" + state.path("executionNumber").asLong();
      boolean keepsNext = wasPending && isPending && identity.equals(lastNext.get(key));
      changes.merge(key, new Change(wasPending != isPending, !keepsNext), Change::and);
    }
    Map<Scope, Map<String, Wanted>> wanted = new LinkedHashMap<>();
    changes.forEach(
        (key, change) -> {
          if (!change.listChanged() && !change.mayMoveNext()) {
            return;
          }
          Wanted what = wanted(key, change.listChanged());
          if (what != null) {
            wanted
                .computeIfAbsent(key.scope(), s -> new LinkedHashMap<>())
                .put(key.thingName(), what);
          }
        });
    wanted.forEach(this::notifyThings);
  }

  /**
   * What a batch's entries did to one thing.
   *
   * @param listChanged an execution joined or left the pending list
   * @param mayMoveNext the next execution may be another one now
   */
  private record Change(boolean listChanged, boolean mayMoveNext) {
    Change and(Change other) {
      return new Change(listChanged || other.listChanged, mayMoveNext || other.mayMoveNext);
    }
  }

  /** Which notifications a thing's subscribers on this node want. */
  private record Wanted(boolean list, boolean next) {}

  private Wanted wanted(ThingKey key, boolean listChanged) {
    String namespace = Namespaces.of(key.scope());
    String prefix = prefix(key.thingName());
    boolean list = listChanged && broker.hasSubscribers(namespace, prefix + "notify");
    boolean next = broker.hasSubscribers(namespace, prefix + "notify-next");
    if (!next) {
      lastNext.remove(key);
    }
    return list || next ? new Wanted(list, next) : null;
  }

  private static String prefix(String thingName) {
    return "$aws/things/" + thingName + "/jobs/";
  }

  /** One store read for the things of a scope, then their notifications. */
  private void notifyThings(Scope scope, Map<String, Wanted> things) {
    Map<String, ThingJobs> states;
    try {
      states = jobs.thingJobs(scope, things.keySet());
    } catch (RuntimeException e) {
      // Notifications lost must not stop the follower; devices can still ask (get, $next).
      LOG.warn("Reading the jobs of {} things to notify them failed", things.size(), e);
      return;
    }
    String namespace = Namespaces.of(scope);
    long timestamp = JobsJson.seconds(clock.instant());
    things.forEach(
        (thing, what) -> {
          ThingJobs state = states.get(thing);
          if (state == null) {
            return;
          }
          String prefix = prefix(thing);
          if (what.list()) {
            publish(namespace, prefix + "notify", list(state.pending(), timestamp));
          }
          if (what.next()) {
            ThingKey key = new ThingKey(scope, thing);
            String identity =
                state
                    .next()
                    .map(e -> e.execution().jobId() + "#" + e.execution().executionNumber())
                    .orElse("");
            if (!identity.equals(lastNext.get(key))) {
              publish(namespace, prefix + "notify-next", next(state.next(), timestamp));
              lastNext.put(key, identity);
            }
          }
        });
  }

  private ObjectNode list(PendingExecutions pending, long timestamp) {
    ObjectNode body = JobsJson.MAPPER.createObjectNode();
    body.put("timestamp", timestamp);
    ObjectNode lists = body.putObject("jobs");
    if (!pending.inProgress().isEmpty()) {
      ArrayNode inProgress = lists.putArray(JobExecutionStatus.IN_PROGRESS.name());
      pending.inProgress().forEach(e -> inProgress.add(JobsJson.summary(e)));
    }
    if (!pending.queued().isEmpty()) {
      ArrayNode queued = lists.putArray(JobExecutionStatus.QUEUED.name());
      pending.queued().forEach(e -> queued.add(JobsJson.summary(e)));
    }
    return body;
  }

  private ObjectNode next(Optional<DeviceExecution> next, long timestamp) {
    ObjectNode body = JobsJson.MAPPER.createObjectNode();
    body.put("timestamp", timestamp);
    next.ifPresent(e -> body.set("execution", JobsJson.execution(e, clock.instant())));
    return body;
  }

  private void publish(String namespace, String topic, ObjectNode body) {
    broker.publish(namespace, Message.of(topic, JobsJson.bytes(body), QOS, false));
  }

  private static JsonNode read(String json) {
    try {
      return JobsJson.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static JobExecutionStatus status(JsonNode state, String member) {
    JsonNode value = state.get(member);
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      return JobExecutionStatus.valueOf(value.asText());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
