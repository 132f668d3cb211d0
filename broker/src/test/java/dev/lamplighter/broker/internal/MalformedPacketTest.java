package dev.lamplighter.broker.internal;

import static dev.lamplighter.broker.internal.MqttConnectionHandlerTest.connackCode;
import static dev.lamplighter.broker.internal.MqttConnectionHandlerTest.disconnectCode;
import static dev.lamplighter.broker.internal.MqttConnectionHandlerTest.encoded;
import static dev.lamplighter.broker.internal.MqttConnectionHandlerTest.subackCodes;
import static io.netty.handler.codec.mqtt.MqttVersion.MQTT_3_1_1;
import static io.netty.handler.codec.mqtt.MqttVersion.MQTT_5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.broker.BrokerSettings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bytes a well-behaved client would never send, fed through the broker's decoder: each ends the
 * connection (with the MQTT 5 reason code where one is due) and none throws through the pipeline or
 * leaves a buffer behind.
 */
class MalformedPacketTest {
  private final EmbeddedConnection connection = EmbeddedConnection.open();

  @AfterEach
  void closeChannels() {
    connection.close();
  }

  @Test
  void remainingLength_overFourBytes_closesConnection() {
    connection.connect(MQTT_5, "lamp-1");
    ByteBuf input = bytes(0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x00);

    connection.sendRaw(input);

    assertThat(disconnectCode(connection.receive())).isEqualTo(0x81);
    assertThat(connection.isOpen()).isFalse();
    assertThat(input.refCnt()).isZero();
  }

