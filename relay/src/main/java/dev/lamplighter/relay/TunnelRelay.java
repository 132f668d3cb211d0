package dev.lamplighter.relay;

import dev.lamplighter.core.event.ChangeFollower;
import dev.lamplighter.core.event.ChangeLog;
import dev.lamplighter.gateway.dataplane.DataPlaneResponses;
import dev.lamplighter.gateway.dataplane.DataPlaneRoute;
import dev.lamplighter.gateway.dataplane.WebSocketBytes;
import dev.lamplighter.relay.protocol.Protobuf.Message;
import dev.lamplighter.relay.protocol.TunnelFrameDecoder;
import dev.lamplighter.relay.protocol.TunnelFrames;
import dev.lamplighter.relay.protocol.TunnelProtocolException;
import dev.lamplighter.tunnels.Admission;
import dev.lamplighter.tunnels.ConnectionStatus;
import dev.lamplighter.tunnels.TunnelAdmissionException;
import dev.lamplighter.tunnels.TunnelService;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.handler.traffic.ChannelTrafficShapingHandler;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay at {@code /tunnel} on the data-plane listener. An upgrade request is checked, its token
 * admitted by the tunnel service (off the event loop: it writes to the store), and the connection
 * becomes the tunnel side's client: it is sent the tunnel's SERVICE_IDS and its frames go to the
 * other side's client. A second client for a side replaces the first.
 *
 * <p>Both clients of a tunnel must reach the same node: the relay pairs only the clients it holds.
 * Closes and rotations made on any node reach it through the change log; tunnels whose lifetime
 * ended are closed by a sweep every second.
 */
