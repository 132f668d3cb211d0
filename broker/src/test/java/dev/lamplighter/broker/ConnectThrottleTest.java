package dev.lamplighter.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connect-rate limits over real sockets. The exact bucket arithmetic is ConnectRateLimiterTest's;
 * here a client id reconnects at once until refused (its burst is small, and it refills one token a
 * second, far slower than these reconnects).
 */
class ConnectThrottleTest {
  private static final int ATTEMPTS = 20;
  private TestBroker broker;

  @AfterEach
  void stop() {
    broker.close();
  }

  private Mqtt5BlockingClient v5(String clientId) {
    return Mqtt5Client.builder()
        .identifier(clientId)
        .serverHost("127.0.0.1")
        .serverPort(broker.port())
        .buildBlocking();
  }

  private Mqtt3BlockingClient v3(String clientId) {
    return Mqtt3Client.builder()
        .identifier(clientId)
        .serverHost("127.0.0.1")
        .serverPort(broker.port())
        .buildBlocking();
  }

  private long connectedEvents(String clientId) {
    return broker.events.stream().filter(e -> e.equals("connected " + clientId)).count();
  }

  /**
   * Waits until the listener was told of exactly {@code expected} connects of {@code clientId}: it
   * is told right after the CONNACK, so the last one may trail the client's view.
   */
  private void awaitConnectedEvents(String clientId, long expected) {
    await().atMost(Duration.ofSeconds(5)).until(() -> connectedEvents(clientId) == expected);
  }

  @Test
  void immediateReconnects_ofOneClientId_areRefusedWithRateExceeded_onMqtt5() {
    broker =
        TestBroker.plain(
            TestBroker.settings(Duration.ofSeconds(10), 500, 1), TestBroker.allowAll());
    int accepted = 0;
    Mqtt5ConnAckException refused = null;
    for (int i = 0; i < ATTEMPTS && refused == null; i++) {
      Mqtt5BlockingClient client = v5("lamp-1");
      try {
        client.connect();
        accepted++;
        client.disconnect();
      } catch (Mqtt5ConnAckException e) {
        refused = e;
      }
    }
    assertThat(refused).as("a refusal within %d immediate connects", ATTEMPTS).isNotNull();
    assertThat(refused.getMqttMessage().getReasonCode())
        .isEqualTo(Mqtt5ConnAckReasonCode.CONNECTION_RATE_EXCEEDED);
    assertThat(accepted).isGreaterThanOrEqualTo(1);
    // The refused connect was never reported connected.
    awaitConnectedEvents("lamp-1", accepted);
    // Another client id is not affected.
    Mqtt5BlockingClient other = v5("lamp-2");
    other.connect();
    other.disconnect();
    awaitConnectedEvents("lamp-2", 1);
  }

  @Test
  void immediateReconnects_ofOneClientId_areRefusedWithServerUnavailable_onMqtt311() {
    broker =
        TestBroker.plain(
            TestBroker.settings(Duration.ofSeconds(10), 500, 1), TestBroker.allowAll());
    int accepted = 0;
    Mqtt3ConnAckException refused = null;
    for (int i = 0; i < ATTEMPTS && refused == null; i++) {
      Mqtt3BlockingClient client = v3("lamp-3");
      try {
        client.connect();
        accepted++;
        client.disconnect();
      } catch (Mqtt3ConnAckException e) {
        refused = e;
      }
    }
    assertThat(refused).as("a refusal within %d immediate connects", ATTEMPTS).isNotNull();
    assertThat(refused.getMqttMessage().getReturnCode())
        .isEqualTo(Mqtt3ConnAckReturnCode.SERVER_UNAVAILABLE);
    awaitConnectedEvents("lamp-3", accepted);
  }

  @Test
  void connectsOverTheBrokersRate_areRefused_whateverTheClientId() {
    broker =
        TestBroker.plain(
            TestBroker.settings(Duration.ofSeconds(10), 2, 100), TestBroker.allowAll());
    int accepted = 0;
    Mqtt5ConnAckException refused = null;
    for (int i = 0; i < ATTEMPTS && refused == null; i++) {
      Mqtt5BlockingClient client = v5("device-" + i);
      try {
        client.connect();
        accepted++;
        client.disconnect();
      } catch (Mqtt5ConnAckException e) {
        refused = e;
      }
    }
    assertThat(refused).isNotNull();
    assertThat(refused.getMqttMessage().getReasonCode())
        .isEqualTo(Mqtt5ConnAckReasonCode.CONNECTION_RATE_EXCEEDED);
    assertThat(broker.events.stream().filter(e -> e.startsWith("connected ")).count())
        .isEqualTo(accepted);
  }
}
