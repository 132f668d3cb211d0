package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.extension.Authentication;
import dev.lamplighter.broker.extension.ClientInfo;
import dev.lamplighter.broker.extension.ConnectRequest;
import dev.lamplighter.broker.extension.ConnectionAuthority;
import dev.lamplighter.broker.extension.DisconnectReason;
import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.broker.extension.ProtocolVersion;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttProperties.MqttPropertyType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttReasonCodeAndPropertiesVariableHeader;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnacceptableProtocolVersionException;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection's protocol state machine: it waits for CONNECT, has the connection
 * authenticated off the event loop, binds the session, then answers each packet by one call into
 * the session, the router or the {@link PublishHandling}/{@link SubscribeHandling} helpers.
 *
 * <pre>
 *   AWAIT_CONNECT ──CONNECT──▶ AUTHENTICATING ──accepted──▶ CONNECTED ──close──▶ CLOSED
 *        │ anything else / timeout      │ refused: CONNACK code
 *        └──────────────────────────────┴──────────────────────────────────────▶ CLOSED
 * </pre>
 *
 * <p>A malformed packet arrives as a message with a failed decoder result and closes the connection
 * (with DISCONNECT 0x81 or 0x95 for MQTT 5); it never throws through the pipeline.
 */
final class MqttConnectionHandler extends ChannelInboundHandlerAdapter implements Connection {
  private static final Logger LOG = LoggerFactory.getLogger(MqttConnectionHandler.class);
  private static final int MAX_PENDING_WHILE_AUTHENTICATING = 64;

  private enum State {
    AWAIT_CONNECT,
    AUTHENTICATING,
    CONNECTED,
    CLOSED
  }

  private final BrokerContext broker;
  private final PeerIdentity peer;
  private ChannelHandlerContext ctx;
  private State state = State.AWAIT_CONNECT;
  private final List<Object> pendingWhileAuthenticating = new ArrayList<>();

  private ConnectSettings connect;
  private ClientInfo info;
  private volatile ConnectionAuthority authority;
  private volatile Session session;
  private PublishHandling publishing;
  private SubscribeHandling subscribing;
  private volatile DisconnectReason closeReason;
  private volatile boolean publishWill = true;
  private boolean readingPaused;

  MqttConnectionHandler(BrokerContext broker, PeerIdentity peer) {
    this.broker = broker;
    this.peer = peer;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    // The idle timer before CONNECT restarts with every read; this deadline does not, so a client
    // trickling bytes cannot hold a connection that never sends a whole CONNECT.
    ctx.executor()
        .schedule(
            this::connectDeadline,
            broker.settings().connectTimeout().toMillis(),
            TimeUnit.MILLISECONDS);
  }

  private void connectDeadline() {
    if (state == State.AWAIT_CONNECT && ctx.channel().isActive()) {
      EventLog.protocolError(clientIdForLog(), peer.ipAddress(), "no CONNECT in time");
      ctx.close();
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof MqttMessage packet)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    boolean held = false;
    try {
      if (packet.decoderResult().isFailure()) {
        malformed(packet.decoderResult().cause());
        return;
      }
      switch (state) {
        case AWAIT_CONNECT -> awaitingConnect(packet);
        case AUTHENTICATING -> held = holdWhileAuthenticating(packet);
        case CONNECTED -> connected(packet);
        case CLOSED -> {}
      }
    } finally {
      if (!held) {
        ReferenceCountUtil.release(packet);
      }
    }
  }

  private void awaitingConnect(MqttMessage packet) {
    if (!(packet instanceof MqttConnectMessage connectPacket)) {
      protocolError("a " + packet.fixedHeader().messageType() + " packet before CONNECT");
      return;
    }
    ConnectSettings.Parsed parsed = ConnectSettings.parse(connectPacket, broker, peer);
    if (parsed.refusal() != null) {
      refuse(parsed.version(), parsed.refusal(), parsed.detail(), parsed.clientId());
      return;
    }
    String throttled = throttled(connectPacket, parsed.clientId());
    if (throttled != null) {
      refuse(
          parsed.version(),
          MqttConnectReturnCode.CONNECTION_REFUSED_CONNECTION_RATE_EXCEEDED,
          throttled,
          parsed.clientId());
      return;
    }
    connect = parsed.settings();
    state = State.AUTHENTICATING;
    // MQTT: the server closes a connection silent for one and a half keep-alive periods.
    ctx.pipeline()
        .replace(
            PipelineNames.IDLE,
            PipelineNames.IDLE,
            new IdleStateHandler(connect.keepAliveSeconds() * 1500L, 0, 0, TimeUnit.MILLISECONDS));
    ctx.channel().config().setAutoRead(false);
    ConnectRequest request = connect.request(peer);
    try {
      broker.authExecutor().execute(() -> authenticate(request));
    } catch (RejectedExecutionException e) {
      refuse(
          connect.version(),
          MqttConnectReturnCode.CONNECTION_REFUSED_SERVER_UNAVAILABLE_5,
          "broker stopping",
          connect.clientId());
    }
  }

