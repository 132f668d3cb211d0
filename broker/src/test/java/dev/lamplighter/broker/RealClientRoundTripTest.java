package dev.lamplighter.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RealClientRoundTripTest {
  private final TestBroker broker = TestBroker.plain();

  @AfterEach
  void stop() {
    broker.close();
  }

  private Mqtt3BlockingClient v3(String clientId) {
    Mqtt3BlockingClient client =
        Mqtt3Client.builder()
            .identifier(clientId)
            .serverHost("127.0.0.1")
            .serverPort(broker.port())
            .buildBlocking();
    client.connect();
    return client;
  }

  private Mqtt5BlockingClient v5(String clientId) {
    Mqtt5BlockingClient client =
        Mqtt5Client.builder()
            .identifier(clientId)
            .serverHost("127.0.0.1")
            .serverPort(broker.port())
            .buildBlocking();
    client.connect();
    return client;
  }

  @Test
  void qos1Message_fromMqtt3Publisher_reachesMqtt5Subscriber() throws Exception {
    Mqtt5BlockingClient subscriber = v5("lamp-sub");
    try (Mqtt5BlockingClient.Mqtt5Publishes publishes =
        subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      subscriber.subscribeWith().topicFilter("lamps/+/state").qos(MqttQos.AT_LEAST_ONCE).send();
      Mqtt3BlockingClient publisher = v3("lamp-42");
      publisher
          .publishWith()
          .topic("lamps/lamp-42/state")
          .payload("on".getBytes(StandardCharsets.UTF_8))
          .qos(MqttQos.AT_LEAST_ONCE)
          .send();
      Optional<Mqtt5Publish> received = publishes.receive(5, TimeUnit.SECONDS);
      assertThat(received).isPresent();
      assertThat(received.get().getTopic().toString()).isEqualTo("lamps/lamp-42/state");
      assertThat(received.get().getPayloadAsBytes())
          .isEqualTo("on".getBytes(StandardCharsets.UTF_8));
      assertThat(received.get().getQos()).isEqualTo(MqttQos.AT_LEAST_ONCE);
      publisher.disconnect();
    }
    subscriber.disconnect();
  }
}
