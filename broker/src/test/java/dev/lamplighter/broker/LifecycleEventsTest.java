package dev.lamplighter.broker;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import dev.lamplighter.broker.extension.Authentication;
import dev.lamplighter.broker.extension.ClientInfo;
import dev.lamplighter.broker.extension.ConnectionAuthority;
import dev.lamplighter.broker.extension.ProtocolVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the embedder's lifecycle listener is told, with real clients. */
class LifecycleEventsTest {
  private final TestBroker broker =
      TestBroker.plain(
          request ->
              Authentication.accepted(
                  "account-1", "cert-" + request.clientId(), ConnectionAuthority.allowAll()));

  @AfterEach
  void stop() {
    broker.close();
  }

  @Test
  void connected_describesTheConnection() {
    Mqtt5BlockingClient client = broker.v5("lamp-1");
    client.connect();
    broker.awaitEvent("connected lamp-1");

    ClientInfo info = broker.connectedClients.get(0);
    assertThat(info.namespace()).isEqualTo("account-1");
    assertThat(info.principal()).isEqualTo("cert-lamp-1");
    assertThat(info.ipAddress()).isEqualTo("127.0.0.1");
    assertThat(info.protocolVersion()).isEqualTo(ProtocolVersion.MQTT_5);
    assertThat(info.connectedAtMillis()).isPositive();
    assertThat(info.version()).isEqualTo(1);
  }

  @Test
  void eachConnection_getsItsOwnSessionId() {
    Mqtt3BlockingClient first = broker.v3("lamp-1");
    first.connect();
    Mqtt3BlockingClient second = broker.v3("lamp-2");
    second.connect();
    broker.awaitEvent("connected lamp-2");

    assertThat(broker.connectedClients)
        .extracting(ClientInfo::sessionId)
        .doesNotHaveDuplicates()
        .hasSize(2);
  }

  @Test
  void subscribed_listsOnlyTheGrantedFiltersInRequestOrder() {
    Mqtt3BlockingClient client = broker.v3("lamp-1");
    client.connect();

    // The middle filter has eight slashes, over AWS IoT's seven: refused, so not reported.
    client
        .toAsync()
        .subscribeWith()
        .addSubscription()
        .topicFilter("lamps/+/state")
        .qos(MqttQos.AT_LEAST_ONCE)
        .applySubscription()
        .addSubscription()
        .topicFilter("a/b/c/d/e/f/g/h/too-deep")
        .qos(MqttQos.AT_LEAST_ONCE)
        .applySubscription()
        .addSubscription()
        .topicFilter("status")
        .qos(MqttQos.AT_MOST_ONCE)
        .applySubscription()
        .send();

    broker.awaitEvent("subscribed lamp-1 [lamps/+/state, status]");
  }

  @Test
  void unsubscribed_listsOnlyTheFiltersThatExisted() {
    Mqtt5BlockingClient client = broker.v5("lamp-1");
    client.connect();
    client.subscribeWith().topicFilter("lamps/#").qos(MqttQos.AT_LEAST_ONCE).send();

    client.unsubscribeWith().addTopicFilter("lamps/#").addTopicFilter("never/subscribed").send();

    broker.awaitEvent("unsubscribed lamp-1 [lamps/#]");
  }

  @Test
  void takeover_countsTheClientIdsConnections() {
    Mqtt3BlockingClient first = broker.v3("lamp-1");
    first.connect();
    Mqtt3BlockingClient second = broker.v3("lamp-1");
    second.connect();
    broker.awaitEvent("disconnected lamp-1 DUPLICATE_CLIENTID");

    assertThat(broker.connectedClients).extracting(ClientInfo::version).containsExactly(1L, 2L);
  }
}
