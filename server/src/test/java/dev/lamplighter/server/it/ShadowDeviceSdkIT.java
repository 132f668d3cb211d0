package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import dev.lamplighter.server.it.MqttDevices.Device;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.crt.mqtt.MqttClientConnection;
import software.amazon.awssdk.crt.mqtt.QualityOfService;
import software.amazon.awssdk.iot.iotshadow.IotShadowClient;
import software.amazon.awssdk.iot.iotshadow.model.ErrorResponse;
import software.amazon.awssdk.iot.iotshadow.model.GetShadowRequest;
import software.amazon.awssdk.iot.iotshadow.model.GetShadowResponse;
import software.amazon.awssdk.iot.iotshadow.model.GetShadowSubscriptionRequest;
import software.amazon.awssdk.iot.iotshadow.model.NamedShadowDeltaUpdatedSubscriptionRequest;
import software.amazon.awssdk.iot.iotshadow.model.ShadowDeltaUpdatedEvent;
import software.amazon.awssdk.iot.iotshadow.model.ShadowDeltaUpdatedSubscriptionRequest;
import software.amazon.awssdk.iot.iotshadow.model.ShadowState;
import software.amazon.awssdk.iot.iotshadow.model.UpdateNamedShadowRequest;
import software.amazon.awssdk.iot.iotshadow.model.UpdateNamedShadowSubscriptionRequest;
import software.amazon.awssdk.iot.iotshadow.model.UpdateShadowRequest;
import software.amazon.awssdk.iot.iotshadow.model.UpdateShadowResponse;
import software.amazon.awssdk.iot.iotshadow.model.UpdateShadowSubscriptionRequest;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import software.amazon.awssdk.services.iotdataplane.model.ResourceNotFoundException;