  /** Why the connect rate refuses this CONNECT (AWS reason THROTTLED), or null. */
  private String throttled(MqttConnectMessage packet, String clientId) {
    boolean assigned = packet.payload().clientIdentifier().isEmpty();
    return switch (broker.connectRate().tryConnect(assigned ? null : clientId)) {
      case ACCEPTED -> null;
      case CLIENT_ID_THROTTLED ->
          "THROTTLED: over "
              + broker.settings().maxConnectsPerSecondPerClientId()
              + " connects per second for this client id";
      case BROKER_THROTTLED ->
          "THROTTLED: over " + broker.settings().maxConnectsPerSecond() + " connects per second";
    };
  }

  private void authenticate(ConnectRequest request) {
    Authentication result;
    try {
      result = broker.extensions().authenticator().authenticate(request);
    } catch (RuntimeException e) {
      LOG.error("Authenticating [{}] failed", request.clientId(), e);
      result =
          Authentication.refused(
              dev.lamplighter.broker.extension.ConnectRefusal.SERVER_UNAVAILABLE, e.toString());
    }
    Authentication outcome = result;
    ctx.executor().execute(() -> authenticated(outcome));
  }

  private void authenticated(Authentication result) {
    if (state != State.AUTHENTICATING || !ctx.channel().isActive()) {
      return;
    }
    if (result instanceof Authentication.Refused refused) {
      refuse(
          connect.version(),
          ConnectSettings.code(refused.reason(), connect.version()),
          refused.detail(),
          connect.clientId());
      return;
    }
    Authentication.Accepted accepted = (Authentication.Accepted) result;
    authority = accepted.authority();
    Message will = connect.will();
    if (will != null && !authority.mayPublish(will.topic())) {
      refuse(
          connect.version(),
          ConnectSettings.notAuthorized(connect.version()),
          "not authorized to publish its will on " + will.topic(),
          connect.clientId());
      return;
    }
    info =
        new ClientInfo(
            accepted.namespace(),
            connect.clientId(),
            accepted.principal(),
            broker.nextSessionId(),
            peer.ipAddress(),
            connect.version(),
            broker.nowMillis(),
            0);
    publishing = new PublishHandling(this, broker, connect);
    subscribing = new SubscribeHandling(this, broker, connect);
    bindSession(new SessionKey(accepted.namespace(), connect.clientId()));
  }

  private void bindSession(SessionKey key) {
    Session candidate = broker.sessions().resolve(key, ctx.channel().eventLoop());
    candidate.run(
        () -> {
          long version =
              candidate.attach(this, connect.cleanStart(), connect.sessionExpiryMillis());
          if (version < 0) {
            ctx.executor().execute(() -> bindSession(key));
            return;
          }
          session = candidate;
          if (!ctx.channel().isActive()) {
            // Closed while binding; channelInactive may have run before the session was set.
            candidate.detach(this, broker.sessions());
            return;
          }
          ctx.executor().execute(() -> becomeConnected(version));
        });
  }

  private void becomeConnected(long version) {
    if (state != State.AUTHENTICATING) {
      return;
    }
    info =
        new ClientInfo(
            info.namespace(),
            info.clientId(),
            info.principal(),
            info.sessionId(),
            info.ipAddress(),
            info.protocolVersion(),
            info.connectedAtMillis(),
            version);
    state = State.CONNECTED;
    EventLog.connected(info);
    broker.extensions().lifecycle().connected(info);
    ctx.channel().config().setAutoRead(true);
    List<Object> held = new ArrayList<>(pendingWhileAuthenticating);
    pendingWhileAuthenticating.clear();
    for (Object packet : held) {
      try {
        if (state == State.CONNECTED) {
          connected((MqttMessage) packet);
        }
      } finally {
        ReferenceCountUtil.release(packet);
      }
    }
  }

  /** Keeps a packet that arrived before CONNACK; true when it was kept (and not released). */
  private boolean holdWhileAuthenticating(MqttMessage packet) {
    if (pendingWhileAuthenticating.size() >= MAX_PENDING_WHILE_AUTHENTICATING) {
      protocolError("too many packets before CONNACK");
      return false;
    }
    pendingWhileAuthenticating.add(packet);
    return true;
  }

