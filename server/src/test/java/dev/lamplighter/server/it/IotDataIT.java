package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.lamplighter.server.it.MqttDevices.Device;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import software.amazon.awssdk.services.iotdataplane.model.GetRetainedMessageResponse;
import software.amazon.awssdk.services.iotdataplane.model.InvalidRequestException;
import software.amazon.awssdk.services.iotdataplane.model.ListRetainedMessagesResponse;
import software.amazon.awssdk.services.iotdataplane.model.PayloadFormatIndicator;
import software.amazon.awssdk.services.iotdataplane.model.ResourceNotFoundException;

/**
 * The iot-data service through the AWS SDK's client against the running broker: HTTP publishes
 * reach MQTT devices, retained messages are listed and read, and DeleteConnection closes a device.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IotDataIT {
  private TestServer server;
  private IotDataPlaneClient iotData;
  private MqttDevices devices;
  private Device lamp;

  @BeforeAll
  void start() {
    server = TestServer.start();
    iotData = server.iotData();
    devices = new MqttDevices(server);
    devices.createPolicy("own-topics", Policies.OWN_TOPICS);
    lamp = devices.register("lamp-9", "own-topics");
  }

  @AfterAll
  void stop() {
    iotData.close();
    server.close();
  }

  @Test
  void httpPublish_reachesASubscribedDevice_withItsMqtt5Properties() throws Exception {
    Mqtt5BlockingClient device = devices.v5(lamp);
    device.connect();
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        device.publishes(MqttGlobalPublishFilter.ALL)) {
      device
          .subscribeWith()
          .topicFilter("lights/lamp-9/commands")
          .qos(MqttQos.AT_LEAST_ONCE)
          .send();
      iotData.publish(
          b ->
              b.topic("lights/lamp-9/commands")
                  .qos(1)
                  .contentType("application/json")
                  .responseTopic("lights/lamp-9/replies")
                  .payloadFormatIndicator(PayloadFormatIndicator.UTF8_DATA)
                  // The SDK base64-encodes this JSON into the x-amz-mqtt5-user-properties header.
                  .userProperties("[{\"origin\":\"console\"}]")
                  .payload(SdkBytes.fromUtf8String("{\"dim\":40}")));
      Optional<Mqtt5Publish> received = publishes.receive(10, TimeUnit.SECONDS);
      assertThat(received).isPresent();
      Mqtt5Publish message = received.get();
      assertThat(new String(message.getPayloadAsBytes(), StandardCharsets.UTF_8))
          .isEqualTo("{\"dim\":40}");
      assertThat(message.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
      assertThat(message.getContentType())
          .hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/json"));
      assertThat(message.getResponseTopic())
          .hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("lights/lamp-9/replies"));
      assertThat(message.getUserProperties().asList())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.getName().toString()).isEqualTo("origin");
                assertThat(p.getValue().toString()).isEqualTo("console");
              });
    } finally {
      device.disconnect();
    }
  }

  @Test
  void retainedMessages_publishedOverHttp_areListedReadAndDeliveredToLateSubscribers()
      throws Exception {
    iotData.publish(
        b ->
            b.topic("lights/lamp-9/config")
                .qos(1)
                .retain(true)
                .payload(SdkBytes.fromUtf8String("mode=night")));

    ListRetainedMessagesResponse listed = iotData.listRetainedMessages(b -> {});
    assertThat(listed.retainedTopics())
        .anySatisfy(
            t -> {
              assertThat(t.topic()).isEqualTo("lights/lamp-9/config");
              assertThat(t.payloadSize()).isEqualTo(10L);
              assertThat(t.qos()).isEqualTo(1);
            });
    GetRetainedMessageResponse retained =
        iotData.getRetainedMessage(b -> b.topic("lights/lamp-9/config"));
    assertThat(retained.payload().asUtf8String()).isEqualTo("mode=night");

    Mqtt3BlockingClient device = devices.v3(lamp);
    device.connect();
    try (Mqtt3BlockingClient.Mqtt3Publishes publishes =
        device.publishes(MqttGlobalPublishFilter.ALL)) {
      device.subscribeWith().topicFilter("lights/lamp-9/config").qos(MqttQos.AT_LEAST_ONCE).send();
      assertThat(publishes.receive(10, TimeUnit.SECONDS))
          .hasValueSatisfying(
              m ->
                  assertThat(new String(m.getPayloadAsBytes(), StandardCharsets.UTF_8))
                      .isEqualTo("mode=night"));
    } finally {
      device.disconnect();
    }

    iotData.publish(b -> b.topic("lights/lamp-9/config").qos(1).retain(true));
    assertThatThrownBy(() -> iotData.getRetainedMessage(b -> b.topic("lights/lamp-9/config")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void deleteConnection_closesTheDevice_andAnUnknownClientIsNotFound() {
    Mqtt3BlockingClient device = devices.v3(lamp);
    device.connect();
    iotData.deleteConnection(b -> b.clientId("lamp-9"));
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !device.getState().isConnected());
    assertThatThrownBy(() -> iotData.deleteConnection(b -> b.clientId("nobody-here")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void publish_withWildcardsOrBadQos_isRefused() {
    assertThatThrownBy(() -> iotData.publish(b -> b.topic("lights/+/commands").qos(0)))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> iotData.publish(b -> b.topic("lamps").qos(2)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("qos");
  }

  @Test
  void publishPath_signedForIot_isNotAnIotDataOperation() {
    HttpResponse<String> response = new RawApi(server.endpoint()).send("POST", "/topics/lamps", "");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("x-amzn-ErrorType"))
        .hasValue("UnknownOperationException");
  }
}
