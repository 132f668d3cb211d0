package dev.lamplighter.gateway.websocket;

import dev.lamplighter.broker.MqttBroker;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.gateway.dataplane.DataPlaneResponses;
import dev.lamplighter.gateway.dataplane.DataPlaneRoute;
import dev.lamplighter.gateway.dataplane.WebSocketBytes;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AWS IoT's MQTT over WebSocket at {@code /mqtt} on the data-plane listener.
 *
 * <p>An upgrade is checked in this order, cheapest first: a GET (else 405) WebSocket upgrade (else
 * 400) offering the {@code mqtt} or {@code mqttv3.1} subprotocol (else 400), then its SigV4
 * query-string signature is verified on a verification thread (it may read the store for the access
 * key): any signature failure (missing, malformed, wrong, expired, unknown key) is 403 with AWS's
 * error type in the body, as AWS IoT answers. A signed upgrade is completed, the listener's HTTP
 * stages give way to {@link WebSocketBytes}, and the connection is handed to the broker with the
 * {@link SignedCaller} as its identity: from its CONNECT on it is served like a TLS device's (same
 * namespaces, sessions, limits, reserved topics, lifecycle events), authenticated by {@link
 * SignedCallers}.
 */
public final class MqttOverWebSocket implements DataPlaneRoute, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MqttOverWebSocket.class);
  static final String PATH = "/mqtt";

  /** The subprotocols offered, preferred first: MQTT 3.1.1 and 5 say mqtt, 3.1 said mqttv3.1. */
  static final List<String> SUBPROTOCOLS = List.of("mqtt", "mqttv3.1");

  private final Supplier<MqttBroker> broker;
  private final UpgradeSignatures signatures;
  private final int maxFrameBytes;
  private final ExecutorService verifications;

  /**
   * @param broker the broker the connections are handed to (asked per upgrade: it starts after the
   *     route is built)
   * @param signatures verifies the upgrades' signatures
   * @param maxPacketBytes the broker's largest MQTT packet, which bounds a WebSocket frame too
   */
  public MqttOverWebSocket(
      Supplier<MqttBroker> broker, UpgradeSignatures signatures, int maxPacketBytes) {
    this.broker = broker;
    this.signatures = signatures;
    // A frame carries at most one whole packet and its fixed header.
    this.maxFrameBytes = maxPacketBytes + 8;
    this.verifications =
        new ThreadPoolExecutor(
            2,
            2,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1_000),
            runnable -> {
              Thread thread = Executors.defaultThreadFactory().newThread(runnable);
              thread.setName("mqtt-ws-verify");
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public boolean serves(String path) {
    return PATH.equals(path);
  }

  @Override
  public void handle(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (!HttpMethod.GET.equals(request.method())) {
      refuse(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, "MQTT over WebSocket is opened with GET");
      return;
    }
    if (!request.headers().containsValue(HttpHeaderNames.UPGRADE, "websocket", true)) {
      refuse(ctx, HttpResponseStatus.BAD_REQUEST, "the request is not a WebSocket upgrade");
      return;
    }
    if (!offersMqtt(request)) {
      refuse(
          ctx,
          HttpResponseStatus.BAD_REQUEST,
          "the upgrade must offer the subprotocol mqtt or mqttv3.1");
      return;
    }
    UpgradeRequest signed = upgradeRequest(request);
    FullHttpRequest retained = request.retainedDuplicate();
    ctx.channel().config().setAutoRead(false);
    CompletableFuture<SignedCaller> verified;
    try {
      verified = CompletableFuture.supplyAsync(() -> signatures.verify(signed), verifications);
    } catch (RejectedExecutionException busy) {
      retained.release();
      ctx.channel().config().setAutoRead(true);
      refuse(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "too many upgrades waiting");
      return;
    }
    verified.whenComplete(
        (caller, failure) ->
            ctx.executor()
                .execute(
                    () -> {
                      try {
                        if (failure == null) {
                          upgrade(ctx, retained, caller);
                        } else {
                          refuseSignature(ctx, unwrapped(failure));
                        }
                      } finally {
                        retained.release();
                      }
                    }));
  }

  private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, SignedCaller caller) {
    Channel channel = ctx.channel();
    MqttBroker target = broker.get();
    if (!channel.isActive()) {
      return;
    }
    if (target == null) {
      ctx.channel().config().setAutoRead(true);
      refuse(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "the broker is not started");
      return;
    }
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory(
                "wss://" + request.headers().get(HttpHeaderNames.HOST, "localhost") + PATH,
                String.join(",", SUBPROTOCOLS),
                false,
                maxFrameBytes)
            .newHandshaker(request);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel);
      return;
    }
    ChannelPipeline pipeline = ctx.pipeline();
    // The broker brings its own idle timer (connect timeout, then keep-alive); file bodies are
    // never written on an MQTT connection.
    pipeline.remove("chunked");
    pipeline.remove("idle");
    handshaker
        .handshake(channel, request)
        .addListener(
            done -> {
              if (!done.isSuccess()) {
                channel.close();
                return;
              }
              pipeline.remove("routes");
              pipeline.addLast("mqtt-frames", new WebSocketBytes());
              target.serve(channel, caller);
              LOG.debug(
                  "[{}] upgraded to MQTT over WebSocket in {} as [{}]",
                  channel.remoteAddress(),
                  caller.scope(),
                  caller.accessKeyId());
            });
  }

  private static boolean offersMqtt(FullHttpRequest request) {
    for (String header : request.headers().getAll(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL)) {
      for (String offered : header.split(",")) {
        if (SUBPROTOCOLS.contains(offered.trim())) {
          return true;
        }
      }
    }
    return false;
  }

  private static UpgradeRequest upgradeRequest(FullHttpRequest request) {
    String uri = request.uri();
    int question = uri.indexOf('?');
    String rawPath = question < 0 ? uri : uri.substring(0, question);
    String rawQuery = question < 0 ? null : uri.substring(question + 1);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (Map.Entry<String, String> header : request.headers()) {
      headers.computeIfAbsent(header.getKey(), k -> new ArrayList<>()).add(header.getValue());
    }
    return new UpgradeRequest(request.method().name(), rawPath, rawQuery, headers);
  }

  private void refuseSignature(ChannelHandlerContext ctx, Throwable failure) {
    ctx.channel().config().setAutoRead(true);
    if (failure instanceof ServiceException refused) {
      LOG.info(
          "Refused an MQTT-over-WebSocket upgrade from {}: {}",
          ctx.channel().remoteAddress(),
          refused.getMessage());
      refuse(
          ctx,
          HttpResponseStatus.FORBIDDEN,
          refused.code().awsType() + ": " + refused.getMessage());
      return;
    }
    LOG.warn("Could not verify an MQTT-over-WebSocket upgrade: {}", String.valueOf(failure));
    refuse(ctx, HttpResponseStatus.SERVICE_UNAVAILABLE, "try again later");
  }

  private static Throwable unwrapped(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  private static void refuse(ChannelHandlerContext ctx, HttpResponseStatus status, String message) {
    DataPlaneResponses.send(
        ctx,
        false,
        status,
        HttpHeaderValues.TEXT_PLAIN,
        (message + "\n").getBytes(StandardCharsets.UTF_8),
        Map.of());
  }

  @Override
  public void close() {
    verifications.shutdownNow();
  }
}