/**
 * A street light keeping its shadow with the AWS IoT Device SDK for Java v2's shadow client over
 * mutual TLS, while an operator sets its desired state over HTTP: the device reports, hears the
 * delta, reports back, and the delta is gone; a named shadow the same way; AWS's rejections with
 * the client token; and a device refused on another thing's shadow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShadowDeviceSdkIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(20);

  private TestServer server;
  private IotDataPlaneClient iotData;
  private MqttDevices devices;
  private Device lamp;
  private Device neighbour;

  @BeforeAll
  void start() {
    server = TestServer.start();
    iotData = server.iotData();
    devices = new MqttDevices(server);
    devices.createPolicy("own-shadows", Policies.OWN_SHADOWS);
    lamp = devices.register("lamp-1", "own-shadows");
    neighbour = devices.register("lamp-2", "own-shadows");
  }

  @AfterAll
  void stop() {
    iotData.close();
    server.close();
  }

  private MqttClientConnection connect(Device device) throws Exception {
    return devices.deviceSdk(device);
  }

  private static void close(MqttClientConnection connection) throws Exception {
    connection.disconnect().get(10, TimeUnit.SECONDS);
    connection.close();
  }

  private void desireOverHttp(String thing, String shadowName, String desired) {
    iotData.updateThingShadow(
        b ->
            b.thingName(thing)
                .shadowName(shadowName)
                .payload(SdkBytes.fromUtf8String("{\"state\":{\"desired\":" + desired + "}}")));
  }

  private JsonNode shadowOverHttp(String thing) throws Exception {
    return JSON.readTree(iotData.getThingShadow(b -> b.thingName(thing)).payload().asUtf8String());
  }

  private static ShadowState reported(Map<String, Object> values) {
    ShadowState state = new ShadowState();
    state.reported = new HashMap<>(values);
    return state;
  }

  @Test
  void theDevice_reports_hearsTheOperatorsDelta_reportsBack_andTheDeltaIsGone() throws Exception {
    BlockingQueue<UpdateShadowResponse> accepted = new LinkedBlockingQueue<>();
    BlockingQueue<ShadowDeltaUpdatedEvent> deltas = new LinkedBlockingQueue<>();
    BlockingQueue<GetShadowResponse> got = new LinkedBlockingQueue<>();
    MqttClientConnection connection = connect(lamp);
    try {
      IotShadowClient shadow = new IotShadowClient(connection);
      UpdateShadowSubscriptionRequest updates = new UpdateShadowSubscriptionRequest();
      updates.thingName = "lamp-1";
      shadow.SubscribeToUpdateShadowAccepted(updates, QualityOfService.AT_LEAST_ONCE, accepted::add)
          .get(10, TimeUnit.SECONDS);
      ShadowDeltaUpdatedSubscriptionRequest deltaRequest =
          new ShadowDeltaUpdatedSubscriptionRequest();
      deltaRequest.thingName = "lamp-1";
      shadow.SubscribeToShadowDeltaUpdatedEvents(
              deltaRequest, QualityOfService.AT_LEAST_ONCE, deltas::add)
          .get(10, TimeUnit.SECONDS);
      GetShadowSubscriptionRequest getRequest = new GetShadowSubscriptionRequest();
      getRequest.thingName = "lamp-1";
      shadow.SubscribeToGetShadowAccepted(getRequest, QualityOfService.AT_LEAST_ONCE, got::add)
          .get(10, TimeUnit.SECONDS);

      UpdateShadowRequest report = new UpdateShadowRequest();
      report.thingName = "lamp-1";
      report.clientToken = "boot-1";
      report.state = reported(Map.of("dim", 100, "on", true));
      shadow.PublishUpdateShadow(report, QualityOfService.AT_LEAST_ONCE).get(10, TimeUnit.SECONDS);
      UpdateShadowResponse reportAccepted = accepted.poll(20, TimeUnit.SECONDS);
      assertThat(reportAccepted).isNotNull();
      assertThat(reportAccepted.clientToken).isEqualTo("boot-1");
      assertThat(reportAccepted.version).isEqualTo(1);
      assertThat(reportAccepted.state.reported).containsEntry("dim", 100.0);

      desireOverHttp("lamp-1", null, "{\"dim\":40}");
      ShadowDeltaUpdatedEvent delta = deltas.poll(20, TimeUnit.SECONDS);
      assertThat(delta).isNotNull();
      assertThat(delta.state).containsOnlyKeys("dim").containsEntry("dim", 40.0);
      assertThat(delta.version).isEqualTo(2);
      assertThat(delta.metadata).containsKey("dim");

      GetShadowRequest get = new GetShadowRequest();
      get.thingName = "lamp-1";
      get.clientToken = "get-1";
      shadow.PublishGetShadow(get, QualityOfService.AT_LEAST_ONCE).get(10, TimeUnit.SECONDS);
      GetShadowResponse before = got.poll(20, TimeUnit.SECONDS);
      assertThat(before).isNotNull();
      assertThat(before.clientToken).isEqualTo("get-1");
      assertThat(before.state.delta).containsEntry("dim", 40.0);
      assertThat(before.state.desired).containsEntry("dim", 40.0);

      UpdateShadowRequest settle = new UpdateShadowRequest();
      settle.thingName = "lamp-1";
      settle.state = reported(Map.of("dim", 40));
      shadow.PublishUpdateShadow(settle, QualityOfService.AT_LEAST_ONCE).get(10, TimeUnit.SECONDS);
      accepted.clear();
      await().atMost(WAIT).until(() -> !shadowOverHttp("lamp-1").path("state").has("delta"));
      JsonNode settled = shadowOverHttp("lamp-1");
      assertThat(settled.path("state").path("reported").path("dim").asInt()).isEqualTo(40);
      assertThat(settled.path("version").asLong()).isEqualTo(3);
      assertThat(deltas.poll(500, TimeUnit.MILLISECONDS)).isNull();
    } finally {
      close(connection);
    }
  }

  @Test
  void aNamedShadow_isUpdatedAndDeltaedOnItsOwnTopics() throws Exception {
    BlockingQueue<UpdateShadowResponse> accepted = new LinkedBlockingQueue<>();
    BlockingQueue<ShadowDeltaUpdatedEvent> deltas = new LinkedBlockingQueue<>();
    MqttClientConnection connection = connect(neighbour);
    try {
      IotShadowClient shadow = new IotShadowClient(connection);
      UpdateNamedShadowSubscriptionRequest updates = new UpdateNamedShadowSubscriptionRequest();
      updates.thingName = "lamp-2";
      updates.shadowName = "schedule";
      shadow.SubscribeToUpdateNamedShadowAccepted(
              updates, QualityOfService.AT_LEAST_ONCE, accepted::add)
          .get(10, TimeUnit.SECONDS);
      NamedShadowDeltaUpdatedSubscriptionRequest deltaRequest =
          new NamedShadowDeltaUpdatedSubscriptionRequest();
      deltaRequest.thingName = "lamp-2";
      deltaRequest.shadowName = "schedule";
      shadow.SubscribeToNamedShadowDeltaUpdatedEvents(
              deltaRequest, QualityOfService.AT_LEAST_ONCE, deltas::add)
          .get(10, TimeUnit.SECONDS);

      UpdateNamedShadowRequest report = new UpdateNamedShadowRequest();
      report.thingName = "lamp-2";
      report.shadowName = "schedule";
      report.state = reported(Map.of("on", "dusk"));
      shadow.PublishUpdateNamedShadow(report, QualityOfService.AT_LEAST_ONCE)
          .get(10, TimeUnit.SECONDS);
      UpdateShadowResponse reportAccepted = accepted.poll(20, TimeUnit.SECONDS);
      assertThat(reportAccepted).isNotNull();
      assertThat(reportAccepted.state.reported).containsEntry("on", "dusk");

      desireOverHttp("lamp-2", "schedule", "{\"on\":\"22:00\"}");
      ShadowDeltaUpdatedEvent delta = deltas.poll(20, TimeUnit.SECONDS);
      assertThat(delta).isNotNull();
      assertThat(delta.state).containsEntry("on", "22:00");
      assertThatThrownBy(() -> shadowOverHttp("lamp-2"))
          .isInstanceOf(ResourceNotFoundException.class);
    } finally {
      close(connection);
    }
  }

  @Test
  void aRejectedUpdate_isAnsweredOnRejected_withAwsCodeAndTheClientToken() throws Exception {
    BlockingQueue<ErrorResponse> rejected = new LinkedBlockingQueue<>();
    MqttClientConnection connection = connect(lamp);
    try {
      IotShadowClient shadow = new IotShadowClient(connection);
      UpdateShadowSubscriptionRequest updates = new UpdateShadowSubscriptionRequest();
      updates.thingName = "lamp-1";
      shadow.SubscribeToUpdateShadowRejected(updates, QualityOfService.AT_LEAST_ONCE, rejected::add)
          .get(10, TimeUnit.SECONDS);

      UpdateShadowRequest stale = new UpdateShadowRequest();
      stale.thingName = "lamp-1";
      stale.clientToken = "stale-1";
      stale.version = 999;
      stale.state = reported(Map.of("dim", 1));
      shadow.PublishUpdateShadow(stale, QualityOfService.AT_LEAST_ONCE).get(10, TimeUnit.SECONDS);

      ErrorResponse error = rejected.poll(20, TimeUnit.SECONDS);
      assertThat(error).isNotNull();
      assertThat(error.code).isEqualTo(409);
      assertThat(error.message).isEqualTo("Version conflict");
      assertThat(error.clientToken).isEqualTo("stale-1");
    } finally {
      close(connection);
    }
  }

  @Test
  void aDevice_isRefusedOnAnotherThingsShadow_andNothingIsStored() {
    Mqtt5BlockingClient client = devices.v5(neighbour);
    client.connect();
    try {
      assertThatThrownBy(
              () ->
                  client
                      .publishWith()
                      .topic("$aws/things/lamp-1/shadow/name/hijack/update")
                      .qos(MqttQos.AT_LEAST_ONCE)
                      .payload(
                          "{\"state\":{\"desired\":{\"dim\":0}}}".getBytes(StandardCharsets.UTF_8))
                      .send())
          .isInstanceOfSatisfying(
              Mqtt5PubAckException.class,
              e ->
                  assertThat(e.getMqttMessage().getReasonCode())
                      .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED));
    } finally {
      client.disconnect();
    }
    assertThat(iotData.listNamedShadowsForThing(b -> b.thingName("lamp-1")).results())
        .doesNotContain("hijack");
  }
}
