package dev.lamplighter.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.lamplighter.broker.extension.Message;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retained messages, as late subscribers and the embedder see them. */
class RetainedMessagesTest {
  private final TestBroker broker = TestBroker.plain();

  @AfterEach
  void stop() {
    broker.close();
  }

  @Test
  void retainedMessage_isDeliveredToALateSubscriberWithRetainSet() throws Exception {
    Mqtt3BlockingClient publisher = connected3("lamp-1");
    retain(publisher, "lamps/1/state", "on");
    awaitRetained("lamps/1/state", "on");

    Mqtt3BlockingClient subscriber = connected3("late");
    try (Mqtt3BlockingClient.Mqtt3Publishes publishes =
        subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      subscriber.subscribeWith().topicFilter("lamps/+/state").qos(MqttQos.AT_LEAST_ONCE).send();

      Optional<Mqtt3Publish> received = publishes.receive(5, TimeUnit.SECONDS);
      assertThat(received).isPresent();
      assertThat(received.get().getTopic().toString()).isEqualTo("lamps/1/state");
      assertThat(new String(received.get().getPayloadAsBytes(), StandardCharsets.UTF_8))
          .isEqualTo("on");
      assertThat(received.get().isRetain()).isTrue();
    }
  }

  @Test
  void liveDelivery_ofARetainedMessage_clearsTheRetainFlag() throws Exception {
    Mqtt3BlockingClient subscriber = connected3("early");
    try (Mqtt3BlockingClient.Mqtt3Publishes publishes =
        subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      subscriber.subscribeWith().topicFilter("lamps/#").qos(MqttQos.AT_LEAST_ONCE).send();

      retain(connected3("lamp-1"), "lamps/1/state", "on");

      Optional<Mqtt3Publish> received = publishes.receive(5, TimeUnit.SECONDS);
      assertThat(received).isPresent();
      assertThat(received.get().isRetain()).isFalse();
    }
  }

  @Test
  void retainedMessage_isReplacedByTheNextRetainedPublish() throws Exception {
    Mqtt3BlockingClient publisher = connected3("lamp-1");
    retain(publisher, "lamps/1/state", "on");
    retain(publisher, "lamps/1/state", "off");
    awaitRetained("lamps/1/state", "off");

    Mqtt5BlockingClient subscriber = connected5("late");
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      subscriber.subscribeWith().topicFilter("lamps/1/state").qos(MqttQos.AT_LEAST_ONCE).send();
      subscriber.subscribeWith().topicFilter("marker").qos(MqttQos.AT_LEAST_ONCE).send();
      publisher.publishWith().topic("marker").qos(MqttQos.AT_LEAST_ONCE).send();

      Optional<Mqtt5Publish> first = publishes.receive(5, TimeUnit.SECONDS);
      assertThat(first).isPresent();
      assertThat(RoutingTest.payload(first.get())).isEqualTo("off");
      Optional<Mqtt5Publish> second = publishes.receive(5, TimeUnit.SECONDS);
      assertThat(second).isPresent();
      assertThat(second.get().getTopic().toString()).isEqualTo("marker");
    }
  }

  @Test
  void retainedMessage_isDeletedByAnEmptyRetainedPublish() throws Exception {
    Mqtt3BlockingClient publisher = connected3("lamp-1");
    retain(publisher, "lamps/1/state", "on");
    retain(publisher, "lamps/2/state", "on");
    awaitRetained("lamps/2/state", "on");

    retain(publisher, "lamps/1/state", "");

    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> broker.broker.retainedMessage(TestBroker.NAMESPACE, "lamps/1/state").isEmpty());
    Mqtt5BlockingClient subscriber = connected5("late");
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      subscriber.subscribeWith().topicFilter("lamps/#").qos(MqttQos.AT_LEAST_ONCE).send();

      Optional<Mqtt5Publish> only = publishes.receive(5, TimeUnit.SECONDS);
      assertThat(only).isPresent();
      assertThat(only.get().getTopic().toString()).isEqualTo("lamps/2/state");
    }
  }

  @Test
  void retainedMessages_areListedInTopicOrder() {
    Mqtt3BlockingClient publisher = connected3("lamp-1");
    retain(publisher, "lamps/b", "2");
    retain(publisher, "lamps/a", "1");
    broker.broker.publish(
        TestBroker.NAMESPACE, Message.of("lamps/c", "3".getBytes(StandardCharsets.UTF_8), 0, true));

    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> broker.broker.retainedMessages(TestBroker.NAMESPACE).size() == 3);
    List<RetainedMessage> listed = broker.broker.retainedMessages(TestBroker.NAMESPACE);
    assertThat(listed)
        .extracting(r -> r.message().topic())
        .containsExactly("lamps/a", "lamps/b", "lamps/c");
    assertThat(listed).allSatisfy(r -> assertThat(r.message().retain()).isTrue());
    assertThat(listed.get(0).message().qos()).isEqualTo(1);
    assertThat(broker.broker.retainedMessages("other-account")).isEmpty();
  }

  private void awaitRetained(String topic, String payload) {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                broker
                    .broker
                    .retainedMessage(TestBroker.NAMESPACE, topic)
                    .map(r -> new String(r.message().payload(), StandardCharsets.UTF_8))
                    .filter(payload::equals)
                    .isPresent());
  }

  private static void retain(Mqtt3BlockingClient publisher, String topic, String payload) {
    publisher
        .publishWith()
        .topic(topic)
        .payload(payload.getBytes(StandardCharsets.UTF_8))
        .qos(MqttQos.AT_LEAST_ONCE)
        .retain(true)
        .send();
  }

  private Mqtt5BlockingClient connected5(String clientId) {
    Mqtt5BlockingClient client = broker.v5(clientId);
    client.connect();
    return client;
  }

  private Mqtt3BlockingClient connected3(String clientId) {
    Mqtt3BlockingClient client = broker.v3(clientId);
    client.connect();
    return client;
  }
}
