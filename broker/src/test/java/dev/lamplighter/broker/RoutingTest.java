package dev.lamplighter.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.lamplighter.broker.extension.Message;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which subscribers get a message, with real clients over TCP. */
class RoutingTest {
  private final TestBroker broker = TestBroker.plain();

  @AfterEach
  void stop() {
    broker.close();
  }

  @Test
  void singleLevelWildcard_matchesExactlyOneLevel() throws Exception {
    List<String> topics =
        receivedTopics(
            "lamps/+/state", "lamps/1/state", "lamps/1/2/state", "lamps/state", "lamps//state");

    assertThat(topics).containsExactly("lamps/1/state", "lamps//state");
  }

  @Test
  void multiLevelWildcard_matchesTheParentAndEveryLevelBelow() throws Exception {
    List<String> topics =
        receivedTopics("lamps/#", "lamps", "lamps/1", "lamps/1/state", "lampsx/1", "other/lamps");

    assertThat(topics).containsExactly("lamps", "lamps/1", "lamps/1/state");
  }

  @Test
  void leadingWildcards_doNotMatchDollarTopics() throws Exception {
    Mqtt5BlockingClient subscriber = connected5("watcher");
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      subscriber.subscribeWith().topicFilter("#").qos(MqttQos.AT_LEAST_ONCE).send();
      subscriber.subscribeWith().topicFilter("+/things/#").qos(MqttQos.AT_LEAST_ONCE).send();
      Mqtt3BlockingClient publisher = connected3("publisher");

      publish(publisher, "$aws/things/lamp/shadow/update");
      publish(publisher, "$sys/uptime");
      publish(publisher, "plain/things/lamp");

      Optional<Mqtt5Publish> first = publishes.receive(5, TimeUnit.SECONDS);
      assertThat(first).isPresent();
      // Published last by the same client: anything matched before it would have come first.
      assertThat(first.get().getTopic().toString()).isEqualTo("plain/things/lamp");
    }
  }

  @Test
  void dollarTopics_areMatchedByFiltersThatNameTheirFirstLevel() throws Exception {
    List<String> topics = receivedTopics("$aws/things/+/shadow/#", "$aws/things/lamp/shadow/get");

    assertThat(topics).containsExactly("$aws/things/lamp/shadow/get");
  }

  @Test
  void sharedSubscription_deliversEachMessageToOneMemberInTurn() throws Exception {
    List<String> first = new CopyOnWriteArrayList<>();
    List<String> second = new CopyOnWriteArrayList<>();
    List<String> plain = new CopyOnWriteArrayList<>();
    sharedMember("worker-1", first);
    sharedMember("worker-2", second);
    Mqtt5BlockingClient observer = connected5("observer");
    observer.toAsync().publishes(MqttGlobalPublishFilter.ALL, p -> plain.add(payload(p)));
    observer.subscribeWith().topicFilter("jobs/+").qos(MqttQos.AT_LEAST_ONCE).send();
    Mqtt3BlockingClient publisher = connected3("dispatcher");

    for (int i = 0; i < 10; i++) {
      publisher
          .publishWith()
          .topic("jobs/" + i)
          .payload(("job-" + i).getBytes(StandardCharsets.UTF_8))
          .qos(MqttQos.AT_LEAST_ONCE)
          .send();
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> first.size() + second.size() == 10);
    await().atMost(Duration.ofSeconds(5)).until(() -> plain.size() == 10);
    assertThat(first).hasSize(5).doesNotContainAnyElementsOf(second);
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    assertThat(all).containsExactlyInAnyOrderElementsOf(plain);
  }

  @Test
  void serverPublish_reachesMatchingSubscribers() throws Exception {
    Mqtt5BlockingClient subscriber = connected5("lamp-sub");
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      subscriber.subscribeWith().topicFilter("commands/#").qos(MqttQos.AT_LEAST_ONCE).send();

      broker.broker.publish(
          TestBroker.NAMESPACE,
          Message.of("commands/lamp-1", "off".getBytes(StandardCharsets.UTF_8), 1, false));

      Optional<Mqtt5Publish> received = publishes.receive(5, TimeUnit.SECONDS);
      assertThat(received).isPresent();
      assertThat(received.get().getTopic().toString()).isEqualTo("commands/lamp-1");
      assertThat(payload(received.get())).isEqualTo("off");
      assertThat(received.get().getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
    }
  }

  @Test
  void serverPublish_inAnotherNamespace_isNotDelivered() throws Exception {
    Mqtt5BlockingClient subscriber = connected5("lamp-sub");
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      subscriber.subscribeWith().topicFilter("commands/#").qos(MqttQos.AT_LEAST_ONCE).send();

      broker.broker.publish(
          "other-account", Message.of("commands/lamp-1", new byte[] {1}, 1, false));
      broker.broker.publish(
          TestBroker.NAMESPACE, Message.of("commands/marker", new byte[] {2}, 1, false));

      Optional<Mqtt5Publish> received = publishes.receive(5, TimeUnit.SECONDS);
      assertThat(received).isPresent();
      assertThat(received.get().getTopic().toString()).isEqualTo("commands/marker");
    }
  }

  @Test
  void serverPublish_onATopicWithWildcards_isRejected() {
    assertThatThrownBy(
            () ->
                broker.broker.publish(
                    TestBroker.NAMESPACE, Message.of("commands/+", new byte[] {1}, 0, false)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sharedSubscription_afterOneMemberLeaves_deliversEverythingToTheOthers() {
    List<String> staying = new CopyOnWriteArrayList<>();
    List<String> leaving = new CopyOnWriteArrayList<>();
    sharedMember("worker-1", staying);
    Mqtt5BlockingClient leaver = sharedMember("worker-2", leaving);
    leaver.disconnect();
    broker.awaitEvent("disconnected worker-2 CLIENT_INITIATED_DISCONNECT");

    for (int i = 0; i < 6; i++) {
      broker.broker.publish(
          TestBroker.NAMESPACE,
          Message.of("jobs/" + i, ("job-" + i).getBytes(StandardCharsets.UTF_8), 1, false));
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> staying.size() == 6);
    assertThat(leaving).isEmpty();
  }

  @Test
  void sharedSubscription_getsNoRetainedMessages() throws Exception {
    broker.broker.publish(
        TestBroker.NAMESPACE,
        Message.of("jobs/old", "retained".getBytes(StandardCharsets.UTF_8), 1, true));
    List<String> member = new CopyOnWriteArrayList<>();
    sharedMember("worker-1", member);

    broker.broker.publish(
        TestBroker.NAMESPACE,
        Message.of("jobs/new", "live".getBytes(StandardCharsets.UTF_8), 1, false));

    await().atMost(Duration.ofSeconds(5)).until(() -> !member.isEmpty());
    assertThat(member).containsExactly("live");
  }

  @Test
  void subscriptionGrantedAtQos0_downgradesQos1Messages() throws Exception {
    Mqtt5BlockingClient subscriber = connected5("lamp-sub");
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      subscriber.subscribeWith().topicFilter("lamps/#").qos(MqttQos.AT_MOST_ONCE).send();

      publish(connected3("lamp-1"), "lamps/1");

      Optional<Mqtt5Publish> received = publishes.receive(5, TimeUnit.SECONDS);
      assertThat(received).isPresent();
      assertThat(received.get().getQos()).isEqualTo(MqttQos.AT_MOST_ONCE);
    }
  }

  private Mqtt5BlockingClient sharedMember(String clientId, List<String> received) {
    Mqtt5BlockingClient member = connected5(clientId);
    member.toAsync().publishes(MqttGlobalPublishFilter.ALL, p -> received.add(payload(p)));
    member.subscribeWith().topicFilter("$share/workers/jobs/+").qos(MqttQos.AT_LEAST_ONCE).send();
    return member;
  }

  /**
   * Subscribes to {@code filter}, publishes once on each topic followed by a marker message, and
   * returns the topics received before the marker.
   */
  private List<String> receivedTopics(String filter, String... topics) throws Exception {
    Mqtt5BlockingClient subscriber = connected5("subscriber");
    List<String> received = new ArrayList<>();
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      subscriber.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
      subscriber.subscribeWith().topicFilter("marker").qos(MqttQos.AT_LEAST_ONCE).send();
      Mqtt3BlockingClient publisher = connected3("publisher");
      for (String topic : topics) {
        publish(publisher, topic);
      }
      publish(publisher, "marker");
      for (Optional<Mqtt5Publish> next = publishes.receive(5, TimeUnit.SECONDS);
          next.isPresent() && !next.get().getTopic().toString().equals("marker");
          next = publishes.receive(5, TimeUnit.SECONDS)) {
        received.add(next.get().getTopic().toString());
      }
    }
    return received;
  }

  private static void publish(Mqtt3BlockingClient publisher, String topic) {
    publisher
        .publishWith()
        .topic(topic)
        .payload(topic.getBytes(StandardCharsets.UTF_8))
        .qos(MqttQos.AT_LEAST_ONCE)
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

  static String payload(Mqtt5Publish publish) {
    return new String(publish.getPayloadAsBytes(), StandardCharsets.UTF_8);
  }
}