  private void connected(MqttMessage packet) {
    switch (packet.fixedHeader().messageType()) {
      case PUBLISH -> publishing.onPublish((MqttPublishMessage) packet);
      case PUBACK -> {
        int packetId = ((MqttMessageIdVariableHeader) packet.variableHeader()).messageId();
        Session bound = session;
        bound.run(() -> bound.acknowledged(packetId));
      }
      case SUBSCRIBE -> subscribing.onSubscribe((MqttSubscribeMessage) packet);
      case UNSUBSCRIBE -> subscribing.onUnsubscribe((MqttUnsubscribeMessage) packet);
      case PINGREQ -> ctx.writeAndFlush(Packets.PINGRESP);
      case DISCONNECT -> onDisconnect(packet);
      case CONNECT -> protocolError("a second CONNECT");
      default -> protocolError("unsupported " + packet.fixedHeader().messageType() + " packet");
    }
  }

  private void onDisconnect(MqttMessage packet) {
    boolean withWill = false;
    if (packet.variableHeader() instanceof MqttReasonCodeAndPropertiesVariableHeader header) {
      // MQTT 5: 0x04 asks the broker to publish the will anyway.
      withWill = header.reasonCode() == 0x04;
      Integer expiry =
          Packets.intValue(header.properties(), MqttPropertyType.SESSION_EXPIRY_INTERVAL);
      if (expiry != null && connect.sessionExpiryMillis() > 0) {
        long millis =
            Math.min(
                Integer.toUnsignedLong(expiry) * 1000,
                broker.settings().sessionExpiry().toMillis());
        Session bound = session;
        bound.run(() -> bound.expireAfter(millis));
      }
    }
    close(DisconnectReason.CLIENT_INITIATED_DISCONNECT, withWill);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt instanceof IdleStateEvent) {
      if (state == State.CONNECTED) {
        if (connect.version() == ProtocolVersion.MQTT_5) {
          ctx.writeAndFlush(
              Packets.disconnect(MqttReasonCodes.Disconnect.KEEP_ALIVE_TIMEOUT.byteValue()));
        }
        close(DisconnectReason.MQTT_KEEP_ALIVE_TIMEOUT, true);
      } else {
        EventLog.protocolError(clientIdForLog(), peer.ipAddress(), "no CONNECT in time");
        ctx.close();
      }
      return;
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    State was = state;
    state = State.CLOSED;
    for (Object held : pendingWhileAuthenticating) {
      ReferenceCountUtil.release(held);
    }
    pendingWhileAuthenticating.clear();
    if (was != State.CONNECTED) {
      Session bound = session;
      if (bound != null) {
        bound.run(() -> bound.detach(this, broker.sessions()));
      }
      return;
    }
    DisconnectReason reason = closeReason == null ? DisconnectReason.CONNECTION_LOST : closeReason;
    boolean clientInitiated = reason == DisconnectReason.CLIENT_INITIATED_DISCONNECT;
    Session bound = session;
    Message will = publishWill ? connect.willAt(broker.nowMillis()) : null;
    // The will is a client publish made now: reserved topics and rights decide at this moment.
    if (will != null
        && PublishHandling.allowedToPublish(broker, authority, info, will)
            == PublishHandling.Verdict.ROUTE) {
      broker.router().route(info.namespace(), will, bound);
    }
    bound.run(() -> bound.detach(this, broker.sessions()));
    EventLog.disconnected(info, reason);
    broker.extensions().lifecycle().disconnected(info, reason, clientInitiated);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (closeReason == null) {
      closeReason = DisconnectReason.CONNECTION_LOST;
    }
    LOG.debug("Connection [{}] failed: {}", clientIdForLog(), cause.toString());
    ctx.close();
  }

  // Connection, as the session sees it (called from the session's executor).

  @Override
  public ClientInfo info() {
    return info;
  }

  @Override
  public void accepted(boolean sessionPresent) {
    ctx.writeAndFlush(connect.connack(sessionPresent));
  }

  @Override
  public boolean mayReceive(String topic) {
    return authority.mayReceive(topic);
  }

  @Override
  public boolean maySubscribe(String topicFilter) {
    return authority.maySubscribe(topicFilter);
  }

  @Override
  public int receiveMaximum() {
    return connect.receiveMaximum();
  }

