package dev.lamplighter.broker.internal;

import static io.netty.handler.codec.mqtt.MqttVersion.MQTT_3_1_1;
import static io.netty.handler.codec.mqtt.MqttVersion.MQTT_5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.broker.extension.Authentication;
import dev.lamplighter.broker.extension.Authenticator;
import dev.lamplighter.broker.extension.ConnectRefusal;
import dev.lamplighter.broker.extension.ConnectionAuthority;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.ResourceLeakDetector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The connection state machine, one handler in an embedded channel with the real codec. */
class MqttConnectionHandlerTest {
  private static ResourceLeakDetector.Level previousLevel;
  private EmbeddedConnection connection = EmbeddedConnection.open();

  @BeforeAll
  static void paranoidLeakDetection() {
    previousLevel = ResourceLeakDetector.getLevel();
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
  }

  @AfterAll
  static void restoreLeakDetection() {
    ResourceLeakDetector.setLevel(previousLevel);
  }

  @AfterEach
  void closeChannels() {
    connection.close();
  }

  // CONNECT

  @Test
  void packetBeforeConnect_closesConnectionWithoutAnswer() {
    connection.send(pingreq());

    assertThat(connection.isOpen()).isFalse();
    assertThat(connection.receiveAll()).isEmpty();
  }

  @Test
  void connect_onMqtt311_isAcceptedWithoutSessionPresent() {
    MqttConnAckMessage connack = (MqttConnAckMessage) connection.connect(MQTT_3_1_1, "lamp-1");

    assertThat(connack.variableHeader().connectReturnCode().byteValue()).isEqualTo((byte) 0);
    assertThat(connack.variableHeader().isSessionPresent()).isFalse();
    assertThat(connection.isOpen()).isTrue();
  }

  @Test
  void secondConnect_closesConnection() {
    connection.connect(MQTT_3_1_1, "lamp-1");

    connection.send(EmbeddedConnection.connectPacket(MQTT_3_1_1, "lamp-1"));

    assertThat(connection.isOpen()).isFalse();
    assertThat(connection.receiveAll()).isEmpty();
  }

