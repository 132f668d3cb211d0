package dev.lamplighter.broker;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal MQTT client for what real clients will not do: speak through Netty's codec without any
 * automatic acknowledgement, send raw bytes, drop the socket without DISCONNECT. Received packets
 * are queued; PUBLISH payloads are copied so the queue holds no pooled buffers.
 */
final class RawMqttClient implements AutoCloseable {
  private final EventLoopGroup group;
  private final Channel channel;
  private final BlockingQueue<MqttMessage> received;

  private RawMqttClient(
      EventLoopGroup group, Channel channel, BlockingQueue<MqttMessage> received) {
    this.group = group;
    this.channel = channel;
    this.received = received;
  }

  static RawMqttClient connect(int port) {
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    BlockingQueue<MqttMessage> queue = new LinkedBlockingQueue<>();
    Channel channel =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new MqttDecoder(), MqttEncoder.INSTANCE)
                        .addLast(
                            new SimpleChannelInboundHandler<MqttMessage>() {
                              @Override
                              protected void channelRead0(
                                  ChannelHandlerContext ctx, MqttMessage packet) {
                                queue.add(copied(packet));
                              }
                            });
                  }
                })
            .connect("127.0.0.1", port)
            .syncUninterruptibly()
            .channel();
    return new RawMqttClient(group, channel, queue);
  }

  private static MqttMessage copied(MqttMessage packet) {
    if (packet instanceof MqttPublishMessage publish) {
      return new MqttPublishMessage(
          publish.fixedHeader(),
          publish.variableHeader(),
          Unpooled.copiedBuffer(publish.payload()));
    }
    return packet;
  }

  /** Sends a packet through the encoder (which also tells the decoder the protocol version). */
  void send(MqttMessage packet) {
    channel.writeAndFlush(packet).syncUninterruptibly();
  }

  /** Sends bytes as they are. */
  void sendRaw(byte[] bytes) {
    channel.writeAndFlush(Unpooled.wrappedBuffer(bytes)).syncUninterruptibly();
  }

  /** The next packet, waiting up to five seconds; null when none came. */
  MqttMessage receive() {
    try {
      return received.poll(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The next packet of {@code type}, skipping others. */
  MqttMessage receive(MqttMessageType type) {
    for (MqttMessage packet = receive(); packet != null; packet = receive()) {
      if (packet.fixedHeader().messageType() == type) {
        return packet;
      }
    }
    return null;
  }

  /** Sends CONNECT and waits for CONNACK. */
  MqttConnAckMessage connect(MqttMessage connect) {
    send(connect);
    return (MqttConnAckMessage) receive(MqttMessageType.CONNACK);
  }

  boolean isOpen() {
    return channel.isActive();
  }

  /** Drops the TCP connection without DISCONNECT. */
  void kill() {
    channel.close().syncUninterruptibly();
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }
}