  @Override
  public boolean deliver(Message message, int packetId, boolean dup) {
    if (connect.maxPacketToClient() > 0
        && message.payload().length + message.topic().length() + 64 > connect.maxPacketToClient()) {
      return false;
    }
    if (packetId == 0 && !ctx.channel().isWritable()) {
      // A slow consumer: QoS 0 messages are dropped while its socket buffer is full, so it
      // cannot make the broker hold an unbounded backlog (QoS 1 is bounded by the in-flight
      // window and the session's queue).
      return false;
    }
    ctx.writeAndFlush(
        Packets.publish(
            message,
            packetId,
            dup,
            connect.version() == ProtocolVersion.MQTT_5,
            broker.nowMillis()));
    return true;
  }

  @Override
  public void write(Object packet) {
    ctx.writeAndFlush(packet);
  }

  @Override
  public void close(DisconnectReason reason, boolean publishWill) {
    if (!ctx.executor().inEventLoop()) {
      ctx.executor().execute(() -> close(reason, publishWill));
      return;
    }
    if (closeReason == null) {
      closeReason = reason;
      this.publishWill = publishWill;
      if (connect != null
          && connect.version() == ProtocolVersion.MQTT_5
          && state == State.CONNECTED) {
        Byte code = ConnectSettings.disconnectCode(reason);
        if (code != null) {
          ctx.writeAndFlush(Packets.disconnect(code));
        }
      }
    }
    if (state == State.AUTHENTICATING) {
      state = State.CLOSED;
    }
    ctx.close();
  }

  /**
   * Stops reading from the client for {@code nanos} (it is over its publish rate); what it sends
   * meanwhile waits in the socket buffers, so the client slows down instead of losing messages.
   */
  void pauseReading(long nanos) {
    if (!readingPaused) {
      readingPaused = true;
      ctx.channel().config().setAutoRead(false);
      ctx.executor()
          .schedule(
              () -> {
                readingPaused = false;
                if (state == State.CONNECTED) {
                  ctx.channel().config().setAutoRead(true);
                }
              },
              nanos,
              TimeUnit.NANOSECONDS);
    }
  }

  /** Closes for a protocol violation (MQTT 5: DISCONNECT 0x82 first). */
  void protocolError(String what) {
    EventLog.protocolError(clientIdForLog(), peer.ipAddress(), what);
    if (state == State.CONNECTED && connect.version() == ProtocolVersion.MQTT_5) {
      ctx.writeAndFlush(Packets.disconnect(MqttReasonCodes.Disconnect.PROTOCOL_ERROR.byteValue()));
    }
    closeReason = DisconnectReason.CLIENT_ERROR;
    ctx.close();
  }

  /** Closes with an MQTT 5 reason code (when the client speaks MQTT 5) and an AWS reason. */
  void closeWith(byte v5Code, DisconnectReason reason, String what) {
    EventLog.protocolError(clientIdForLog(), peer.ipAddress(), what);
    if (state == State.CONNECTED && connect.version() == ProtocolVersion.MQTT_5) {
      ctx.writeAndFlush(Packets.disconnect(v5Code));
    }
    closeReason = reason;
    ctx.close();
  }

  private void malformed(Throwable cause) {
    if (state == State.AWAIT_CONNECT && cause instanceof MqttUnacceptableProtocolVersionException) {
      refuse(
          ProtocolVersion.MQTT_3_1_1,
          MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION,
          cause.getMessage(),
          null);
      return;
    }
    String what = "malformed packet: " + cause.getMessage();
    if (cause instanceof TooLongFrameException) {
      closeWith(
          MqttReasonCodes.Disconnect.PACKET_TOO_LARGE.byteValue(),
          DisconnectReason.CLIENT_ERROR,
          what);
    } else {
      closeWith(
          MqttReasonCodes.Disconnect.MALFORMED_PACKET.byteValue(),
          DisconnectReason.CLIENT_ERROR,
          what);
    }
  }

  private void refuse(
      ProtocolVersion version, MqttConnectReturnCode code, String detail, String clientId) {
    EventLog.refused(clientId == null ? "?" : clientId, peer.ipAddress(), code.name(), detail);
    state = State.CLOSED;
    MqttConnectReturnCode sent = ConnectSettings.forVersion(code, version);
    ctx.writeAndFlush(
            Packets.connack(sent, false, io.netty.handler.codec.mqtt.MqttProperties.NO_PROPERTIES))
        .addListener(ChannelFutureListener.CLOSE);
  }

  Session session() {
    return session;
  }

  ClientInfo clientInfo() {
    return info;
  }

  ConnectionAuthority authority() {
    return authority;
  }

  ChannelHandlerContext context() {
    return ctx;
  }

  private String clientIdForLog() {
    return connect == null ? "?" : connect.clientId();
  }
}