public final class TunnelRelay implements DataPlaneRoute, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TunnelRelay.class);
  private static final String PATH = "/tunnel";
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static final Duration COMMIT_GAP = Duration.ofMillis(5);
  private static final Duration LIFETIME_SWEEP = Duration.ofSeconds(1);
  private static final WriteBufferWaterMark WATER_MARK =
      new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

  private final TunnelService tunnels;
  private final RelaySettings settings;
  private final Clock clock;
  private final ExecutorService admissions;
  private final ExecutorService connectionRecords;
  private final Map<String, RelayTunnel> open = new ConcurrentHashMap<>();
  private final ChangeFollower changes;
  private final ScheduledExecutorService lifetimes;

  private TunnelRelay(
      TunnelService tunnels, ChangeLog changeLog, RelaySettings settings, Clock clock) {
    this.tunnels = tunnels;
    this.settings = settings;
    this.clock = clock;
    this.admissions =
        new ThreadPoolExecutor(
            4, 4, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000), daemon("tunnel-admit"));
    this.connectionRecords =
        new ThreadPoolExecutor(
            1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(10_000), daemon("tunnel-state"));
    this.changes =
        ChangeFollower.fromHead(
            changeLog,
            ChangeFollower.Settings.of("tunnel-relay", POLL_INTERVAL)
                .wakingOnLocalCommits(COMMIT_GAP, dev.lamplighter.core.arn.ResourceType.TUNNEL),
            new RelayChanges(open));
    this.lifetimes = Executors.newSingleThreadScheduledExecutor(daemon("tunnel-lifetimes"));
  }

  /** Starts following tunnel changes; the relay serves once the listener has it as a route. */
  public static TunnelRelay start(
      TunnelService tunnels, ChangeLog changeLog, RelaySettings settings, Clock clock) {
    TunnelRelay relay = new TunnelRelay(tunnels, changeLog, settings, clock);
    relay.changes.start();
    relay.lifetimes.scheduleWithFixedDelay(
        relay::closeExpired,
        LIFETIME_SWEEP.toMillis(),
        LIFETIME_SWEEP.toMillis(),
        TimeUnit.MILLISECONDS);
    return relay;
  }

  @Override
  public boolean serves(String path) {
    return PATH.equals(path);
  }

  @Override
  public void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
    String channelId = ctx.channel().id().asLongText();
    HandshakeRequest handshake;
    try {
      handshake = HandshakeRequest.of(request);
    } catch (HandshakeRequest.Refused refused) {
      refuse(ctx, refused.status, refused.getMessage(), channelId);
      return;
    }
    FullHttpRequest retained = request.retainedDuplicate();
    ctx.channel().config().setAutoRead(false);
    CompletableFuture<Admission> admitted;
    try {
      admitted =
          CompletableFuture.supplyAsync(
              () ->
                  tunnels.admit(handshake.accessToken(), handshake.mode(), handshake.clientToken()),
              admissions);
    } catch (RejectedExecutionException busy) {
      retained.release();
      ctx.channel().config().setAutoRead(true);
      refuse(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "the relay is busy", channelId);
      return;
    }
    admitted.whenComplete(
        (admission, failure) ->
            ctx.executor()
                .execute(
                    () -> {
                      try {
                        ctx.channel().config().setAutoRead(true);
                        if (failure == null) {
                          upgrade(ctx, retained, admission, channelId);
                        } else {
                          refuseAdmission(ctx, unwrapped(failure), channelId);
                        }
                      } finally {
                        retained.release();
                      }
                    }));
  }

  private static Throwable unwrapped(Throwable failure) {
    return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  private void refuseAdmission(ChannelHandlerContext ctx, Throwable failure, String channelId) {
    if (failure instanceof TunnelAdmissionException refused) {
      HttpResponseStatus status =
          switch (refused.refusal()) {
            case UNKNOWN_TOKEN, TOKEN_SPENT -> HttpResponseStatus.UNAUTHORIZED;
            case WRONG_MODE, CLIENT_TOKEN_IN_USE -> HttpResponseStatus.FORBIDDEN;
            case TUNNEL_CLOSED -> HttpResponseStatus.GONE;
          };
      refuse(ctx, status, refused.getMessage(), channelId);
      return;
    }
    LOG.warn("Could not admit a tunnel client: {}", String.valueOf(failure));
    refuse(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "try again later", channelId);
  }

  private void upgrade(
      ChannelHandlerContext ctx, FullHttpRequest request, Admission admission, String channelId) {
    Channel channel = ctx.channel();
    long lifetimeMillis = Duration.between(clock.instant(), admission.expiresAt()).toMillis();
    if (!channel.isActive() || lifetimeMillis <= 0) {
      refuse(ctx, HttpResponseStatus.GONE, "the tunnel is closed", channelId);
      return;
    }
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory(
                "wss://" + request.headers().get(HttpHeaderNames.HOST, "localhost") + PATH,
                String.join(",", HandshakeRequest.SUBPROTOCOLS),
                false,
                TunnelFrames.MAX_WEBSOCKET_FRAME_BYTES)
            .newHandshaker(request);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel);
      return;
    }
    String key = admission.scope() + "/" + admission.tunnelId();
    RelayTunnel tunnel = open.computeIfAbsent(key, k -> new RelayTunnel(k, admission.expiresAt()));
    PeerHandler peer =
        new PeerHandler(
            tunnel,
            admission.mode(),
            new FrameRules(admission.mode(), new HashSet<>(admission.services())),
            () -> detached(tunnel, admission, channel));
    ChannelPipeline pipeline = ctx.pipeline();
    pipeline.remove("chunked");
    pipeline.remove("idle");
    if (settings.bandwidthBytesPerSecond() > 0) {
      pipeline.addAfter(
          "tls",
          "bandwidth",
          new ChannelTrafficShapingHandler(0, settings.bandwidthBytesPerSecond()));
    }
    pipeline
        .addLast(
            "tunnel-idle",
            new IdleStateHandler(settings.idleTimeout().toSeconds(), 0, 0, TimeUnit.SECONDS))
        .addLast(
            "ws-stream",
            new WebSocketBytes(() -> new TunnelProtocolException("text frames are not allowed")))
        .addLast("frames", new TunnelFrameDecoder())
        .addLast("peer", peer);
    channel.config().setWriteBufferWaterMark(WATER_MARK);
    handshaker
        .handshake(
            channel,
            request,
            new DefaultHttpHeaders().set("channel-id", channelId),
            channel.newPromise())
        .addListener(
            done -> {
              if (!done.isSuccess()) {
                channel.close();
                return;
              }
              pipeline.remove("routes");
              attached(tunnel, admission, channel);
            });
  }

  private void attached(RelayTunnel tunnel, Admission admission, Channel channel) {
    tunnel.attach(admission.mode(), channel, admission.generation());
    channel.writeAndFlush(
        TunnelFrames.encode(
            channel.alloc(),
            Message.newBuilder()
                .setType(Message.Type.SERVICE_IDS)
                .addAllAvailableServiceIds(admission.services())
                .build()));
    record(admission, ConnectionStatus.CONNECTED);
    LOG.debug("Tunnel {} {} connected", admission.tunnelId(), admission.mode());
  }

  private void detached(RelayTunnel tunnel, Admission admission, Channel channel) {
    if (tunnel.detach(admission.mode(), channel)) {
      record(admission, ConnectionStatus.DISCONNECTED);
      if (tunnel.isEmpty()) {
        open.remove(tunnel.key(), tunnel);
      }
    }
  }

  private void record(Admission admission, ConnectionStatus status) {
    try {
      connectionRecords.execute(
          () -> {
            try {
              tunnels.recordConnection(
                  admission.scope(), admission.tunnelId(), admission.mode(), status);
            } catch (RuntimeException e) {
              LOG.warn(
                  "Could not record tunnel {} {} as {}: {}",
                  admission.tunnelId(),
                  admission.mode(),
                  status,
                  e.toString());
            }
          });
    } catch (RejectedExecutionException busy) {
      LOG.warn("Tunnel connection state not recorded: too many waiting");
    }
  }

  private static void refuse(
      ChannelHandlerContext ctx, HttpResponseStatus status, String message, String channelId) {
    DataPlaneResponses.send(
        ctx,
        false,
        status,
        HttpHeaderValues.TEXT_PLAIN,
        (message + "\n").getBytes(StandardCharsets.UTF_8),
        Map.of("channel-id", channelId));
  }

  /** Closes the clients of tunnels whose lifetime ended (read from the clock, so tests move it). */
  private void closeExpired() {
    java.time.Instant now = clock.instant();
    for (RelayTunnel tunnel : open.values()) {
      if (!tunnel.expiresAt().isAfter(now)) {
        tunnel.closeAll();
      }
    }
  }

  /** The number of tunnels with a client on this node. */
  public int openTunnels() {
    return open.size();
  }

  @Override
  public void close() {
    changes.close();
    lifetimes.shutdownNow();
    open.values().forEach(RelayTunnel::closeAll);
    admissions.shutdownNow();
    connectionRecords.shutdown();
    try {
      connectionRecords.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = Executors.defaultThreadFactory().newThread(runnable);
      thread.setName(name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
