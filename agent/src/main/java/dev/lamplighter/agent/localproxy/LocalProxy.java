package dev.lamplighter.agent.localproxy;

import dev.lamplighter.agent.localproxy.LocalProxyConfig.Mode;
import dev.lamplighter.gateway.dataplane.WebSocketBytes;
import dev.lamplighter.relay.protocol.Protobuf.Message;
import dev.lamplighter.relay.protocol.TunnelFrameDecoder;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.ssl.SslContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running local proxy: connects to the relay, waits for the tunnel's SERVICE_IDS, then carries
 * local TCP connections through the tunnel until {@link #close()} or a fatal failure.
 *
 * <p>Life cycle. {@link #start} returns at once; {@link #ready()} completes when the services are
 * known and, for a source, its listeners are bound; {@link #completion()} completes when the proxy
 * has stopped: normally after {@link #close()}, exceptionally with a {@link LocalProxyException}
 * when the relay refused the handshake (4xx, never retried), when the tunnel's services do not
 * match the configuration, or when the connection dropped and no client token allows a new one.
 * Connection failures and 5xx answers are retried every {@link LocalProxyConfig#retryDelay()}.
 *
 * <p>Threading. One event loop thread runs everything: the relay connection, the listeners and
 * every local connection, so the stream state needs no locks. The public methods may be called from
 * any thread.
 */
public final class LocalProxy implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalProxy.class);
  private static final int MAX_HANDSHAKE_RESPONSE_BYTES = 16 * 1024;

  private final LocalProxyConfig config;
  private final SslContext ssl;
  private final EventLoopGroup group;
  private final EventLoop loop;
  private final Streams streams;
  private final URI uri;
  private final CompletableFuture<Void> ready = new CompletableFuture<>();
  private final CompletableFuture<Void> completion = new CompletableFuture<>();

  // Event loop only.
  private Channel tunnel;
  private boolean servicesKnown;
  private ServiceIds.Resolved resolved;
  private volatile boolean stopping;
  private volatile LocalProxyException failure;

  private LocalProxy(LocalProxyConfig config) {
    this.config = config;
    this.ssl = TunnelTrust.clientContext(config.caPath());
    this.uri = uri(config);
    this.group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    this.loop = group.next();
    this.streams =
        config.mode() == Mode.SOURCE
            ? new SourceStreams(loop, config.bindAddress())
            : new DestinationStreams(loop);
  }

  /**
   * Starts a proxy; it connects in the background.
   *
   * @throws IllegalArgumentException when the TLS trust material of {@code -c} is unusable
   */
  public static LocalProxy start(LocalProxyConfig config) {
    LocalProxy proxy = new LocalProxy(config);
    LOG.info("starting the local proxy: {}", config);
    proxy.loop.execute(proxy::connect);
    return proxy;
  }

  /** Completes when the tunnel's services are known and a source's listeners are bound. */
  public CompletableFuture<Void> ready() {
    return ready;
  }

  /** Completes when the proxy has stopped; see the class comment for the failures. */
  public CompletableFuture<Void> completion() {
    return completion;
  }

  public LocalProxyConfig config() {
    return config;
  }

  /**
   * The local port a source listens on for a service, once {@link #ready()}.
   *
   * @param serviceId the service id, or {@code ""} for a single unnamed {@code -s} entry
   * @throws IllegalStateException when this is not a source or the listener is not bound
   */
  public int port(String serviceId) {
    Integer port = streams instanceof SourceStreams source ? source.port(serviceId) : null;
    if (port == null) {
      throw new IllegalStateException("no listener for service '" + serviceId + "'");
    }
    return port;
  }

  /** The port of the only service of a source. */
  public int port() {
    return port(config.services().get(0).serviceId());
  }

  /** Stops the proxy: closes the listeners, the local connections and the relay connection. */
  @Override
  public void close() {
    stop(null);
    group.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  // ---- connecting

  private static URI uri(LocalProxyConfig config) {
    try {
      return new URI(
          "wss",
          null,
          config.endpointHost(),
          config.endpointPort(),
          "/tunnel",
          "local-proxy-mode=" + config.mode().wireName(),
          null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("-e/--proxy-endpoint: " + e.getMessage(), e);
    }
  }

  private void connect() {
    if (stopping) {
      return;
    }
    HttpHeaders headers = new DefaultHttpHeaders();
    headers.set("access-token", config.accessToken());
    if (config.clientToken() != null) {
      headers.set("client-token", config.clientToken());
    }
    headers.set("user-agent", "lamplighter-localproxy");
    TunnelSession session =
        new TunnelSession(
            this, new TunnelHandshaker(uri, headers), config.pingInterval().toMillis());
    ChannelFuture connect =
        new Bootstrap()
            .group(loop)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, Streams.WATER_MARK)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    channel
                        .pipeline()
                        .addLast(
                            "tls",
                            ssl.newHandler(
                                channel.alloc(), config.endpointHost(), config.endpointPort()))
                        .addLast("http", new HttpClientCodec())
                        .addLast(
                            "http-aggregator",
                            new HttpObjectAggregator(MAX_HANDSHAKE_RESPONSE_BYTES))
                        .addLast("websocket-bytes", new WebSocketBytes())
                        .addLast("tunnel-frames", new TunnelFrameDecoder())
                        .addLast("tunnel-session", session);
                  }
                })
            .connect(config.endpointHost(), config.endpointPort());
    tunnel = connect.channel();
    connect.addListener(
        f -> {
          if (!f.isSuccess()) {
            LOG.warn(
                "cannot connect to {}:{}: {}; retrying in {} ms",
                config.endpointHost(),
                config.endpointPort(),
                f.cause().getMessage(),
                config.retryDelay().toMillis());
            retryLater();
          }
        });
  }

  private void retryLater() {
    if (!stopping) {
      loop.schedule(this::connect, config.retryDelay().toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  // ---- events from the relay connection (event loop)

  void handshakeRefused(Channel channel, HttpResponseStatus status, String body) {
    if (status.code() >= 400 && status.code() < 500) {
      LOG.error("the relay refused the connection: {} {}", status, body);
      stop(new LocalProxyException("the relay refused the connection: " + status, status.code()));
      return;
    }
    LOG.warn("the relay answered {}; retrying in {} ms", status, config.retryDelay().toMillis());
  }

  void handshakeInvalid(Channel channel, String reason) {
    LOG.error("the relay's WebSocket upgrade is invalid: {}", reason);
    stop(new LocalProxyException("the relay's WebSocket upgrade is invalid: " + reason));
  }

  void upgraded(Channel channel, String subprotocol) {
    LOG.info(
        "connected to {}:{} as {} ({}); waiting for the tunnel's services",
        config.endpointHost(),
        config.endpointPort(),
        config.mode().wireName(),
        subprotocol);
  }

  void frameReceived(Channel channel, Message message) {
    if (channel != tunnel || stopping) {
      return;
    }
    if (!servicesKnown) {
      if (message.getType() == Message.Type.SERVICE_IDS) {
        servicesReceived(channel, message);
      }
      return;
    }
    if (message.getType() != Message.Type.SERVICE_IDS) {
      streams.onMessage(message);
    }
  }

  private void servicesReceived(Channel channel, Message message) {
    ServiceIds.Resolved now;
    try {
      now = ServiceIds.resolve(config.services(), message.getAvailableServiceIdsList());
    } catch (LocalProxyException e) {
      LOG.error("{}", e.getMessage());
      stop(e);
      return;
    }
    if (resolved != null && !resolved.equals(now)) {
      stop(new LocalProxyException("the tunnel's services changed on reconnection: " + now));
      return;
    }
    resolved = now;
    servicesKnown = true;
    LOG.info("the tunnel's services: {}", message.getAvailableServiceIdsList());
    streams
        .tunnelUp(channel, now)
        .whenComplete(
            (ok, error) -> {
              if (error != null) {
                stop(
                    error instanceof LocalProxyException e
                        ? e
                        : new LocalProxyException(error.getMessage()));
              } else {
                ready.complete(null);
              }
            });
  }

  void readBatchEnded(Channel channel) {
    if (channel == tunnel) {
      streams.flushLocals();
    }
  }

  void writabilityChanged(Channel channel) {
    if (channel == tunnel && servicesKnown) {
      streams.tunnelWritabilityChanged();
    }
  }

  void disconnected(Channel channel, boolean upgraded) {
    if (channel != tunnel) {
      return;
    }
    boolean wasUp = servicesKnown;
    servicesKnown = false;
    tunnel = null;
    streams.tunnelDown();
    if (stopping) {
      return;
    }
    if (upgraded && config.clientToken() == null) {
      stop(
          new LocalProxyException(
              "the connection to the relay closed; without a client token (-i) the access token"
                  + " cannot be used again"));
      return;
    }
    if (upgraded) {
      LOG.warn(
          "the connection to the relay closed{}; reconnecting in {} ms",
          wasUp ? " and every stream ended" : "",
          config.retryDelay().toMillis());
    }
    retryLater();
  }

  // ---- stopping

  private void stop(LocalProxyException cause) {
    synchronized (this) {
      if (stopping) {
        return;
      }
      stopping = true;
      failure = cause;
    }
    if (cause != null) {
      ready.completeExceptionally(cause);
    } else {
      ready.completeExceptionally(new LocalProxyException("the local proxy was closed"));
    }
    try {
      loop.execute(
          () -> {
            streams.shutdown();
            if (tunnel != null) {
              tunnel.close();
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // Already shut down.
    }
    group
        .shutdownGracefully(0, 2, TimeUnit.SECONDS)
        .addListener(
            f -> {
              if (failure != null) {
                completion.completeExceptionally(failure);
              } else {
                completion.complete(null);
              }
            });
  }
}
