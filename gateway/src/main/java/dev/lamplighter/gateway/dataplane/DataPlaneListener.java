package dev.lamplighter.gateway.dataplane;

import dev.lamplighter.broker.BrokerTls;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data-plane HTTPS listener: TLS 1.2 and 1.3 with the server's certificate (the same identity
 * as the MQTT listener, picked up anew when it is renewed), HTTP/1.1, and routes asked in the order
 * given, the first that serves a path answering it. A client certificate is asked for but not
 * required: routes that serve devices by certificate decide for themselves; presigned downloads
 * need none.
 *
 * <p>Pipeline stages, in order: {@code tls}, {@code http}, {@code aggregator} (requests up to 64
 * KB), {@code chunked} (file bodies), {@code idle} (closes a connection silent for a minute),
 * {@code routes}.
 */
public final class DataPlaneListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DataPlaneListener.class);
  private static final int MAX_REQUEST_BYTES = 64 * 1024;
  private static final int IDLE_SECONDS = 60;

  private final EventLoopGroup group;
  private final Channel channel;

  private DataPlaneListener(EventLoopGroup group, Channel channel) {
    this.group = group;
    this.channel = channel;
  }

  /**
   * Binds the listener.
   *
   * @param port the port, or 0 for a free one
   * @throws IllegalStateException when the port cannot be bound
   */
  public static DataPlaneListener start(
      String bindAddress, int port, BrokerTls tls, List<DataPlaneRoute> routes) {
    List<DataPlaneRoute> ordered = List.copyOf(routes);
    TlsContext contexts = new TlsContext(tls);
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    try {
      Channel channel =
          new ServerBootstrap()
              .group(group)
              .channel(NioServerSocketChannel.class)
              .childHandler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) throws SSLException {
                      SslContext context = contexts.current();
                      if (context == null) {
                        ch.close();
                        return;
                      }
                      ch.pipeline()
                          .addLast("tls", context.newHandler(ch.alloc()))
                          .addLast("http", new HttpServerCodec())
                          .addLast("aggregator", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                          .addLast("chunked", new ChunkedWriteHandler())
                          .addLast("idle", new IdleStateHandler(0, 0, IDLE_SECONDS))
                          .addLast("routes", new Routes(ordered));
                    }
                  })
              .bind(new InetSocketAddress(bindAddress, port))
              .syncUninterruptibly()
              .channel();
      DataPlaneListener listener = new DataPlaneListener(group, channel);
      LOG.info("Data plane listening on https://{}:{}", bindAddress, listener.port());
      return listener;
    } catch (RuntimeException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw new IllegalStateException("cannot listen on " + bindAddress + ":" + port, e);
    }
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** Hands each request to the route of its path; answers 404 when none serves it. */
  private static final class Routes extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final List<DataPlaneRoute> routes;

    Routes(List<DataPlaneRoute> routes) {
      this.routes = routes;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      DecoderResult result = request.decoderResult();
      if (result.isFailure()) {
        DataPlaneResponses.error(ctx, null, HttpResponseStatus.BAD_REQUEST, "malformed request");
        return;
      }
      String path = new QueryStringDecoder(request.uri()).path();
      for (DataPlaneRoute route : routes) {
        if (route.serves(path)) {
          route.handle(ctx, request);
          return;
        }
      }
      DataPlaneResponses.error(ctx, request, HttpResponseStatus.NOT_FOUND, "no such path");
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
      if (event instanceof IdleStateEvent) {
        ctx.close();
        return;
      }
      super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug(
          "Data plane connection from {} failed: {}",
          ctx.channel().remoteAddress(),
          cause.toString());
      ctx.close();
    }
  }

  /** The TLS context of the current identity, rebuilt when the certificate is renewed. */
  private static final class TlsContext {
    private static final SslProvider PROVIDER =
        SslProvider.isAlpnSupported(SslProvider.OPENSSL) ? SslProvider.OPENSSL : SslProvider.JDK;

    private final BrokerTls tls;
    private final AtomicReference<Object[]> built = new AtomicReference<>();

    TlsContext(BrokerTls tls) {
      this.tls = tls;
    }

    SslContext current() throws SSLException {
      BrokerTls.Identity identity = tls.identity().get();
      if (identity == null) {
        return null;
      }
      Object[] cached = built.get();
      if (cached != null && cached[0].equals(identity)) {
        return (SslContext) cached[1];
      }
      SslContext context =
          SslContextBuilder.forServer(
                  identity.key(), identity.chain().toArray(X509Certificate[]::new))
              .sslProvider(PROVIDER)
              .protocols("TLSv1.3", "TLSv1.2")
              .clientAuth(ClientAuth.OPTIONAL)
              .trustManager(io.netty.handler.ssl.util.InsecureTrustManagerFactory.INSTANCE)
              .applicationProtocolConfig(
                  new ApplicationProtocolConfig(
                      ApplicationProtocolConfig.Protocol.ALPN,
                      ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                      ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                      ApplicationProtocolNames.HTTP_1_1))
              .build();
      built.set(new Object[] {identity, context});
      return context;
    }
  }
}
