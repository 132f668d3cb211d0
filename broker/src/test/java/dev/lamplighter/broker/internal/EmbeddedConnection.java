package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.BrokerExtensions;
import dev.lamplighter.broker.BrokerSettings;
import dev.lamplighter.broker.extension.Authentication;
import dev.lamplighter.broker.extension.Authenticator;
import dev.lamplighter.broker.extension.ConnectRequest;
import dev.lamplighter.broker.extension.ConnectionAuthority;
import dev.lamplighter.broker.extension.LifecycleListener;
import dev.lamplighter.broker.extension.ReservedTopics;
import dev.lamplighter.testkit.MutableClock;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One {@link MqttConnectionHandler} in an {@link EmbeddedChannel} with the broker's real pipeline
 * (idle timer, decoder with the broker's limits, encoder), talking to a client-side channel that
 * has its own MQTT codec. Packets sent by the test are encoded by the client channel and decoded by
 * the server's decoder; what the server writes travels back the same way, so every exchange runs
 * through the real codec in both directions. Authentication runs on the calling thread unless the
 * test holds it with {@link #holdAuthentication()}; the broker's time is {@link #clock}.
 */
final class EmbeddedConnection implements AutoCloseable {
  static final String NAMESPACE = "test";

  final EmbeddedChannel server;
  final EmbeddedChannel client;
  final BrokerContext context;
  final AtomicReference<ConnectRequest> lastRequest;
  final MutableClock clock;
  private final List<Runnable> heldAuthentications = new ArrayList<>();
  private boolean holdAuthentication;

  private EmbeddedConnection(BrokerSettings settings, Authenticator authenticator) {
    server = new EmbeddedChannel();
    client = new EmbeddedChannel(new MqttDecoder(), MqttEncoder.INSTANCE);
    lastRequest = new AtomicReference<>();
    clock = MutableClock.at("2026-01-01T00:00:00Z");
    Authenticator recording =
        request -> {
          lastRequest.set(request);
          return authenticator.authenticate(request);
        };
    Executor authExecutor =
        task -> {
          if (holdAuthentication) {
            heldAuthentications.add(task);
          } else {
            task.run();
          }
        };
    SessionRegistry sessions = new SessionRegistry(server.eventLoop(), clock::millis, 1000, null);
    context =
        new BrokerContext(
            settings,
            new BrokerExtensions(recording, ReservedTopics.none(), LifecycleListener.none()),
            new Topics(settings.maxTopicBytes(), settings.maxTopicSlashes()),
            sessions,
            new Router(sessions, new RetainedMessages(), clock::millis, null),
            authExecutor,
            clock,
            new AtomicLong(),
            new ConnectRateLimiter(
                settings.maxConnectsPerSecond(),
                settings.maxConnectsPerSecondPerClientId(),
                System::nanoTime));
    addBrokerPipeline();
  }

  /**
   * Another connection to the broker of {@code first} (an embedded event loop runs tasks inline).
   */
  private EmbeddedConnection(EmbeddedConnection first) {
    server = new EmbeddedChannel();
    client = new EmbeddedChannel(new MqttDecoder(), MqttEncoder.INSTANCE);
    lastRequest = first.lastRequest;
    clock = first.clock;
    context = first.context;
    addBrokerPipeline();
  }

  private void addBrokerPipeline() {
    BrokerSettings settings = context.settings();
    server
        .pipeline()
        .addLast(
            PipelineNames.IDLE,
            new IdleStateHandler(settings.connectTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS))
        .addLast(
            PipelineNames.DECODER,
            new MqttDecoder(settings.maxPacketBytes(), settings.maxClientIdBytes()))
        .addLast(PipelineNames.ENCODER, MqttEncoder.INSTANCE)
        .addLast(
            PipelineNames.CONNECTION,
            new MqttConnectionHandler(
                context,
                new PeerIdentity(List.of(), null, new InetSocketAddress("192.0.2.7", 50000))));
  }

  /** A new connection to the same broker: same sessions, retained messages, clock. */
  EmbeddedConnection another() {
    return new EmbeddedConnection(this);
  }

  /** A connection to a broker with AWS IoT's limits that accepts everyone with all rights. */
  static EmbeddedConnection open() {
    return open(BrokerSettings.awsDefaults(0), allowAll());
  }

  static EmbeddedConnection open(Authenticator authenticator) {
    return open(BrokerSettings.awsDefaults(0), authenticator);
  }

  static EmbeddedConnection open(BrokerSettings settings, Authenticator authenticator) {
    return new EmbeddedConnection(settings, authenticator);
  }

  static Authenticator allowAll() {
    return request -> Authentication.accepted(NAMESPACE, "tester", ConnectionAuthority.allowAll());
  }

  /** Keeps authentication tasks until {@link #releaseAuthentication()}. */
  void holdAuthentication() {
    holdAuthentication = true;
  }

  void releaseAuthentication() {
    holdAuthentication = false;
    List<Runnable> held = new ArrayList<>(heldAuthentications);
    heldAuthentications.clear();
    held.forEach(Runnable::run);
    server.runPendingTasks();
  }

  /** A CONNECT with a clean session and a keep-alive of 60 seconds. */
  static MqttConnectMessage connectPacket(MqttVersion version, String clientId) {
    return connectPacket(version, clientId, 60);
  }

  static MqttConnectMessage connectPacket(MqttVersion version, String clientId, int keepAlive) {
    return MqttMessageBuilders.connect()
        .protocolVersion(version)
        .clientId(clientId)
        .cleanSession(true)
        .keepAlive(keepAlive)
        .build();
  }

  /** Sends CONNECT and returns the broker's answer (CONNACK). */
  MqttMessage connect(MqttVersion version, String clientId) {
    send(connectPacket(version, clientId));
    return receive();
  }

  /** Encodes {@code packet} on the client side and feeds the bytes to the broker. */
  void send(MqttMessage packet) {
    client.writeOutbound(packet);
    for (ByteBuf bytes = client.readOutbound(); bytes != null; bytes = client.readOutbound()) {
      sendRaw(bytes);
    }
  }

  /** Feeds raw bytes to the broker and lets its queued tasks (hops between executors) run. */
  void sendRaw(ByteBuf bytes) {
    if (server.isOpen()) {
      server.writeInbound(bytes);
    } else {
      bytes.release();
    }
    server.runPendingTasks();
  }

  void sendRaw(int... bytes) {
    byte[] raw = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      raw[i] = (byte) bytes[i];
    }
    sendRaw(Unpooled.wrappedBuffer(raw));
  }

  /** The next packet the broker wrote, decoded by the client side; null when there is none. */
  MqttMessage receive() {
    server.runPendingTasks();
    for (ByteBuf bytes = server.readOutbound(); bytes != null; bytes = server.readOutbound()) {
      client.writeInbound(bytes);
    }
    return client.readInbound();
  }

  /** Every packet the broker wrote and the client has not read yet. */
  List<MqttMessage> receiveAll() {
    List<MqttMessage> packets = new ArrayList<>();
    for (MqttMessage packet = receive(); packet != null; packet = receive()) {
      packets.add(packet);
    }
    return packets;
  }

  boolean isOpen() {
    server.runPendingTasks();
    return server.isOpen();
  }

  @Override
  public void close() {
    server.finishAndReleaseAll();
    for (Object packet = client.readInbound(); packet != null; packet = client.readInbound()) {
      ReferenceCountUtil.release(packet);
    }
    client.finishAndReleaseAll();
  }
}
