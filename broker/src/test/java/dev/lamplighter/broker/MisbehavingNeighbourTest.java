package dev.lamplighter.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One connection's garbage ends that connection and nobody else's. */
class MisbehavingNeighbourTest {
  private final TestBroker broker = TestBroker.plain();

  @AfterEach
  void stop() {
    broker.close();
  }

  @Test
  void garbageFromOneSocket_doesNotDisturbAnotherClientsMessages() {
    Mqtt5BlockingClient good = broker.v5("good");
    good.connect();
    List<String> received = new CopyOnWriteArrayList<>();
    good.toAsync()
        .publishes(
            MqttGlobalPublishFilter.ALL,
            p -> received.add(new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)));
    good.subscribeWith().topicFilter("flow/#").qos(MqttQos.AT_LEAST_ONCE).send();
    RawMqttClient beforeConnect = broker.raw();
    RawMqttClient afterConnect = broker.raw();
    afterConnect.connect(
        MqttMessageBuilders.connect()
            .protocolVersion(MqttVersion.MQTT_3_1_1)
            .clientId("bad")
            .cleanSession(true)
            .keepAlive(60)
            .build());

    for (int i = 0; i < 40; i++) {
      good.publishWith()
          .topic("flow/" + i)
          .payload(("m" + i).getBytes(StandardCharsets.UTF_8))
          .qos(MqttQos.AT_LEAST_ONCE)
          .send();
      if (i == 10) {
        beforeConnect.sendRaw(
            "GET / HTTP/1.1\r\nHost: broker\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      if (i == 20) {
        afterConnect.sendRaw(
            new byte[] {0x30, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1});
      }
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 40);
    assertThat(received).startsWith("m0", "m1").endsWith("m38", "m39").doesNotHaveDuplicates();
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !beforeConnect.isOpen() && !afterConnect.isOpen());
    assertThat(good.getState().isConnected()).isTrue();
    broker.awaitEvent("disconnected bad CLIENT_ERROR");
  }
}
