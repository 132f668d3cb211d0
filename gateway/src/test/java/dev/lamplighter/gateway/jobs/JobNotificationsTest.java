package dev.lamplighter.gateway.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamplighter.broker.RetainedMessage;
import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.gateway.BrokerHandle;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.JobExecutionStatus;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** When notify and notify-next are published, and what they carry. */
class JobNotificationsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Scope SCOPE = Scope.of("111122223333", "eu-west-1");
  private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

  private final FakeDeviceJobs jobs = new FakeDeviceJobs();
  private final Broker broker = new Broker();
  private final JobNotifications notifications =
      new JobNotifications(jobs, broker, Clock.fixed(NOW, ZoneOffset.UTC));
  private final AtomicLong sequence = new AtomicLong();

  private ChangeEvent entry(ChangeKind kind, JobExecution execution, JobExecutionStatus previous) {
    String state =
        String.format(
            "{\"jobId\":\"%s\",\"thingName\":\"%s\",\"executionNumber\":%d,"
                + "\"status\":\"%s\",\"previousStatus\":%s}",
            execution.jobId(),
            execution.thingName(),
            execution.executionNumber(),
            execution.status(),
            previous == null ? "null" : "\"" + previous + "\"");
    return new ChangeEvent(
        sequence.incrementAndGet(),
        NOW,
        SCOPE,
        ResourceType.JOB_EXECUTION,
        execution.jobId() + "/" + execution.thingName(),
        kind,
        state);
  }

  private JobExecution queue(String jobId, Instant at) {
    jobs.queue(jobId, "lamp-1", at);
    return jobs.executions.get(jobId + "/lamp-1");
  }

  @Test
  void aNewExecution_isListedAndBecomesNext_forASubscribedThing() throws IOException {
    broker.subscribed.add("$aws/things/lamp-1/jobs/notify");
    broker.subscribed.add("$aws/things/lamp-1/jobs/notify-next");

    notifications.apply(List.of(entry(ChangeKind.CREATED, queue("fw-1", NOW), null)));

    assertThat(broker.topics())
        .containsExactly("$aws/things/lamp-1/jobs/notify", "$aws/things/lamp-1/jobs/notify-next");
    JsonNode list = broker.payload(0);
    assertThat(list.get("jobs").get("QUEUED").get(0).get("jobId").asText()).isEqualTo("fw-1");
    assertThat(list.get("jobs").has("IN_PROGRESS")).isFalse();
    JsonNode next = broker.payload(1);
    assertThat(next.get("execution").get("jobId").asText()).isEqualTo("fw-1");
    assertThat(next.get("execution").get("jobDocument").get("operation").asText())
        .isEqualTo("install");
    assertThat(next.get("timestamp").asLong()).isEqualTo(NOW.getEpochSecond());
    assertThat(broker.qos).containsOnly(1);
  }

  @Test
  void aSecondExecution_isListed_butTheNextOneStaysTheSame_soNoNextNotification() {
    broker.subscribed.add("$aws/things/lamp-1/jobs/notify");
    broker.subscribed.add("$aws/things/lamp-1/jobs/notify-next");
    notifications.apply(List.of(entry(ChangeKind.CREATED, queue("fw-1", NOW), null)));
    broker.published.clear();

    notifications.apply(
        List.of(entry(ChangeKind.CREATED, queue("fw-2", NOW.plusSeconds(5)), null)));

    assertThat(broker.topics()).containsExactly("$aws/things/lamp-1/jobs/notify");
  }

  @Test
  void startingTheNextExecution_changesNeitherTheListNorTheNext() {
    broker.subscribed.add("$aws/things/lamp-1/jobs/notify");
    broker.subscribed.add("$aws/things/lamp-1/jobs/notify-next");
    notifications.apply(List.of(entry(ChangeKind.CREATED, queue("fw-1", NOW), null)));
    broker.published.clear();

    JobExecution started = jobs.startNext(SCOPE, "lamp-1", null, null).orElseThrow().execution();
    int readsBefore = jobs.thingJobsReads;
    notifications.apply(List.of(entry(ChangeKind.UPDATED, started, JobExecutionStatus.QUEUED)));

    assertThat(broker.topics()).isEmpty();
    assertThat(jobs.thingJobsReads)
        .as("the told next one stays next: no read")
        .isEqualTo(readsBefore);
  }

  @Test
  void startingAnExecutionThatWasNotTheNextOne_readsAndTellsTheNewNext() throws IOException {
    broker.subscribed.add("$aws/things/lamp-1/jobs/notify-next");
    notifications.apply(List.of(entry(ChangeKind.CREATED, queue("fw-1", NOW), null)));
    JobExecution second = queue("fw-2", NOW.plusSeconds(5));
    notifications.apply(List.of(entry(ChangeKind.CREATED, second, null)));
    broker.published.clear();

    JobExecution started = second.moved(JobExecutionStatus.IN_PROGRESS, null, NOW, false);
    jobs.executions.put("fw-2/lamp-1", started);
    notifications.apply(List.of(entry(ChangeKind.UPDATED, started, JobExecutionStatus.QUEUED)));

    assertThat(broker.topics()).containsExactly("$aws/things/lamp-1/jobs/notify-next");
    assertThat(broker.payload(0).get("execution").get("jobId").asText()).isEqualTo("fw-2");
  }

  @Test
  void theLastExecutionEnding_emptiesTheListAndTheNext() throws IOException {
    broker.subscribed.add("$aws/things/lamp-1/jobs/notify");
    broker.subscribed.add("$aws/things/lamp-1/jobs/notify-next");
    JobExecution queued = queue("fw-1", NOW);
    notifications.apply(List.of(entry(ChangeKind.CREATED, queued, null)));
    broker.published.clear();

    JobExecution done = queued.moved(JobExecutionStatus.SUCCEEDED, null, NOW, false);
    jobs.executions.put("fw-1/lamp-1", done);
    notifications.apply(List.of(entry(ChangeKind.UPDATED, done, JobExecutionStatus.QUEUED)));

    assertThat(broker.topics())
        .containsExactly("$aws/things/lamp-1/jobs/notify", "$aws/things/lamp-1/jobs/notify-next");
    assertThat(broker.payload(0).get("jobs").size()).isZero();
    assertThat(broker.payload(1).has("execution")).isFalse();
  }

  @Test
  void aThingNobodySubscribedFor_costsNoRead_andGetsNothing() {
    FakeDeviceJobs failing =
        new FakeDeviceJobs() {
          @Override
          public java.util.Map<String, dev.lamplighter.jobs.ThingJobs> thingJobs(
              Scope scope, java.util.Collection<String> thingNames) {
            throw new AssertionError("no subscriber, no read");
          }
        };
    JobNotifications quiet =
        new JobNotifications(failing, broker, Clock.fixed(NOW, ZoneOffset.UTC));

    quiet.apply(
        List.of(entry(ChangeKind.CREATED, JobExecution.queued("fw-1", "lamp-1", NOW), null)));

    assertThat(broker.topics()).isEmpty();
  }

  /** Records publishes; subscribers are the topics a test names. */
  private static final class Broker implements BrokerHandle {
    final Set<String> subscribed = new HashSet<>();
    final List<Message> published = new ArrayList<>();
    final List<Integer> qos = new ArrayList<>();

    List<String> topics() {
      return published.stream().map(Message::topic).toList();
    }

    JsonNode payload(int index) throws IOException {
      return JSON.readTree(published.get(index).payload());
    }

    @Override
    public void publish(String namespace, Message message) {
      published.add(message);
      qos.add(message.qos());
    }

    @Override
    public void publishTo(String namespace, String clientId, Message message) {
      throw new AssertionError("notifications go to subscribers");
    }

    @Override
    public boolean hasSubscribers(String namespace, String topic) {
      return subscribed.contains(topic);
    }

    @Override
    public List<RetainedMessage> retainedMessages(String namespace) {
      return List.of();
    }

    @Override
    public Optional<RetainedMessage> retainedMessage(String namespace, String topic) {
      return Optional.empty();
    }

    @Override
    public void dropForbiddenSubscriptions(String namespace, String clientId) {}

    @Override
    public boolean disconnect(
        String namespace, String clientId, boolean discardSession, boolean publishWill) {
      return false;
    }
  }
}
