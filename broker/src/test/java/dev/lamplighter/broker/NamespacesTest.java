package dev.lamplighter.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import dev.lamplighter.broker.extension.Authentication;
import dev.lamplighter.broker.extension.ConnectionAuthority;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connections in different namespaces (here: one per user name) never meet. */
class NamespacesTest {
  private final TestBroker broker =
      TestBroker.plain(
          request ->
              Authentication.accepted(
                  request.username(), request.clientId(), ConnectionAuthority.allowAll()));

  @AfterEach
  void stop() {
    broker.close();
  }

  @Test
  void sameClientId_inTwoNamespaces_doesNotTakeOver() {
    Mqtt3BlockingClient first = connected("account-1", "lamp-1");
    Mqtt3BlockingClient second = connected("account-2", "lamp-1");
    // A round trip on the first connection after the second was accepted: it was not taken over.
    publish(first, "still-here");

    assertThat(broker.broker.isConnected("account-1", "lamp-1")).isTrue();
    assertThat(broker.broker.isConnected("account-2", "lamp-1")).isTrue();
    assertThat(first.getState().isConnected()).isTrue();
    assertThat(second.getState().isConnected()).isTrue();
    assertThat(broker.events).noneMatch(event -> event.contains("DUPLICATE_CLIENTID"));
  }

  @Test
  void messages_stayInTheirNamespace() throws Exception {
    Mqtt3BlockingClient subscriber = connected("account-1", "listener");
    try (Mqtt3BlockingClient.Mqtt3Publishes publishes =
        subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
      subscriber.subscribeWith().topicFilter("lamps/#").qos(MqttQos.AT_LEAST_ONCE).send();

      publish(connected("account-2", "stranger"), "from-account-2");
      publish(connected("account-1", "neighbour"), "from-account-1");

      Mqtt3Publish received = publishes.receive(5, TimeUnit.SECONDS).orElseThrow();
      assertThat(new String(received.getPayloadAsBytes(), StandardCharsets.UTF_8))
          .isEqualTo("from-account-1");
    }
  }

  private static void publish(Mqtt3BlockingClient client, String payload) {
    client
        .publishWith()
        .topic("lamps/1")
        .payload(payload.getBytes(StandardCharsets.UTF_8))
        .qos(MqttQos.AT_LEAST_ONCE)
        .send();
  }

  private Mqtt3BlockingClient connected(String username, String clientId) {
    Mqtt3BlockingClient client = broker.v3(clientId);
    client.connectWith().simpleAuth().username(username).applySimpleAuth().send();
    return client;
  }
}
