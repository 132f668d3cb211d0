package dev.lamplighter.gateway.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lamplighter.broker.extension.ClientInfo;
import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.broker.extension.ProtocolVersion;
import dev.lamplighter.broker.extension.PublishDisposition;
import dev.lamplighter.core.tenancy.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AwsReservedTopicsTest {
  private static final ClientInfo CLIENT =
      new ClientInfo(
          "111122223333:eu-west-1",
          "lamp-1",
          "abc",
          "s1",
          "192.0.2.1",
          ProtocolVersion.MQTT_5,
          0,
          1);

  private final RequestThreads threads = new RequestThreads(2, 100);
  private final List<String> published = new CopyOnWriteArrayList<>();
  private final RecordingJobs jobs = new RecordingJobs();
  private final AwsReservedTopics unserved =
      AwsReservedTopics.standard(AwsReservedTopics.Features.NONE, threads, this::record);
  private final AwsReservedTopics withJobs =
      AwsReservedTopics.standard(new AwsReservedTopics.Features(jobs, null), threads, this::record);
  private final RecordingShadows shadows = new RecordingShadows();
  private final AwsReservedTopics withShadows =
      AwsReservedTopics.standard(
          new AwsReservedTopics.Features(null, shadows), threads, this::record);

  @AfterEach
  void stopThreads() {
    threads.close();
  }

  private void record(String namespace, String clientId, Message message) {
    published.add(namespace + " " + clientId + " " + message.topic() + " qos" + message.qos());
  }

  /** The request's bound topic levels as {@code name=value} words in name order. */
  private static String namedLevels(TopicRequest request) {
    return String.join(
        " ",
        request.variables().entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + "=" + e.getValue())
            .toList());
  }

  private static PublishDisposition publish(AwsReservedTopics table, String topic, int qos) {
    return table.onClientPublish(CLIENT, Message.of(topic, new byte[0], qos, false));
  }

  @ParameterizedTest
  @CsvSource({
    "$aws/events/presence/connected/lamp-1, Event messages",
    "$aws/events/subscriptions/subscribed/lamp-1, Event messages",
    "$aws/things/lamp-1/shadow/update, Device Shadow",
    "$aws/things/lamp-1/shadow/name/config/get, Device Shadow",
    "$aws/things/lamp-1/jobs/get, Jobs",
    "$aws/things/lamp-1/tunnels/notify, Secure tunneling",
    "$aws/certificates/create/json, Fleet provisioning",
    "$aws/provisioning-templates/t/provision/json, Fleet provisioning",
    "$aws/rules/myRule/lamps, Basic Ingest",
    "$aws/sitewise/asset-models/m, Other AWS IoT reserved topics",
    "$SYS/broker/clients, Topics beginning with $"
  })
  void reservedTopics_areRefusedForPublishing_byTheRowOfTheirFeature(
      String topic, String operation) {
    assertThat(publish(unserved, topic, 0)).isEqualTo(PublishDisposition.REFUSED);
    assertThat(unserved.route(topic))
        .get()
        .extracting(r -> r.operation())
        .asString()
        .startsWith(operation);
  }

  @ParameterizedTest
  @CsvSource({"things/lamp-1/state", "aws/events/not-reserved", "a$b", "/leading/slash"})
  void ordinaryTopics_areRouted(String topic) {
    assertThat(publish(withJobs, topic, 0)).isEqualTo(PublishDisposition.ROUTE);
  }

  @ParameterizedTest
  @CsvSource({
    "$aws/things/lamp-1/jobs/get, GetPendingJobExecutions, thingName=lamp-1",
    "$aws/things/lamp-1/jobs/start-next, StartNextPendingJobExecution, thingName=lamp-1",
    "$aws/things/lamp-1/jobs/fw-2/get, DescribeJobExecution, jobId=fw-2 thingName=lamp-1",
    "$aws/things/lamp-1/jobs/$next/get, DescribeJobExecution, jobId=$next thingName=lamp-1",
    "$aws/things/lamp-1/jobs/fw-2/update, UpdateJobExecution, jobId=fw-2 thingName=lamp-1",
    "$aws/things/lamp-1/jobs/fw-2/delete, InvalidTopic, thingName=lamp-1"
  })
  void jobsRequests_reachTheirOperation_withTheTopicsNamedLevels(
      String topic, String operation, String variables) throws Exception {
    assertThat(publish(withJobs, topic, 1)).isEqualTo(PublishDisposition.CONSUMED);

    TopicRequest request = jobs.requests.poll(operation);
    assertThat(request.scope()).isEqualTo(Scope.of("111122223333", "eu-west-1"));
    assertThat(request.topic()).isEqualTo(topic);
    assertThat(namedLevels(request)).isEqualTo(variables);
  }

  @ParameterizedTest
  @CsvSource({
    "$aws/things/lamp-1/jobs/notify",
    "$aws/things/lamp-1/jobs/notify-next",
    "$aws/things/lamp-1/jobs/get/accepted",
    "$aws/things/lamp-1/jobs/fw-2/update/rejected"
  })
  void jobsTopicsThatTheServicePublishes_areRefused(String topic) {
    assertThat(publish(withJobs, topic, 1)).isEqualTo(PublishDisposition.REFUSED);
  }

  @ParameterizedTest
  @CsvSource({
    "$aws/things/lamp-1/shadow/get, GetThingShadow, thingName=lamp-1",
    "$aws/things/lamp-1/shadow/update, UpdateThingShadow, thingName=lamp-1",
    "$aws/things/lamp-1/shadow/delete, DeleteThingShadow, thingName=lamp-1",
    "$aws/things/lamp-1/shadow/name/config/get, GetThingShadow, shadowName=config thingName=lamp-1",
    "$aws/things/lamp-1/shadow/name/config/update, UpdateThingShadow,"
        + " shadowName=config thingName=lamp-1",
    "$aws/things/lamp-1/shadow/name/config/delete, DeleteThingShadow,"
        + " shadowName=config thingName=lamp-1"
  })
  void shadowRequests_reachTheirOperation_withTheTopicsNamedLevels(
      String topic, String operation, String variables) throws Exception {
    assertThat(publish(withShadows, topic, 1)).isEqualTo(PublishDisposition.CONSUMED);

    TopicRequest request = shadows.requests.poll(operation);
    assertThat(request.topic()).isEqualTo(topic);
    assertThat(namedLevels(request)).isEqualTo(variables);
  }

  @ParameterizedTest
  @CsvSource({
    "$aws/things/lamp-1/shadow/update/accepted",
    "$aws/things/lamp-1/shadow/update/delta",
    "$aws/things/lamp-1/shadow/update/documents",
    "$aws/things/lamp-1/shadow/name/config/get/rejected",
    "$aws/things/lamp-1/shadow/list",
    "$aws/things/lamp-1/shadow/name/config/other"
  })
  void shadowTopicsThatTheServicePublishes_orThatMapToNoOperation_areRefused(String topic) {
    assertThat(publish(withShadows, topic, 1)).isEqualTo(PublishDisposition.REFUSED);
  }

  @Test
  void aReply_goesToTheRequestingClientAlone_atTheRequestsQos() throws Exception {
    publish(withJobs, "$aws/things/lamp-1/jobs/get", 1);
    TopicRequest request = jobs.requests.poll("GetPendingJobExecutions");

    request.reply("$aws/things/lamp-1/jobs/get/accepted", "{}".getBytes(StandardCharsets.UTF_8));

    assertThat(published)
        .containsExactly("111122223333:eu-west-1 lamp-1 $aws/things/lamp-1/jobs/get/accepted qos1");
  }

  @Test
  void requestsOfOneThing_areServedInTheOrderTheyArrived() {
    for (int i = 0; i < 50; i++) {
      publish(withJobs, "$aws/things/lamp-1/jobs/job-" + i + "/update", 1);
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> jobs.requests.all.size() == 50);
    assertThat(jobs.requests.all)
        .extracting(r -> r.variable("jobId"))
        .containsExactlyElementsOf(
            java.util.stream.IntStream.range(0, 50).mapToObj(i -> "job-" + i).toList());
  }

  @Test
  void aRequestThatFindsTheQueueFull_isAnsweredAsThrottled() throws Exception {
    RequestThreads tiny = new RequestThreads(1, 1);
    CountDownLatch release = new CountDownLatch(1);
    RecordingJobs blocking = new RecordingJobs();
    blocking.gate = release;
    AwsReservedTopics table =
        AwsReservedTopics.standard(
            new AwsReservedTopics.Features(blocking, null), tiny, this::record);
    try {
      publish(table, "$aws/things/lamp-1/jobs/get", 1); // running, blocked
      await().atMost(Duration.ofSeconds(5)).until(() -> blocking.started > 0);
      publish(table, "$aws/things/lamp-1/jobs/get", 1); // queued
      publish(table, "$aws/things/lamp-1/jobs/get", 1); // no room

      assertThat(blocking.requests.poll("throttled").topic())
          .isEqualTo("$aws/things/lamp-1/jobs/get");
    } finally {
      release.countDown();
      tiny.close();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "$aws/things/+/shadow/#, $aws/things/lamp-1/shadow, true",
    "$aws/things/+/shadow/#, $aws/things/lamp-1/shadow/update/accepted, true",
    "$aws/things/+/shadow/#, $aws/things/lamp-1/jobs, false",
    "$aws/things/+/shadow/#, $aws/things, false",
    "$aws/things/{thingName}/jobs/get, $aws/things//jobs/get, false",
    "a/+/c, a/b/c, true",
    "a/+/c, a/b/c/d, false"
  })
  void patterns_matchAsMqttFilters(String pattern, String topic, boolean matches) {
    assertThat(TopicPattern.of(pattern).matches(topic)).isEqualTo(matches);
  }

  /** Requests by operation, in arrival order. */
  private static final class Requests {
    final List<TopicRequest> all = new CopyOnWriteArrayList<>();
    final List<String> operations = new CopyOnWriteArrayList<>();

    void add(String operation, TopicRequest request) {
      operations.add(operation);
      all.add(request);
    }

    TopicRequest poll(String operation) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (System.nanoTime() < deadline) {
        int index = operations.indexOf(operation);
        if (index >= 0) {
          return all.get(index);
        }
        Thread.sleep(1);
      }
      throw new AssertionError("no " + operation + " request; saw " + operations);
    }
  }

  private static final class RecordingShadows implements ShadowTopics {
    final Requests requests = new Requests();

    @Override
    public void get(TopicRequest request) {
      requests.add("GetThingShadow", request);
    }

    @Override
    public void update(TopicRequest request) {
      requests.add("UpdateThingShadow", request);
    }

    @Override
    public void delete(TopicRequest request) {
      requests.add("DeleteThingShadow", request);
    }

    @Override
    public void throttled(TopicRequest request) {
      requests.add("throttled", request);
    }
  }

  private static final class RecordingJobs implements JobsTopics {
    final Requests requests = new Requests();
    volatile CountDownLatch gate;
    volatile int started;

    private void add(String operation, TopicRequest request) {
      started++;
      CountDownLatch current = gate;
      if (current != null) {
        try {
          current.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      requests.add(operation, request);
    }

    @Override
    public void getPendingJobExecutions(TopicRequest request) {
      add("GetPendingJobExecutions", request);
    }

    @Override
    public void startNextPendingJobExecution(TopicRequest request) {
      add("StartNextPendingJobExecution", request);
    }

    @Override
    public void describeJobExecution(TopicRequest request) {
      add("DescribeJobExecution", request);
    }

    @Override
    public void updateJobExecution(TopicRequest request) {
      add("UpdateJobExecution", request);
    }

    @Override
    public void invalidTopic(TopicRequest request) {
      add("InvalidTopic", request);
    }

    @Override
    public void throttled(TopicRequest request) {
      requests.add("throttled", request);
    }
  }
}
