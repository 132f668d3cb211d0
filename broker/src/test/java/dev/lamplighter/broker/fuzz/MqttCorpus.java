package dev.lamplighter.broker.fuzz;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttProperties.BinaryProperty;
import io.netty.handler.codec.mqtt.MqttProperties.IntegerProperty;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttProperties.StringProperty;
import io.netty.handler.codec.mqtt.MqttProperties.UserProperty;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption;
import io.netty.handler.codec.mqtt.MqttSubscriptionOption.RetainedHandlingPolicy;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Valid MQTT sessions, each a CONNECT followed by the packets a client sends after it, encoded by
 * Netty's {@link MqttEncoder}: MQTT 3.1.1 and 5 with a will and properties, PUBLISH at QoS 0 and 1
 * with properties, SUBSCRIBE with several filters and options, UNSUBSCRIBE, PUBACK, PINGREQ and
 * DISCONNECT with a reason. The mutator works on these packet by packet.
 */
public final class MqttCorpus {
  /** One session: its name and its packets in order, each a complete encoded packet. */
  public record Session(String name, List<byte[]> packets) {
    public Session {
      packets = List.copyOf(packets);
    }

    /** The packets back to back, as a client would write them. */
    public byte[] bytes() {
      return concat(packets);
    }
  }

  private MqttCorpus() {}

  /** Every session of the corpus, MQTT 3.1.1 ones first; client ids start with {@code fuzz-}. */
  public static List<Session> sessions() {
    return List.of(
        v311Full(), v311Minimal(), v311Persistent(), v5Full(), v5Minimal(), v5WillAndDisconnect());
  }

