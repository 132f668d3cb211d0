package dev.lamplighter.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5PubAckException;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import dev.lamplighter.broker.extension.Authentication;
import dev.lamplighter.broker.extension.Authenticator;
import dev.lamplighter.broker.extension.ConnectionAuthority;
import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.broker.extension.PublishDisposition;
import dev.lamplighter.broker.extension.ReservedTopics;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Topics the embedder owns: messages on "$aws/things/…" go to the handler instead of subscribers,
 * and "$aws/events/…" may not be published by clients.
 */
class ReservedTopicsTest {
  private final List<Message> handled = new CopyOnWriteArrayList<>();
  private final TestBroker broker = TestBroker.plain(TestBroker.allowAll(), reservedTopics());

  @AfterEach
  void stop() {
    broker.close();
  }

  private ReservedTopics reservedTopics() {
    return (client, message) -> {
      if (message.topic().startsWith("$aws/events/")) {
        return PublishDisposition.REFUSED;
      }
      if (message.topic().startsWith("$aws/things/")) {
        handled.add(message);
        return PublishDisposition.CONSUMED;
      }
      return PublishDisposition.ROUTE;
    };
  }

  @Test
  void publishOnAHandledTopic_goesToTheHandlerAndNotToSubscribers() throws Exception {
    Mqtt5BlockingClient watcher = connected5("watcher");
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        watcher.publishes(MqttGlobalPublishFilter.ALL)) {
      watcher.subscribeWith().topicFilter("$aws/things/#").qos(MqttQos.AT_LEAST_ONCE).send();
      watcher.subscribeWith().topicFilter("marker").qos(MqttQos.AT_LEAST_ONCE).send();
      Mqtt5BlockingClient lamp = connected5("lamp");

      lamp.publishWith()
          .topic("$aws/things/lamp/shadow/update")
          .payload("{}".getBytes(StandardCharsets.UTF_8))
          .qos(MqttQos.AT_LEAST_ONCE)
          .send();
      lamp.publishWith().topic("marker").qos(MqttQos.AT_LEAST_ONCE).send();

      assertThat(handled)
          .extracting(Message::topic)
          .containsExactly("$aws/things/lamp/shadow/update");
      Mqtt5Publish first = publishes.receive(5, TimeUnit.SECONDS).orElseThrow();
      assertThat(first.getTopic().toString()).isEqualTo("marker");
    }
  }

  @Test
  void publishOnARefusedTopic_isTreatedAsUnauthorized() {
    Mqtt5BlockingClient v5 = connected5("lamp-5");
    assertThatThrownBy(
            () -> v5.publishWith().topic("$aws/events/presence").qos(MqttQos.AT_LEAST_ONCE).send())
        .isInstanceOfSatisfying(
            Mqtt5PubAckException.class,
            e ->
                assertThat(e.getMqttMessage().getReasonCode())
                    .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED));

    Mqtt3BlockingClient v3 = broker.v3("lamp-3");
    v3.connect();
    v3.toAsync().publishWith().topic("$aws/events/presence").qos(MqttQos.AT_LEAST_ONCE).send();
    broker.awaitEvent("disconnected lamp-3 FORBIDDEN_ACCESS");
  }

  @Test
  void publishOnAHandledTopic_withoutTheRightToPublish_isRefusedBeforeTheHandlerSeesIt() {
    Authenticator noPublishOnThings =
        request ->
            Authentication.accepted(
                TestBroker.NAMESPACE,
                "tester",
                new ConnectionAuthority() {
                  @Override
                  public boolean mayPublish(String topic) {
                    return !topic.startsWith("$aws/things/");
                  }

                  @Override
                  public boolean maySubscribe(String topicFilter) {
                    return true;
                  }

                  @Override
                  public boolean mayReceive(String topic) {
                    return true;
                  }
                });
    try (TestBroker guarded = TestBroker.plain(noPublishOnThings, reservedTopics())) {
      Mqtt5BlockingClient lamp = guarded.v5("lamp");
      lamp.connect();

      assertThatThrownBy(
              () ->
                  lamp.publishWith()
                      .topic("$aws/things/other-lamp/jobs/get")
                      .qos(MqttQos.AT_LEAST_ONCE)
                      .send())
          .isInstanceOfSatisfying(
              Mqtt5PubAckException.class,
              e ->
                  assertThat(e.getMqttMessage().getReasonCode())
                      .isEqualTo(Mqtt5PubAckReasonCode.NOT_AUTHORIZED));
      assertThat(handled).isEmpty();
    }
  }

  /** Guards a fixed bug: the handler got the will when the client connected, not when it left. */
  @Test
  void willOnAHandledTopic_reachesTheHandlerWhenTheConnectionDrops() {
    RawMqttClient lamp = broker.raw();
    lamp.connect(
        MqttMessageBuilders.connect()
            .protocolVersion(MqttVersion.MQTT_3_1_1)
            .clientId("lamp")
            .cleanSession(true)
            .keepAlive(60)
            .willFlag(true)
            .willQoS(MqttQoS.AT_LEAST_ONCE)
            .willTopic("$aws/things/lamp/shadow/update")
            .willMessage(
                "{\"state\":{\"reported\":{\"connected\":false}}}".getBytes(StandardCharsets.UTF_8))
            .build());
    broker.awaitEvent("connected lamp");
    assertThat(handled).isEmpty();

    lamp.kill();

    await().atMost(Duration.ofSeconds(5)).until(() -> handled.size() == 1);
    assertThat(handled.get(0).topic()).isEqualTo("$aws/things/lamp/shadow/update");
  }

  @Test
  void willOnARefusedTopic_isNotPublished() throws Exception {
    Mqtt5BlockingClient watcher = connected5("watcher");
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        watcher.publishes(MqttGlobalPublishFilter.ALL)) {
      watcher.subscribeWith().topicFilter("$aws/events/#").qos(MqttQos.AT_LEAST_ONCE).send();
      watcher.subscribeWith().topicFilter("marker").qos(MqttQos.AT_LEAST_ONCE).send();
      RawMqttClient lamp = broker.raw();
      lamp.connect(
          MqttMessageBuilders.connect()
              .protocolVersion(MqttVersion.MQTT_3_1_1)
              .clientId("lamp")
              .cleanSession(true)
              .keepAlive(60)
              .willFlag(true)
              .willQoS(MqttQoS.AT_LEAST_ONCE)
              .willTopic("$aws/events/presence/disconnected/lamp")
              .willMessage(new byte[] {1})
              .build());

      lamp.kill();
      broker.awaitEvent("disconnected lamp CONNECTION_LOST");
      broker.broker.publish(TestBroker.NAMESPACE, Message.of("marker", new byte[] {2}, 1, false));

      assertThat(publishes.receive(5, TimeUnit.SECONDS).orElseThrow().getTopic().toString())
          .isEqualTo("marker");
    }
  }

  private Mqtt5BlockingClient connected5(String clientId) {
    Mqtt5BlockingClient client = broker.v5(clientId);
    client.connect();
    return client;
  }
}
