package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import dev.lamplighter.server.it.MqttDevices.Device;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.QualityOfService;
import software.amazon.awssdk.iot.iotjobs.IotJobsClient;
import software.amazon.awssdk.iot.iotjobs.model.JobStatus;
import software.amazon.awssdk.iot.iotjobs.model.NextJobExecutionChangedEvent;
import software.amazon.awssdk.iot.iotjobs.model.NextJobExecutionChangedSubscriptionRequest;
import software.amazon.awssdk.iot.iotjobs.model.RejectedError;
import software.amazon.awssdk.iot.iotjobs.model.RejectedErrorCode;
import software.amazon.awssdk.iot.iotjobs.model.StartNextJobExecutionResponse;
import software.amazon.awssdk.iot.iotjobs.model.StartNextPendingJobExecutionRequest;
import software.amazon.awssdk.iot.iotjobs.model.StartNextPendingJobExecutionSubscriptionRequest;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionRequest;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionResponse;
import software.amazon.awssdk.iot.iotjobs.model.UpdateJobExecutionSubscriptionRequest;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.Configuration;
import software.amazon.awssdk.services.iot.model.EventType;

/**
 * A device taking a job with the AWS IoT Device SDK for Java v2's jobs client over mutual TLS: it
 * hears of the job on notify-next, starts it, reports success, and gets refusals with AWS's codes;
 * its policy keeps it to its own jobs; job-execution events reach a subscriber.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobsDeviceSdkIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(20);

  private TestServer server;
  private IotClient iot;
  private MqttDevices devices;
  private Device lamp;
  private Device neighbour;

  @BeforeAll
  void start() {
    server = TestServer.start();
    iot = server.iot();
    devices = new MqttDevices(server);
    devices.createPolicy("own-jobs", Policies.OWN_JOBS);
    lamp = devices.register("lamp-1", "own-jobs");
    neighbour = devices.register("lamp-2", "own-jobs");
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private MqttClientConnection connect(Device device) throws Exception {
    return devices.deviceSdk(device);
  }

  private static String thingArn(String name) {
    return "arn:aws:iot:eu-west-1:" + TestServer.ROOT_ACCOUNT + ":thing/" + name;
  }

  @Test
  void theJobsClient_takesAJobFromNotifyNextToSucceeded_andIsToldOfARejectedUpdate()
      throws Exception {
    BlockingQueue<NextJobExecutionChangedEvent> next = new LinkedBlockingQueue<>();
    BlockingQueue<StartNextJobExecutionResponse> started = new LinkedBlockingQueue<>();
    BlockingQueue<UpdateJobExecutionResponse> updated = new LinkedBlockingQueue<>();
    BlockingQueue<RejectedError> rejected = new LinkedBlockingQueue<>();
    MqttClientConnection connection = connect(lamp);
    try {
      IotJobsClient jobs = new IotJobsClient(connection);
      NextJobExecutionChangedSubscriptionRequest nextRequest =
          new NextJobExecutionChangedSubscriptionRequest();
      nextRequest.thingName = "lamp-1";
      jobs.SubscribeToNextJobExecutionChangedEvents(
              nextRequest, QualityOfService.AT_LEAST_ONCE, next::add)
          .get(10, TimeUnit.SECONDS);
      StartNextPendingJobExecutionSubscriptionRequest startRequest =
          new StartNextPendingJobExecutionSubscriptionRequest();
      startRequest.thingName = "lamp-1";
      jobs.SubscribeToStartNextPendingJobExecutionAccepted(
              startRequest, QualityOfService.AT_LEAST_ONCE, started::add)
          .get(10, TimeUnit.SECONDS);
      UpdateJobExecutionSubscriptionRequest updateRequest =
          new UpdateJobExecutionSubscriptionRequest();
      updateRequest.thingName = "lamp-1";
      updateRequest.jobId = "fw-7";
      jobs.SubscribeToUpdateJobExecutionAccepted(
              updateRequest, QualityOfService.AT_LEAST_ONCE, updated::add)
          .get(10, TimeUnit.SECONDS);
      jobs.SubscribeToUpdateJobExecutionRejected(
              updateRequest, QualityOfService.AT_LEAST_ONCE, rejected::add)
          .get(10, TimeUnit.SECONDS);

      iot.createJob(
          b ->
              b.jobId("fw-7")
                  .targets(thingArn("lamp-1"))
                  .document("{\"operation\":\"install\",\"url\":\"https://files/fw-7.bin\"}"));

      NextJobExecutionChangedEvent notified = next.poll(20, TimeUnit.SECONDS);
      assertThat(notified).isNotNull();
      assertThat(notified.execution.jobId).isEqualTo("fw-7");
      assertThat(notified.execution.status).isEqualTo(JobStatus.QUEUED);
      assertThat(notified.execution.jobDocument).containsEntry("operation", "install");

      StartNextPendingJobExecutionRequest start = new StartNextPendingJobExecutionRequest();
      start.thingName = "lamp-1";
      start.stepTimeoutInMinutes = 15L;
      jobs.PublishStartNextPendingJobExecution(start, QualityOfService.AT_LEAST_ONCE)
          .get(10, TimeUnit.SECONDS);
      StartNextJobExecutionResponse startedReply = started.poll(20, TimeUnit.SECONDS);
      assertThat(startedReply).isNotNull();
      assertThat(startedReply.execution.status).isEqualTo(JobStatus.IN_PROGRESS);
      assertThat(startedReply.execution.executionNumber).isEqualTo(1L);
      int version = startedReply.execution.versionNumber;

      UpdateJobExecutionRequest stale = new UpdateJobExecutionRequest();
      stale.thingName = "lamp-1";
      stale.jobId = "fw-7";
      stale.status = JobStatus.SUCCEEDED;
      stale.expectedVersion = version - 1;
      stale.clientToken = "stale-1";
      jobs.PublishUpdateJobExecution(stale, QualityOfService.AT_LEAST_ONCE)
          .get(10, TimeUnit.SECONDS);
      RejectedError refusal = rejected.poll(20, TimeUnit.SECONDS);
      assertThat(refusal).isNotNull();
      assertThat(refusal.code).isEqualTo(RejectedErrorCode.VERSION_MISMATCH);
      assertThat(refusal.clientToken).isEqualTo("stale-1");
      assertThat(refusal.executionState.versionNumber).isEqualTo(version);

      UpdateJobExecutionRequest done = new UpdateJobExecutionRequest();
      done.thingName = "lamp-1";
      done.jobId = "fw-7";
      done.status = JobStatus.SUCCEEDED;
      done.expectedVersion = version;
      done.includeJobExecutionState = true;
      done.statusDetails = new java.util.HashMap<>(Map.of("result", "installed"));
      jobs.PublishUpdateJobExecution(done, QualityOfService.AT_LEAST_ONCE)
          .get(10, TimeUnit.SECONDS);
      UpdateJobExecutionResponse accepted = updated.poll(20, TimeUnit.SECONDS);
      assertThat(accepted).isNotNull();
      assertThat(accepted.executionState.status).isEqualTo(JobStatus.SUCCEEDED);
      assertThat(accepted.executionState.statusDetails).containsEntry("result", "installed");

      NextJobExecutionChangedEvent emptied = next.poll(20, TimeUnit.SECONDS);
      assertThat(emptied).isNotNull();
      assertThat(emptied.execution).isNull();
      await()
          .atMost(WAIT)
          .until(
              () ->
                  iot.describeJob(b -> b.jobId("fw-7")).job().status()
                      == software.amazon.awssdk.services.iot.model.JobStatus.COMPLETED);
    } finally {
      connection.disconnect().get(10, TimeUnit.SECONDS);
      connection.close();
    }
  }

  @Test
  void aDeviceAskingAboutAnotherThingsJobs_isRefusedByItsPolicy() {
    Mqtt5BlockingClient client = devices.v5(neighbour);
    client.connect();
    try {
      assertThatThrownBy(
              () ->
                  client
                      .publishWith()
                      .topic("$aws/things/lamp-1/jobs/get")
                      .qos(MqttQos.AT_LEAST_ONCE)
                      .send())
          .isInstanceOfSatisfying(
              Mqtt5PubAckException.class,
              e ->
                  assertThat(e.getMqttMessage().getReasonCode())
                      .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED));
    } finally {
      client.disconnect();
    }
  }

  @Test
  void jobExecutionEvents_reachASubscriber_onceTurnedOn() throws Exception {
    iot.updateEventConfigurations(
        b ->
            b.eventConfigurations(
                Map.of(EventType.JOB_EXECUTION, Configuration.builder().enabled(true).build())));
    Mqtt5BlockingClient watcher = devices.v5(neighbour);
    watcher.connect();
    try (Mqtt5BlockingClient.Mqtt5Publishes events =
        watcher.publishes(MqttGlobalPublishFilter.ALL)) {
      watcher
          .subscribeWith()
          .topicFilter("$aws/events/jobExecution/ev-1/+")
          .qos(MqttQos.AT_LEAST_ONCE)
          .send();
      iot.createJob(b -> b.jobId("ev-1").targets(thingArn("lamp-2")).document("{\"a\":1}"));
      await()
          .atMost(WAIT)
          .until(
              () ->
                  iot.listJobExecutionsForJob(b -> b.jobId("ev-1")).executionSummaries().size()
                      == 1);
      server
          .jobsData()
          .updateJobExecution(
              b ->
                  b.thingName("lamp-2")
                      .jobId("ev-1")
                      .status("FAILED")
                      .statusDetails(Map.of("error", "disk full")));

      Mqtt5Publish event = events.receive(20, TimeUnit.SECONDS).orElseThrow();
      assertThat(event.getTopic().toString()).isEqualTo("$aws/events/jobExecution/ev-1/failed");
      JsonNode body = JSON.readTree(new String(event.getPayloadAsBytes(), StandardCharsets.UTF_8));
      assertThat(body.get("eventType").asText()).isEqualTo("JOB_EXECUTION");
      assertThat(body.get("thingArn").asText()).isEqualTo(thingArn("lamp-2"));
      assertThat(body.get("status").asText()).isEqualTo("FAILED");
      assertThat(body.get("statusDetails").get("error").asText()).isEqualTo("disk full");
    } finally {
      watcher.disconnect();
    }
  }
}