  @Test
  void secondConnect_onMqtt5_sendsProtocolErrorThenCloses() {
    connection.connect(MQTT_5, "lamp-1");

    connection.send(EmbeddedConnection.connectPacket(MQTT_5, "lamp-1"));

    assertThat(disconnectCode(connection.receive())).isEqualTo(0x82);
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void connect_withUnknownProtocolLevel_isRefusedWith0x01ThenClosed() {
    connection.sendRaw(connectBytes("MQTT", 6, "lamp-1"));

    assertThat(connackCode(connection.receive())).isEqualTo(0x01);
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void connect_withMqtt31_isRefusedWith0x01() {
    connection.sendRaw(connectBytes("MQIsdp", 3, "lamp-1"));

    assertThat(connackCode(connection.receive())).isEqualTo(0x01);
    assertThat(connection.isOpen()).isFalse();
    assertThat(connection.lastRequest.get()).isNull();
  }

  @Test
  void connect_withClientIdOver128Bytes_onMqtt311_isRefusedWith0x02() {
    MqttMessage connack = connection.connect(MQTT_3_1_1, "x".repeat(129));

    assertThat(connackCode(connack)).isEqualTo(0x02);
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void connect_withClientIdOver128Bytes_onMqtt5_isRefusedWith0x85() {
    MqttMessage connack = connection.connect(MQTT_5, "x".repeat(129));

    assertThat(connackCode(connack)).isEqualTo(0x85);
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void connect_withClientIdOf128Bytes_isAccepted() {
    assertThat(connackCode(connection.connect(MQTT_3_1_1, "x".repeat(128)))).isZero();
  }

  @Test
  void connect_refusedByAuthenticator_onMqtt311_gets0x05() {
    connection.close();
    connection = EmbeddedConnection.open(refuseAll());

    assertThat(connackCode(connection.connect(MQTT_3_1_1, "lamp-1"))).isEqualTo(0x05);
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void connect_refusedByAuthenticator_onMqtt5_gets0x87() {
    connection.close();
    connection = EmbeddedConnection.open(refuseAll());

    assertThat(connackCode(connection.connect(MQTT_5, "lamp-1"))).isEqualTo(0x87);
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void connect_whenAuthenticatorThrows_isRefusedAsServerUnavailable() {
    connection.close();
    connection =
        EmbeddedConnection.open(
            request -> {
              throw new IllegalStateException("registry down");
            });

    assertThat(connackCode(connection.connect(MQTT_3_1_1, "lamp-1"))).isEqualTo(0x03);
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void connect_withEmptyClientId_onMqtt5_getsAssignedIdentifier() {
    MqttConnAckMessage connack = (MqttConnAckMessage) connection.connect(MQTT_5, "");

    assertThat(connack.variableHeader().connectReturnCode().byteValue()).isZero();
    MqttProperties.MqttProperty<?> assigned =
        connack
            .variableHeader()
            .properties()
            .getProperty(MqttPropertyType.ASSIGNED_CLIENT_IDENTIFIER.value());
    assertThat(assigned).isNotNull();
    assertThat((String) assigned.value()).isNotEmpty();
    assertThat(connection.lastRequest.get().clientId()).isEqualTo(assigned.value());
  }

  @Test
  void connect_withEmptyClientIdAndCleanSession_onMqtt311_isAccepted() {
    assertThat(connackCode(connection.connect(MQTT_3_1_1, ""))).isZero();
    assertThat(connection.lastRequest.get().clientId()).isNotEmpty();
  }

  @Test
  void connect_withEmptyClientIdAndPersistentSession_onMqtt311_isRefusedWith0x02() {
    connection.send(
        MqttMessageBuilders.connect()
            .protocolVersion(MQTT_3_1_1)
            .clientId("")
            .cleanSession(false)
            .keepAlive(60)
            .build());

    assertThat(connackCode(connection.receive())).isEqualTo(0x02);
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void connect_onMqtt5_advertisesAwsLimitsInConnack() {
    MqttConnAckMessage connack = (MqttConnAckMessage) connection.connect(MQTT_5, "lamp-1");

    MqttProperties properties = connack.variableHeader().properties();
    assertThat(intProperty(properties, MqttPropertyType.MAXIMUM_QOS)).isEqualTo(1);
    assertThat(intProperty(properties, MqttPropertyType.RECEIVE_MAXIMUM)).isEqualTo(100);
    assertThat(intProperty(properties, MqttPropertyType.RETAIN_AVAILABLE)).isEqualTo(1);
    assertThat(intProperty(properties, MqttPropertyType.SHARED_SUBSCRIPTION_AVAILABLE))
        .isEqualTo(1);
    assertThat(intProperty(properties, MqttPropertyType.SERVER_KEEP_ALIVE)).isNull();
  }

  // Keep-alive

  @Test
  void keepAlive_belowThirtySeconds_isRaisedToThirty() {
    assertGrantedKeepAlive(5, 30);
  }

  @Test
  void keepAlive_aboveTwentyMinutes_isLoweredTo1200Seconds() {
    assertGrantedKeepAlive(5000, 1200);
  }

  @Test
  void keepAlive_ofZero_isGrantedAs1200Seconds() {
    assertGrantedKeepAlive(0, 1200);
  }

  @Test
  void keepAlive_withinRange_isGrantedAsAsked() {
    assertGrantedKeepAlive(60, 60);
  }

  private void assertGrantedKeepAlive(int requested, int granted) {
    connection.send(EmbeddedConnection.connectPacket(MQTT_5, "lamp-1", requested));
    MqttConnAckMessage connack = (MqttConnAckMessage) connection.receive();

    assertThat(connection.lastRequest.get().keepAliveSeconds()).isEqualTo(granted);
    assertThat(
            intProperty(connack.variableHeader().properties(), MqttPropertyType.SERVER_KEEP_ALIVE))
        .isEqualTo(requested == granted ? null : granted);
    IdleStateHandler idle = (IdleStateHandler) connection.server.pipeline().get(PipelineNames.IDLE);
    assertThat(idle.getReaderIdleTimeInMillis()).isEqualTo(granted * 1500L);
  }

  @Test
  void keepAliveTimeout_onMqtt5_sendsDisconnect0x8DThenCloses() {
    connection.connect(MQTT_5, "lamp-1");

    connection.server.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);

    assertThat(disconnectCode(connection.receive())).isEqualTo(0x8D);
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void keepAliveTimeout_onMqtt311_closesWithoutDisconnect() {
    connection.connect(MQTT_3_1_1, "lamp-1");

    connection.server.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);

    assertThat(connection.receiveAll()).isEmpty();
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void silence_forTheConnectTimeout_closesConnection() {
    connection.server.advanceTimeBy(9, TimeUnit.SECONDS);
    connection.server.runScheduledPendingTasks();
    assertThat(connection.isOpen()).isTrue();

    connection.server.advanceTimeBy(2, TimeUnit.SECONDS);
    connection.server.runScheduledPendingTasks();

    assertThat(connection.isOpen()).isFalse();
  }

  /**
   * Guards a fixed bug: the connect timeout restarted with every byte, so a client trickling a
   * CONNECT that never completes held its connection open indefinitely.
   */
  @Test
  void connectTricklingInSlowerThanTheConnectTimeout_closesConnection() {
    int[] partialConnect = {0x10, 0x7F, 0x00, 0x04, 'M', 'Q', 'T', 'T'};

    for (int i = 0; i < partialConnect.length && connection.isOpen(); i++) {
      connection.sendRaw(partialConnect[i]);
      connection.server.advanceTimeBy(3, TimeUnit.SECONDS);
      connection.server.runScheduledPendingTasks();
    }

    assertThat(connection.isOpen()).isFalse();
    assertThat(connection.receiveAll()).isEmpty();
  }

  @Test
  void keepAliveTimer_closesAnMqtt5ConnectionSilentForOneAndAHalfKeepAlives() {
    connection.connect(MQTT_5, "lamp-1");

    connection.server.advanceTimeBy(44, TimeUnit.SECONDS);
    connection.server.runScheduledPendingTasks();
    assertThat(connection.isOpen()).isTrue();
    connection.send(pingreq());
    assertThat(connection.receive().fixedHeader().messageType())
        .isEqualTo(MqttMessageType.PINGRESP);
    connection.server.advanceTimeBy(44, TimeUnit.SECONDS);
    connection.server.runScheduledPendingTasks();
    assertThat(connection.isOpen()).isTrue();

    connection.server.advanceTimeBy(91, TimeUnit.SECONDS);
    connection.server.runScheduledPendingTasks();

    assertThat(disconnectCode(connection.receive())).isEqualTo(0x8D);
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void noConnectBeforeConnectTimeout_closesConnection() {
    connection.server.pipeline().fireUserEventTriggered(IdleStateEvent.READER_IDLE_STATE_EVENT);

    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void pingreq_isAnsweredWithPingresp() {
    connection.connect(MQTT_3_1_1, "lamp-1");

    connection.send(pingreq());

    assertThat(connection.receive().fixedHeader().messageType())
        .isEqualTo(MqttMessageType.PINGRESP);
    assertThat(connection.isOpen()).isTrue();
  }

  // PUBLISH

  @Test
  void publish_withQos2_onMqtt311_closesConnection() {
    connection.connect(MQTT_3_1_1, "lamp-1");

    connection.send(publish("lamps/1", MqttQoS.EXACTLY_ONCE, 1));

    assertThat(connection.receiveAll()).isEmpty();
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void publish_withQos2_onMqtt5_sendsDisconnect0x9B() {
    connection.connect(MQTT_5, "lamp-1");

    connection.send(publish("lamps/1", MqttQoS.EXACTLY_ONCE, 1));

    assertThat(disconnectCode(connection.receive())).isEqualTo(0x9B);
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void publish_withQos1_isAcknowledged() {
    connection.connect(MQTT_3_1_1, "lamp-1");

    connection.send(publish("lamps/1", MqttQoS.AT_LEAST_ONCE, 7));

    MqttMessage puback = connection.receive();
    assertThat(puback.fixedHeader().messageType()).isEqualTo(MqttMessageType.PUBACK);
    assertThat(((MqttMessageIdVariableHeader) puback.variableHeader()).messageId()).isEqualTo(7);
  }

  @Test
  void publish_withWildcardInTopic_closesConnection() {
    connection.connect(MQTT_3_1_1, "lamp-1");

    connection.send(publish("lamps/+/state", MqttQoS.AT_LEAST_ONCE, 1));

    assertThat(connection.receiveAll()).isEmpty();
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void publish_withMoreThanSevenSlashes_onMqtt5_sendsDisconnect0x90() {
    connection.connect(MQTT_5, "lamp-1");

    connection.send(publish("a/b/c/d/e/f/g/h/i", MqttQoS.AT_LEAST_ONCE, 1));

    assertThat(disconnectCode(connection.receive())).isEqualTo(0x90);
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void publish_unauthorized_onMqtt311_closesConnection() {
    connection.close();
    connection = EmbeddedConnection.open(refusing("forbidden/#"));
    connection.connect(MQTT_3_1_1, "lamp-1");

    connection.send(publish("forbidden/x", MqttQoS.AT_LEAST_ONCE, 1));

    assertThat(connection.receiveAll()).isEmpty();
    assertThat(connection.isOpen()).isFalse();
  }

  @Test
  void publish_unauthorized_onMqtt5_getsPuback0x87AndStaysConnected() {
    connection.close();
    connection = EmbeddedConnection.open(refusing("forbidden/#"));
    connection.connect(MQTT_5, "lamp-1");

    connection.send(publish("forbidden/x", MqttQoS.AT_LEAST_ONCE, 3));

    MqttMessage puback = connection.receive();
    MqttPubReplyMessageVariableHeader header =
        (MqttPubReplyMessageVariableHeader) puback.variableHeader();
    assertThat(header.messageId()).isEqualTo(3);
    assertThat(header.reasonCode() & 0xFF).isEqualTo(0x87);
    assertThat(connection.isOpen()).isTrue();
  }

  @Test
  void publish_isDeliveredToOwnMatchingSubscription() {
    connection.connect(MQTT_3_1_1, "lamp-1");
    connection.send(subscribe(1, "lamps/#"));
    connection.receive();

    connection.send(publish("lamps/1", MqttQoS.AT_MOST_ONCE, 0));

    MqttPublishMessage delivered = (MqttPublishMessage) connection.receive();
    try {
      assertThat(delivered.variableHeader().topicName()).isEqualTo("lamps/1");
      assertThat(delivered.payload().toString(StandardCharsets.UTF_8)).isEqualTo("on");
    } finally {
      delivered.release();
    }
  }

  // SUBSCRIBE

  @Test
  void subscribe_withInvalidFilter_onMqtt311_gets0x80WhileValidFiltersAreGranted() {
    connection.connect(MQTT_3_1_1, "lamp-1");

    connection.send(subscribe(1, "lamps/+", "lamps/#/state", "lamps/x#", "status"));

    assertThat(subackCodes(connection.receive())).containsExactly(1, 0x80, 0x80, 1);
  }

  @Test
  void subscribe_withInvalidFilter_onMqtt5_gets0x8FWhileValidFiltersAreGranted() {
    connection.connect(MQTT_5, "lamp-1");

    connection.send(subscribe(1, "lamps/+", "lamps/#/state", "status"));

    assertThat(subackCodes(connection.receive())).containsExactly(1, 0x8F, 1);
  }

  @Test
  void subscribe_withQos2_isGrantedQos1() {
    connection.connect(MQTT_3_1_1, "lamp-1");

    connection.send(
        MqttMessageBuilders.subscribe()
            .messageId(1)
            .addSubscription(MqttQoS.EXACTLY_ONCE, "lamps/#")
            .addSubscription(MqttQoS.AT_MOST_ONCE, "status")
            .build());

    assertThat(subackCodes(connection.receive())).containsExactly(1, 0);
  }

  @Test
  void subscribe_beyondFiftySubscriptions_onMqtt311_gets0x80() {
    connection.connect(MQTT_3_1_1, "lamp-1");

    connection.send(subscribe(1, filters(51)));

    List<Integer> codes = subackCodes(connection.receive());
    assertThat(codes.subList(0, 50)).containsOnly(1);
    assertThat(codes.get(50)).isEqualTo(0x80);
  }

  @Test
  void subscribe_beyondFiftySubscriptions_onMqtt5_gets0x97() {
    connection.connect(MQTT_5, "lamp-1");
    connection.send(subscribe(1, filters(50)));
    assertThat(subackCodes(connection.receive())).hasSize(50).containsOnly(1);

    connection.send(subscribe(2, "one/too/many", "topic/0"));

    assertThat(subackCodes(connection.receive())).containsExactly(0x97, 1);
  }

  @Test
  void subscribe_unauthorized_onMqtt311_gets0x80() {
    connection.close();
    connection = EmbeddedConnection.open(refusing("forbidden/#"));
    connection.connect(MQTT_3_1_1, "lamp-1");

    connection.send(subscribe(1, "forbidden/#", "allowed/#"));

    assertThat(subackCodes(connection.receive())).containsExactly(0x80, 1);
    assertThat(connection.isOpen()).isTrue();
  }

  @Test
  void subscribe_unauthorized_onMqtt5_gets0x87() {
    connection.close();
    connection = EmbeddedConnection.open(refusing("forbidden/#"));
    connection.connect(MQTT_5, "lamp-1");

    connection.send(subscribe(1, "forbidden/#", "allowed/#"));

    assertThat(subackCodes(connection.receive())).containsExactly(0x87, 1);
  }

  // Buffers

  @Test
  void publishBuffers_areReleasedAfterRouting() {
    connection.connect(MQTT_3_1_1, "lamp-1");
    ByteBuf input = encoded(MQTT_3_1_1, publish("lamps/1", MqttQoS.AT_LEAST_ONCE, 1));

    connection.sendRaw(input);

    assertThat(connection.receive().fixedHeader().messageType()).isEqualTo(MqttMessageType.PUBACK);
    assertThat(input.refCnt()).isZero();
  }

  @Test
  void publishBuffers_areReleasedWhenThePublishIsRefused() {
    connection.connect(MQTT_3_1_1, "lamp-1");
    ByteBuf input = encoded(MQTT_3_1_1, publish("lamps/1", MqttQoS.EXACTLY_ONCE, 1));

    connection.sendRaw(input);

    assertThat(connection.isOpen()).isFalse();
    assertThat(input.refCnt()).isZero();
  }

  @Test
  void packetsHeldDuringAuthentication_areHandledOnceAccepted() {
    connection.holdAuthentication();
    connection.send(EmbeddedConnection.connectPacket(MQTT_3_1_1, "lamp-1"));
    connection.send(subscribe(1, "lamps/#"));
    ByteBuf input = encoded(MQTT_3_1_1, publish("lamps/1", MqttQoS.AT_LEAST_ONCE, 2));
    connection.sendRaw(input);
    assertThat(input.refCnt()).isPositive();

    connection.releaseAuthentication();

    List<MqttMessageType> types = new ArrayList<>();
    for (MqttMessage packet : connection.receiveAll()) {
      types.add(packet.fixedHeader().messageType());
      ReferenceCountUtil.release(packet);
    }
    assertThat(types)
        .containsExactly(
            MqttMessageType.CONNACK,
            MqttMessageType.SUBACK,
            MqttMessageType.PUBLISH,
            MqttMessageType.PUBACK);
    assertThat(input.refCnt()).isZero();
  }

  @Test
  void packetsHeldDuringAuthentication_areReleasedWhenTheConnectionDrops() {
    connection.holdAuthentication();
    connection.send(EmbeddedConnection.connectPacket(MQTT_3_1_1, "lamp-1"));
    ByteBuf input = encoded(MQTT_3_1_1, publish("lamps/1", MqttQoS.AT_LEAST_ONCE, 2));
    connection.sendRaw(input);

    connection.server.close();
    connection.releaseAuthentication();

    assertThat(input.refCnt()).isZero();
    assertThat(connection.receiveAll()).isEmpty();
  }

  // Helpers

  static MqttMessage pingreq() {
    return new MqttMessage(
        new MqttFixedHeader(MqttMessageType.PINGREQ, false, MqttQoS.AT_MOST_ONCE, false, 0));
  }

  static MqttPublishMessage publish(String topic, MqttQoS qos, int packetId) {
    return MqttMessageBuilders.publish()
        .topicName(topic)
        .qos(qos)
        .messageId(packetId)
        .retained(false)
        .payload(Unpooled.copiedBuffer("on", StandardCharsets.UTF_8))
        .build();
  }

  static MqttMessage subscribe(int packetId, String... filters) {
    MqttMessageBuilders.SubscribeBuilder builder = MqttMessageBuilders.subscribe();
    for (String filter : filters) {
      builder.addSubscription(MqttQoS.AT_LEAST_ONCE, filter);
    }
    return builder.messageId(packetId).build();
  }

  private static String[] filters(int count) {
    String[] filters = new String[count];
    for (int i = 0; i < count; i++) {
      filters[i] = "topic/" + i;
    }
    return filters;
  }

  /** {@code packet} as the bytes a client of {@code version} sends. */
  static ByteBuf encoded(MqttVersion version, MqttMessage packet) {
    EmbeddedChannel encoder = new EmbeddedChannel(MqttEncoder.INSTANCE);
    encoder.writeOutbound(EmbeddedConnection.connectPacket(version, "encoder"));
    ((ByteBuf) encoder.readOutbound()).release();
    encoder.writeOutbound(packet);
    ByteBuf bytes = encoder.readOutbound();
    encoder.finishAndReleaseAll();
    return bytes;
  }

  /** A CONNECT with any protocol name and level, which the encoder would refuse to write. */
  static ByteBuf connectBytes(String protocolName, int level, String clientId) {
    byte[] name = protocolName.getBytes(StandardCharsets.UTF_8);
    byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
    ByteBuf body = Unpooled.buffer();
    body.writeShort(name.length).writeBytes(name);
    body.writeByte(level);
    body.writeByte(0x02);
    body.writeShort(60);
    if (level == 5) {
      body.writeByte(0);
    }
    body.writeShort(id.length).writeBytes(id);
    ByteBuf packet = Unpooled.buffer();
    packet.writeByte(0x10).writeByte(body.readableBytes()).writeBytes(body);
    body.release();
    return packet;
  }

  static int connackCode(MqttMessage packet) {
    assertThat(packet).isInstanceOf(MqttConnAckMessage.class);
    return ((MqttConnAckMessage) packet).variableHeader().connectReturnCode().byteValue() & 0xFF;
  }

  static int disconnectCode(MqttMessage packet) {
    assertThat(packet).isNotNull();
    assertThat(packet.fixedHeader().messageType()).isEqualTo(MqttMessageType.DISCONNECT);
    return ((MqttReasonCodeAndPropertiesVariableHeader) packet.variableHeader()).reasonCode()
        & 0xFF;
  }

  static List<Integer> subackCodes(MqttMessage packet) {
    assertThat(packet).isInstanceOf(MqttSubAckMessage.class);
    return ((MqttSubAckMessage) packet).payload().reasonCodes();
  }

  private static Integer intProperty(MqttProperties properties, MqttPropertyType type) {
    MqttProperties.MqttProperty<?> property = properties.getProperty(type.value());
    return property == null ? null : (Integer) property.value();
  }

  private static Authenticator refuseAll() {
    return request -> Authentication.refused(ConnectRefusal.NOT_AUTHORIZED, "unknown certificate");
  }

  /** Accepts everyone; publishing and subscribing under {@code forbidden} is refused. */
  static Authenticator refusing(String forbiddenFilter) {
    String prefix = forbiddenFilter.substring(0, forbiddenFilter.indexOf('#'));
    ConnectionAuthority authority =
        new ConnectionAuthority() {
          @Override
          public boolean mayPublish(String topic) {
            return !topic.startsWith(prefix);
          }

          @Override
          public boolean maySubscribe(String topicFilter) {
            return !topicFilter.startsWith(prefix);
          }

          @Override
          public boolean mayReceive(String topic) {
            return true;
          }
        };
    return request -> Authentication.accepted(EmbeddedConnection.NAMESPACE, "tester", authority);
  }
}
