package dev.lamplighter.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.lamplighter.broker.extension.Message;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server's answers to one client: nobody else sees them, as AWS IoT's request replies. */
class DirectRepliesTest {
  private final TestBroker broker = TestBroker.plain();

  @AfterEach
  void stop() {
    broker.close();
  }

  private static Message reply(String topic, int qos) {
    return Message.of(topic, "{}".getBytes(StandardCharsets.UTF_8), qos, false);
  }

  @Test
  void aReply_reachesTheRequesterThroughItsSubscription_andNoOtherSubscriber() throws Exception {
    Mqtt5BlockingClient lamp = broker.v5("lamp-1");
    lamp.connect();
    Mqtt5BlockingClient watcher = broker.v5("watcher");
    watcher.connect();
    try (Mqtt5BlockingClient.Mqtt5Publishes lampGets = lamp.publishes(MqttGlobalPublishFilter.ALL);
        Mqtt5BlockingClient.Mqtt5Publishes watcherGets =
            watcher.publishes(MqttGlobalPublishFilter.ALL)) {
      lamp.subscribeWith()
          .topicFilter("$aws/things/lamp-1/jobs/get/+")
          .qos(MqttQos.AT_LEAST_ONCE)
          .send();
      watcher.subscribeWith().topicFilter("$aws/things/#").qos(MqttQos.AT_LEAST_ONCE).send();

      broker.broker.publishTo(
          TestBroker.NAMESPACE, "lamp-1", reply("$aws/things/lamp-1/jobs/get/accepted", 1));

      Mqtt5Publish received = lampGets.receive(5, TimeUnit.SECONDS).orElseThrow();
      assertThat(received.getTopic().toString()).isEqualTo("$aws/things/lamp-1/jobs/get/accepted");
      assertThat(received.getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
      assertThat(watcherGets.receive(300, TimeUnit.MILLISECONDS)).isEmpty();
    }
  }

  @Test
  void aRequesterWithoutASubscription_getsTheReplyAtQos0() throws Exception {
    Mqtt5BlockingClient lamp = broker.v5("lamp-1");
    lamp.connect();
    try (Mqtt5BlockingClient.Mqtt5Publishes lampGets =
        lamp.publishes(MqttGlobalPublishFilter.ALL)) {
      broker.broker.publishTo(
          TestBroker.NAMESPACE, "lamp-1", reply("$aws/things/lamp-1/jobs/$next/get/accepted", 1));

      Optional<Mqtt5Publish> received = lampGets.receive(5, TimeUnit.SECONDS);
      assertThat(received).isPresent();
      assertThat(received.get().getQos()).isEqualTo(MqttQos.AT_MOST_ONCE);
    }
  }

  @Test
  void hasSubscribers_tellsWhetherAnySessionWouldGetATopic() {
    Mqtt5BlockingClient lamp = broker.v5("lamp-1");
    lamp.connect();
    lamp.subscribeWith().topicFilter("$aws/things/lamp-1/jobs/notify-next").send();

    assertThat(
            broker.broker.hasSubscribers(
                TestBroker.NAMESPACE, "$aws/things/lamp-1/jobs/notify-next"))
        .isTrue();
    assertThat(
            broker.broker.hasSubscribers(
                TestBroker.NAMESPACE, "$aws/things/lamp-2/jobs/notify-next"))
        .isFalse();
    assertThat(broker.broker.hasSubscribers("other", "$aws/things/lamp-1/jobs/notify-next"))
        .isFalse();
  }
}
