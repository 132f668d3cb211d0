package dev.lamplighter.broker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.broker.extension.Message;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A subscriber that stops reading cannot make the broker hold an unbounded backlog: once its socket
 * is full, QoS 0 messages for it are dropped, and the broker keeps serving others.
 */
class SlowConsumerTest {
  private static final int MESSAGES = 2000;
  private static final byte[] PAYLOAD = new byte[64 * 1024];

  private final TestBroker broker = TestBroker.plain();

  @AfterEach
  void stop() {
    broker.close();
  }

  @Test
  void subscriberThatStopsReading_losesQos0Messages_insteadOfGrowingTheBrokersMemory()
      throws Exception {
    try (Socket stalled = new Socket("127.0.0.1", broker.port())) {
      OutputStream out = stalled.getOutputStream();
      out.write(
          encode(
              MqttMessageBuilders.connect()
                  .protocolVersion(MqttVersion.MQTT_3_1_1)
                  .clientId("stalled")
                  .cleanSession(true)
                  .keepAlive(60)
                  .build()));
      out.write(
          encode(
              MqttMessageBuilders.subscribe()
                  .messageId(1)
                  .addSubscription(MqttQoS.AT_MOST_ONCE, "telemetry/#")
                  .build()));
      out.flush();
      org.awaitility.Awaitility.await()
          .until(() -> broker.events.contains("subscribed stalled [telemetry/#]"));

      // 128 MiB for a subscriber that reads nothing meanwhile.
      for (int i = 0; i < MESSAGES; i++) {
        broker.broker.publish("test", Message.of("telemetry/1", PAYLOAD, 0, false));
      }
      // Another client is still served while the stalled one's messages pile up.
      try (RawMqttClient other = RawMqttClient.connect(broker.port())) {
        assertThat(
                other.connect(
                    MqttMessageBuilders.connect()
                        .protocolVersion(MqttVersion.MQTT_3_1_1)
                        .clientId("other")
                        .cleanSession(true)
                        .keepAlive(60)
                        .build()))
            .isNotNull();
      }

      int received = countPublishes(stalled.getInputStream(), stalled);
      assertThat(received).isPositive().isLessThan(MESSAGES);
    }
  }

  private static byte[] encode(MqttMessage packet) {
    EmbeddedChannel encoder = new EmbeddedChannel(MqttEncoder.INSTANCE);
    encoder.writeOutbound(packet);
    ByteBuf bytes = Unpooled.buffer();
    for (ByteBuf part = encoder.readOutbound(); part != null; part = encoder.readOutbound()) {
      bytes.writeBytes(part);
      part.release();
    }
    byte[] array = new byte[bytes.readableBytes()];
    bytes.readBytes(array);
    return array;
  }

  /** Reads until the broker has sent nothing for a second; counts the PUBLISH packets. */
  private static int countPublishes(InputStream in, Socket socket) throws IOException {
    socket.setSoTimeout(1000);
    EmbeddedChannel decoder = new EmbeddedChannel(new MqttDecoder(1024 * 1024));
    byte[] buffer = new byte[256 * 1024];
    int publishes = 0;
    while (true) {
      int read;
      try {
        read = in.read(buffer);
      } catch (SocketTimeoutException e) {
        break;
      }
      if (read < 0) {
        break;
      }
      decoder.writeInbound(Unpooled.copiedBuffer(buffer, 0, read));
      for (Object packet = decoder.readInbound(); packet != null; packet = decoder.readInbound()) {
        if (((MqttMessage) packet).fixedHeader().messageType() == MqttMessageType.PUBLISH) {
          publishes++;
        }
        ReferenceCountUtil.release(packet);
      }
    }
    decoder.finishAndReleaseAll();
    return publishes;
  }
}
