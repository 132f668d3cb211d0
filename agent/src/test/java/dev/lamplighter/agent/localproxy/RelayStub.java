package dev.lamplighter.agent.localproxy;

import dev.lamplighter.gateway.dataplane.WebSocketBytes;
import dev.lamplighter.relay.protocol.Protobuf.Message;
import dev.lamplighter.relay.protocol.TunnelFrame;
import dev.lamplighter.relay.protocol.TunnelFrameDecoder;
import dev.lamplighter.relay.protocol.TunnelFrames;
import dev.lamplighter.testkit.TestCertificate;
import dev.lamplighter.testkit.TestPki;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny relay for tests: TLS with a certificate for {@code localhost} from a generated CA, the
 * WebSocket upgrade on {@code /tunnel}, SERVICE_IDS to each client, and every tunnel frame
 * forwarded unchanged to the other mode's client. It records the messages it forwards and can
 * refuse handshakes or drop a client.
 */
final class RelayStub implements AutoCloseable {
  private static final String SUBPROTOCOLS =
      "aws.iot.securetunneling-3.0,aws.iot.securetunneling-2.0,aws.iot.securetunneling-1.0";

  private final EventLoopGroup group =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final Channel server;
  private final Path caFile;
  private final Map<String, Channel> clients = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> handshakes = new ConcurrentHashMap<>();
  private final Queue<Message> forwarded = new ConcurrentLinkedQueue<>();
  private final Queue<Map<String, String>> requests = new ConcurrentLinkedQueue<>();
  private final Queue<HttpResponseStatus> refusals = new ConcurrentLinkedQueue<>();
  private volatile List<String> sourceServices;
  private volatile List<String> destinationServices;

  RelayStub(Path dir, List<String> services) throws IOException, InterruptedException {
    this.sourceServices = services;
    this.destinationServices = services;
    TestPki pki = new TestPki(Clock.systemUTC());
    TestCertificate certificate =
        pki.rootCa().certificate("CN=localhost").dnsNames("localhost").server().issue();
    caFile = dir.resolve("relay-ca.pem");
    Files.writeString(caFile, pki.rootCa().certificatePem());
    SslContext ssl =
        SslContextBuilder.forServer(certificate.keyPair().getPrivate(), certificate.x509()).build();
    server =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    channel
                        .pipeline()
                        .addLast(ssl.newHandler(channel.alloc()))
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(4096))
                        .addLast(new Upgrade());
                  }
                })
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
  }

  int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** The PEM file of the CA that issued the relay's certificate, for {@code -c}. */
  Path caFile() {
    return caFile;
  }

  /** Answers the next handshakes (of either mode) with these statuses, in order. */
  void refuseNext(HttpResponseStatus... statuses) {
    refusals.addAll(List.of(statuses));
  }

  void services(List<String> source, List<String> destination) {
    this.sourceServices = source;
    this.destinationServices = destination;
  }

  int handshakes(String mode) {
    return handshakes.computeIfAbsent(mode, m -> new AtomicInteger()).get();
  }

  /** The headers of every handshake, lower-case names. */
  Queue<Map<String, String>> requests() {
    return requests;
  }

  /** Every message forwarded from one client to the other, in order. */
  List<Message> forwarded() {
    return List.copyOf(forwarded);
  }

  boolean connected(String mode) {
    Channel channel = clients.get(mode);
    return channel != null && channel.isActive();
  }

  /** Closes a client's connection without a close frame. */
  void drop(String mode) {
    Channel channel = clients.get(mode);
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }

  private final class Upgrade extends ChannelInboundHandlerAdapter {
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      FullHttpRequest request = (FullHttpRequest) msg;
      try {
        String mode =
            new QueryStringDecoder(request.uri())
                .parameters()
                .getOrDefault("local-proxy-mode", List.of(""))
                .get(0);
        handshakes.computeIfAbsent(mode, m -> new AtomicInteger()).incrementAndGet();
        Map<String, String> headers = new ConcurrentHashMap<>();
        request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
        requests.add(headers);
        HttpResponseStatus refusal = refusals.poll();
        if (refusal != null) {
          ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, refusal))
              .addListener(ChannelFutureListener.CLOSE);
          return;
        }
        WebSocketServerHandshaker handshaker =
            new WebSocketServerHandshakerFactory(
                    "wss://localhost/tunnel",
                    SUBPROTOCOLS,
                    false,
                    TunnelFrames.MAX_WEBSOCKET_FRAME_BYTES)
                .newHandshaker(request);
        Channel channel = ctx.channel();
        channel.pipeline().replace(this, "bytes", new WebSocketBytes());
        channel.pipeline().addLast(new TunnelFrameDecoder(), new Forward(mode));
        handshaker.handshake(channel, request);
        Channel previous = clients.put(mode, channel);
        if (previous != null) {
          previous.close();
        }
        List<String> services = mode.equals("source") ? sourceServices : destinationServices;
        channel.writeAndFlush(
            TunnelFrames.encode(
                channel.alloc(),
                Message.newBuilder()
                    .setType(Message.Type.SERVICE_IDS)
                    .addAllAvailableServiceIds(services)
                    .build()));
      } finally {
        request.release();
      }
    }
  }

  private final class Forward extends ChannelInboundHandlerAdapter {
    private final String mode;
    private Channel peer;

    Forward(String mode) {
      this.mode = mode;
    }

    private Channel peer() {
      return clients.get(mode.equals("source") ? "destination" : "source");
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      TunnelFrame frame = (TunnelFrame) msg;
      if (frame.message().getType() != Message.Type.DATA) {
        forwarded.add(frame.message());
      }
      peer = peer();
      if (peer == null || !peer.isActive()) {
        frame.release();
        return;
      }
      peer.write(frame.raw(), peer.voidPromise());
      if (!peer.isWritable() && ctx.channel().config().isAutoRead()) {
        ctx.channel().config().setAutoRead(false);
        Channel self = ctx.channel();
        peer.pipeline()
            .addLast(
                new ChannelInboundHandlerAdapter() {
                  @Override
                  public void channelWritabilityChanged(ChannelHandlerContext peerCtx) {
                    if (peerCtx.channel().isWritable()) {
                      self.config().setAutoRead(true);
                      peerCtx.pipeline().remove(this);
                    }
                    peerCtx.fireChannelWritabilityChanged();
                  }
                });
      }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
      if (peer != null) {
        peer.flush();
      }
    }
  }
}