  static byte[] concat(List<byte[]> packets) {
    int length = packets.stream().mapToInt(p -> p.length).sum();
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] packet : packets) {
      System.arraycopy(packet, 0, all, at, packet.length);
      at += packet.length;
    }
    return all;
  }

  private static Session v311Full() {
    return encode(
        "3.1.1 will, subscribe, publish, unsubscribe",
        MqttMessageBuilders.connect()
            .protocolVersion(MqttVersion.MQTT_3_1_1)
            .clientId("fuzz-311-a")
            .cleanSession(true)
            .keepAlive(60)
            .willFlag(true)
            .willQoS(MqttQoS.AT_LEAST_ONCE)
            .willTopic("fuzz/will/311")
            .willMessage("gone".getBytes(StandardCharsets.UTF_8))
            .willRetain(true)
            .hasUser(true)
            .username("fuzzer")
            .hasPassword(true)
            .password("secret".getBytes(StandardCharsets.UTF_8))
            .build(),
        MqttMessageBuilders.subscribe()
            .messageId(1)
            .addSubscription(MqttQoS.AT_LEAST_ONCE, "fuzz/+/state")
            .addSubscription(MqttQoS.AT_MOST_ONCE, "fuzz/#")
            .addSubscription(MqttQoS.EXACTLY_ONCE, "$share/group/fuzz/shared")
            .build(),
        publish("fuzz/lamp/state", MqttQoS.AT_MOST_ONCE, 0, false, MqttProperties.NO_PROPERTIES),
        publish("fuzz/lamp/state", MqttQoS.AT_LEAST_ONCE, 2, true, MqttProperties.NO_PROPERTIES),
        MqttMessageBuilders.pubAck().packetId(1).build(),
        MqttMessageBuilders.unsubscribe().messageId(3).addTopicFilter("fuzz/#").build(),
        pingreq(),
        new MqttMessage(
            new MqttFixedHeader(
                MqttMessageType.DISCONNECT, false, MqttQoS.AT_MOST_ONCE, false, 0)));
  }

  private static Session v311Minimal() {
    return encode(
        "3.1.1 connect, ping",
        MqttMessageBuilders.connect()
            .protocolVersion(MqttVersion.MQTT_3_1_1)
            .clientId("fuzz-311-b")
            .cleanSession(true)
            .keepAlive(30)
            .build(),
        pingreq(),
        publish("fuzz/b", MqttQoS.AT_MOST_ONCE, 0, false, MqttProperties.NO_PROPERTIES));
  }

  private static Session v311Persistent() {
    return encode(
        "3.1.1 persistent session",
        MqttMessageBuilders.connect()
            .protocolVersion(MqttVersion.MQTT_3_1_1)
            .clientId("fuzz-311-c")
            .cleanSession(false)
            .keepAlive(0)
            .build(),
        MqttMessageBuilders.subscribe()
            .messageId(7)
            .addSubscription(MqttQoS.AT_LEAST_ONCE, "fuzz/c/#")
            .build(),
        publish("fuzz/c/1", MqttQoS.AT_LEAST_ONCE, 8, false, MqttProperties.NO_PROPERTIES),
        MqttMessageBuilders.pubAck().packetId(1).build());
  }

  private static Session v5Full() {
    MqttProperties connect = new MqttProperties();
    connect.add(new IntegerProperty(MqttPropertyType.SESSION_EXPIRY_INTERVAL.value(), 300));
    connect.add(new IntegerProperty(MqttPropertyType.RECEIVE_MAXIMUM.value(), 20));
    connect.add(new IntegerProperty(MqttPropertyType.MAXIMUM_PACKET_SIZE.value(), 65536));
    connect.add(new IntegerProperty(MqttPropertyType.TOPIC_ALIAS_MAXIMUM.value(), 4));
    connect.add(new UserProperty("site", "fuzz"));
    MqttProperties will = new MqttProperties();
    will.add(new IntegerProperty(MqttPropertyType.WILL_DELAY_INTERVAL.value(), 0));
    will.add(new StringProperty(MqttPropertyType.CONTENT_TYPE.value(), "text/plain"));
    will.add(new IntegerProperty(MqttPropertyType.PAYLOAD_FORMAT_INDICATOR.value(), 1));
    MqttProperties subscribe = new MqttProperties();
    subscribe.add(new UserProperty("why", "fuzz"));
    MqttProperties publish = new MqttProperties();
    publish.add(new StringProperty(MqttPropertyType.CONTENT_TYPE.value(), "application/json"));
    publish.add(new StringProperty(MqttPropertyType.RESPONSE_TOPIC.value(), "fuzz/reply"));
    publish.add(
        new BinaryProperty(
            MqttPropertyType.CORRELATION_DATA.value(), new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
    publish.add(new IntegerProperty(MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value(), 60));
    publish.add(new UserProperty("k", "v"));
    MqttProperties aliased = new MqttProperties();
    aliased.add(new IntegerProperty(MqttPropertyType.TOPIC_ALIAS.value(), 1));
    return encode(
        "5 properties, will, subscription options, aliases",
        MqttMessageBuilders.connect()
            .protocolVersion(MqttVersion.MQTT_5)
            .clientId("fuzz-5-a")
            .cleanSession(true)
            .keepAlive(45)
            .properties(connect)
            .willFlag(true)
            .willQoS(MqttQoS.AT_LEAST_ONCE)
            .willTopic("fuzz/will/5")
            .willMessage("bye".getBytes(StandardCharsets.UTF_8))
            .willProperties(will)
            .hasUser(true)
            .username("fuzzer")
            .build(),
        MqttMessageBuilders.subscribe()
            .messageId(1)
            .properties(subscribe)
            .addSubscription(
                "fuzz/+/state",
                new MqttSubscriptionOption(
                    MqttQoS.AT_LEAST_ONCE,
                    true,
                    true,
                    RetainedHandlingPolicy.SEND_AT_SUBSCRIBE_IF_NOT_YET_EXISTS))
            .addSubscription(
                "fuzz/#",
                new MqttSubscriptionOption(
                    MqttQoS.AT_MOST_ONCE,
                    false,
                    false,
                    RetainedHandlingPolicy.DONT_SEND_AT_SUBSCRIBE))
            .addSubscription(
                "$share/g/fuzz/5", MqttSubscriptionOption.onlyFromQos(MqttQoS.EXACTLY_ONCE))
            .build(),
        publish("fuzz/lamp/state", MqttQoS.AT_LEAST_ONCE, 2, false, publish),
        publish("fuzz/aliased", MqttQoS.AT_MOST_ONCE, 0, false, aliased),
        publish("", MqttQoS.AT_LEAST_ONCE, 3, false, aliased),
        MqttMessageBuilders.pubAck().packetId(1).reasonCode((byte) 0x10).build(),
        MqttMessageBuilders.unsubscribe()
            .messageId(4)
            .addTopicFilter("fuzz/#")
            .addTopicFilter("fuzz/+/state")
            .build(),
        pingreq(),
        MqttMessageBuilders.disconnect().reasonCode((byte) 0x00).build());
  }

  private static Session v5Minimal() {
    return encode(
        "5 empty client id, publish",
        MqttMessageBuilders.connect()
            .protocolVersion(MqttVersion.MQTT_5)
            .clientId("")
            .cleanSession(true)
            .keepAlive(60)
            .build(),
        publish("fuzz/x", MqttQoS.AT_LEAST_ONCE, 1, true, MqttProperties.NO_PROPERTIES),
        publish("fuzz/x", MqttQoS.AT_MOST_ONCE, 0, true, MqttProperties.NO_PROPERTIES));
  }

  private static Session v5WillAndDisconnect() {
    MqttProperties expiry = new MqttProperties();
    expiry.add(new IntegerProperty(MqttPropertyType.SESSION_EXPIRY_INTERVAL.value(), 0));
    expiry.add(new StringProperty(MqttPropertyType.REASON_STRING.value(), "leaving"));
    MqttProperties connect = new MqttProperties();
    connect.add(new IntegerProperty(MqttPropertyType.SESSION_EXPIRY_INTERVAL.value(), 60));
    return encode(
        "5 disconnect with will",
        MqttMessageBuilders.connect()
            .protocolVersion(MqttVersion.MQTT_5)
            .clientId("fuzz-5-c")
            .cleanSession(false)
            .keepAlive(30)
            .properties(connect)
            .willFlag(true)
            .willQoS(MqttQoS.AT_MOST_ONCE)
            .willTopic("fuzz/will/c")
            .willMessage(new byte[0])
            .build(),
        MqttMessageBuilders.subscribe()
            .messageId(9)
            .addSubscription(MqttQoS.AT_LEAST_ONCE, "fuzz/will/#")
            .build(),
        MqttMessageBuilders.disconnect().reasonCode((byte) 0x04).properties(expiry).build());
  }

  private static MqttMessage publish(
      String topic, MqttQoS qos, int packetId, boolean retain, MqttProperties properties) {
    return MqttMessageBuilders.publish()
        .topicName(topic)
        .qos(qos)
        .messageId(packetId)
        .retained(retain)
        .properties(properties)
        .payload(Unpooled.wrappedBuffer("{\"on\":true}".getBytes(StandardCharsets.UTF_8)))
        .build();
  }

  private static MqttMessage pingreq() {
    return new MqttMessage(
        new MqttFixedHeader(MqttMessageType.PINGREQ, false, MqttQoS.AT_MOST_ONCE, false, 0));
  }

  /** Encodes on one channel, so that the CONNECT's version applies to the packets after it. */
  private static Session encode(String name, MqttMessage... messages) {
    EmbeddedChannel channel = new EmbeddedChannel(MqttEncoder.INSTANCE);
    try {
      List<byte[]> packets = new ArrayList<>();
      for (MqttMessage message : messages) {
        channel.writeOutbound(message);
        List<byte[]> parts = new ArrayList<>();
        for (ByteBuf encoded = channel.readOutbound();
            encoded != null;
            encoded = channel.readOutbound()) {
          try {
            parts.add(ByteBufUtil.getBytes(encoded));
          } finally {
            encoded.release();
          }
        }
        packets.add(concat(parts));
      }
      return new Session(name, packets);
    } finally {
      channel.finishAndReleaseAll();
    }
  }
}
