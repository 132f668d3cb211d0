package dev.lamplighter.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5SubAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import dev.lamplighter.broker.extension.Authentication;
import dev.lamplighter.broker.extension.Authenticator;
import dev.lamplighter.broker.extension.ConnectRefusal;
import dev.lamplighter.broker.extension.ConnectionAuthority;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a connection's rights do to real clients: AWS IoT closes an MQTT 3.1.1 connection that
 * publishes where it may not, and answers MQTT 5 with PUBACK 0x87.
 */
class AuthorizationTest {
  private final TestBroker broker = TestBroker.plain(authenticator());

  @AfterEach
  void stop() {
    broker.close();
  }

  /**
   * Refuses client ids starting with "intruder"; nobody may publish or subscribe under "admin/",
   * and nobody receives "secret/".
   */
  private static Authenticator authenticator() {
    ConnectionAuthority rights =
        new ConnectionAuthority() {
          @Override
          public boolean mayPublish(String topic) {
            return !topic.startsWith("admin/");
          }

          @Override
          public boolean maySubscribe(String topicFilter) {
            return !topicFilter.startsWith("admin/");
          }

          @Override
          public boolean mayReceive(String topic) {
            return !topic.startsWith("secret/");
          }
        };
    return request ->
        request.clientId().startsWith("intruder")
            ? Authentication.refused(ConnectRefusal.NOT_AUTHORIZED, "unknown client")
            : Authentication.accepted(TestBroker.NAMESPACE, request.clientId(), rights);
  }

  @Test
  void unauthorizedPublish_onMqtt311_disconnectsTheClient() {
    Mqtt3BlockingClient client = broker.v3("lamp-1");
    client.connect();

    client
        .toAsync()
        .publishWith()
        .topic("admin/reboot")
        .payload("now".getBytes(StandardCharsets.UTF_8))
        .qos(MqttQos.AT_LEAST_ONCE)
        .send();

    broker.awaitEvent("disconnected lamp-1 FORBIDDEN_ACCESS");
    await().atMost(Duration.ofSeconds(5)).until(() -> !client.getState().isConnected());
  }

  @Test
  void unauthorizedPublish_onMqtt5_getsPuback0x87AndTheClientStaysConnected() {
    Mqtt5BlockingClient client = broker.v5("lamp-1");
    client.connect();

    assertThatThrownBy(
            () -> client.publishWith().topic("admin/reboot").qos(MqttQos.AT_LEAST_ONCE).send())
        .isInstanceOfSatisfying(
            Mqtt5PubAckException.class,
            e ->
                assertThat(e.getMqttMessage().getReasonCode())
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED));
    Mqtt5PublishResult allowed =
        client.publishWith().topic("lamps/1").qos(MqttQos.AT_LEAST_ONCE).send();
    assertThat(((Mqtt5PublishResult.Mqtt5Qos1Result) allowed).getPubAck().getReasonCode())
        .isEqualTo(Mqtt5PubAckReasonCode.SUCCESS);
    assertThat(client.getState().isConnected()).isTrue();
  }

  @Test
  void unauthorizedSubscribe_onMqtt5_isRefusedWith0x87() {
    Mqtt5BlockingClient client = broker.v5("lamp-1");
    client.connect();

    assertThatThrownBy(
            () ->
                client
                    .subscribeWith()
                    .addSubscription()
                    .topicFilter("admin/#")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .applySubscription()
                    .addSubscription()
                    .topicFilter("lamps/#")
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .applySubscription()
                    .send())
        .isInstanceOfSatisfying(
            Mqtt5SubAckException.class,
            e ->
                assertThat(e.getMqttMessage().getReasonCodes())
                    .containsExactly(
                        Mqtt5SubAckReasonCode.NOT_AUTHORIZED, Mqtt5SubAckReasonCode.GRANTED_QOS_1));
  }

  @Test
  void messagesTheClientMayNotReceive_areNotDelivered() throws Exception {
    Mqtt5BlockingClient subscriber = broker.v5("listener");
    subscriber.connect();
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      subscriber.subscribeWith().topicFilter("#").qos(MqttQos.AT_LEAST_ONCE).send();
      Mqtt5BlockingClient publisher = broker.v5("publisher");
      publisher.connect();

      publisher.publishWith().topic("secret/plans").qos(MqttQos.AT_LEAST_ONCE).send();
      publisher.publishWith().topic("public/news").qos(MqttQos.AT_LEAST_ONCE).send();

      Mqtt5Publish received = publishes.receive(5, TimeUnit.SECONDS).orElseThrow();
      assertThat(received.getTopic().toString()).isEqualTo("public/news");
    }
  }

  @Test
  void refusedConnection_onMqtt311_getsNotAuthorized() {
    Mqtt3BlockingClient client = broker.v3("intruder-1");

    assertThatThrownBy(client::connect)
        .isInstanceOfSatisfying(
            Mqtt3ConnAckException.class,
            e ->
                assertThat(e.getMqttMessage().getReturnCode())
                    .isEqualTo(Mqtt3ConnAckReturnCode.NOT_AUTHORIZED));
  }

  @Test
  void refusedConnection_onMqtt5_getsNotAuthorized() {
    Mqtt5BlockingClient client = broker.v5("intruder-1");

    assertThatThrownBy(client::connect)
        .isInstanceOfSatisfying(
            Mqtt5ConnAckException.class,
            e ->
                assertThat(e.getMqttMessage().getReasonCode())
                    .isEqualTo(Mqtt5ConnAckReasonCode.NOT_AUTHORIZED));
  }
}