  @Test
  void remainingLength_overFourBytes_beforeConnect_closesWithoutAnswer() {
    connection.sendRaw(bytes(0x10, 0x80, 0x80, 0x80, 0x80, 0x01));

    assertThat(connection.receiveAll()).isEmpty();
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void packet_overMaxPacketSize_onMqtt5_sendsDisconnect0x95() {
    connection.connect(MQTT_5, "lamp-1");
    int tooLong = BrokerSettings.awsDefaults(0).maxPacketBytes() + 1;
    // Only the fixed header and the start of the variable header: the size alone must refuse it.
    ByteBuf input = Unpooled.buffer();
    input.writeByte(0x30);
    writeRemainingLength(input, tooLong);
    input.writeShort(1).writeByte('a').writeByte(0);

    connection.sendRaw(input);

    assertThat(disconnectCode(connection.receive())).isEqualTo(0x95);
    assertThat(connection.isOpen()).isFalse();
    assertThat(input.refCnt()).isZero();
  }

  @Test
  void packet_overMaxPacketSize_onMqtt311_closesConnection() {
    connection.connect(MQTT_3_1_1, "lamp-1");
    ByteBuf input = Unpooled.buffer();
    input.writeByte(0x30);
    writeRemainingLength(input, BrokerSettings.awsDefaults(0).maxPacketBytes() + 1);
    input.writeShort(1).writeByte('a');

    connection.sendRaw(input);

    assertThat(connection.receiveAll()).isEmpty();
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void payload_over128KiB_onMqtt5_sendsDisconnect0x95() {
    connection.connect(MQTT_5, "lamp-1");
    byte[] payload = new byte[128 * 1024 + 1];

    connection.send(
        MqttMessageBuilders.publish()
            .topicName("lamps/1")
            .qos(MqttQoS.AT_MOST_ONCE)
            .payload(Unpooled.wrappedBuffer(payload))
            .build());

    assertThat(disconnectCode(connection.receive())).isEqualTo(0x95);
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void truncatedConnect_whoseClientIdRunsPastThePacket_closesWithoutConnack() {
    // CONNECT: remaining length 14 covers the variable header and a client id length of 10,
    // but only 2 bytes of the id follow before the packet ends.
    ByteBuf input =
        bytes(
            0x10, 0x0E, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x3C, 0x00, 0x0A, 'a',
            'b');

    connection.sendRaw(input);
    connection.server.close();

    assertThat(connection.receiveAll()).isEmpty();
    assertThat(connection.isOpen()).isFalse();
    assertThat(connection.lastRequest.get()).isNull();
  }

  @Test
  void truncatedConnect_followedByOtherPackets_closesWithoutConnack() {
    // The client id's declared length reaches into the PINGREQs after the CONNECT.
    ByteBuf input =
        bytes(
            0x10, 0x0E, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x3C, 0x00, 0x0A, 'a',
            'b', 0xC0, 0x00, 0xC0, 0x00, 0xC0, 0x00, 0xC0, 0x00);

    connection.sendRaw(input);

    assertThat(connection.receiveAll()).isEmpty();
    assertThat(connection.isOpen()).isFalse();
    assertThat(input.refCnt()).isZero();
  }

  @Test
  void connect_withReservedFlagSet_closesWithoutConnack() {
    ByteBuf input =
        bytes(
            0x10, 0x0E, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x03, 0x00, 0x3C, 0x00, 0x02, 'i',
            'd');

    connection.sendRaw(input);

    assertThat(connection.receiveAll()).isEmpty();
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void subscribe_withReservedFixedHeaderBitsCleared_onMqtt5_sendsDisconnect0x81() {
    connection.connect(MQTT_5, "lamp-1");
    // SUBSCRIBE must carry flags 0b0010; these bytes carry 0b0000.
    ByteBuf input = bytes(0x80, 0x09, 0x00, 0x01, 0x00, 0x00, 0x03, 'a', '/', 'b', 0x01);

    connection.sendRaw(input);

    assertThat(disconnectCode(connection.receive())).isEqualTo(0x81);
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void publish_withBothQosBitsSet_closesConnection() {
    connection.connect(MQTT_3_1_1, "lamp-1");

    connection.sendRaw(bytes(0x36, 0x07, 0x00, 0x03, 'a', '/', 'b', 0x00, 0x01));

    assertThat(connection.receiveAll()).isEmpty();
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void publish_withInvalidUtf8InTopic_closesConnection() {
    connection.connect(MQTT_3_1_1, "lamp-1");
    ByteBuf input = bytes(0x30, 0x06, 0x00, 0x04, 'a', '/', 0xC3, 0x28);

    connection.sendRaw(input);

    assertThat(connection.receiveAll()).isEmpty();
    assertThat(connection.isOpen()).isFalse();
    assertThat(input.refCnt()).isZero();
  }

  @Test
  void publish_withInvalidUtf8InTopic_onMqtt5_sendsDisconnect0x90() {
    connection.connect(MQTT_5, "lamp-1");

    connection.sendRaw(bytes(0x30, 0x07, 0x00, 0x04, 'a', '/', 0xC3, 0x28, 0x00));

    assertThat(disconnectCode(connection.receive())).isEqualTo(0x90);
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void subscribe_withInvalidUtf8InFilter_isRefusedWhileTheConnectionStays() {
    connection.connect(MQTT_3_1_1, "lamp-1");

    connection.sendRaw(bytes(0x82, 0x09, 0x00, 0x01, 0x00, 0x04, 'a', '/', 0xC3, 0x28, 0x01));

    assertThat(subackCodes(connection.receive())).containsExactly(0x80);
    assertThat(connection.isOpen()).isTrue();
  }

  @Test
  void clientId_withInvalidUtf8_isRefusedWith0x02() {
    connection.sendRaw(
        bytes(
            0x10, 0x0E, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x3C, 0x00, 0x02, 0xC3,
            0x28));

    assertThat(connackCode(connection.receive())).isEqualTo(0x02);
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void auth_onMqtt5_isUnsupportedAndCloses() {
    connection.connect(MQTT_5, "lamp-1");
    MqttMessage auth =
        new MqttMessage(
            new MqttFixedHeader(MqttMessageType.AUTH, false, MqttQoS.AT_MOST_ONCE, false, 0),
            new MqttReasonCodeAndPropertiesVariableHeader(
                (byte) 0x18, MqttProperties.NO_PROPERTIES));

    connection.sendRaw(encoded(MQTT_5, auth));

    assertThat(disconnectCode(connection.receive())).isEqualTo(0x82);
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void auth_onMqtt311_closesConnection() {
    connection.connect(MQTT_3_1_1, "lamp-1");

    connection.sendRaw(bytes(0xF0, 0x00));

    assertThat(connection.receiveAll()).isEmpty();
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void garbageAfterMalformedPacket_isDiscarded() {
    connection.connect(MQTT_3_1_1, "lamp-1");
    connection.sendRaw(bytes(0x36, 0x00));
    ByteBuf more = Unpooled.copiedBuffer("GET / HTTP/1.1\r\n", StandardCharsets.US_ASCII);

    connection.sendRaw(more);

    assertThat(connection.isOpen()).isFalse();
    assertThat(more.refCnt()).isZero();
  }

  private static ByteBuf bytes(int... values) {
    ByteBuf buffer = Unpooled.buffer(values.length);
    for (int value : values) {
      buffer.writeByte(value);
    }
    return buffer;
  }

  private static void writeRemainingLength(ByteBuf buffer, int length) {
    int remaining = length;
    do {
      int digit = remaining % 128;
      remaining /= 128;
      if (remaining > 0) {
        digit |= 0x80;
      }
      buffer.writeByte(digit);
    } while (remaining > 0);
  }
}
