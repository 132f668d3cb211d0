package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.extension.TransportIdentity;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Builds the MQTT listener's pipeline: TLS, flush consolidation, an idle timer (the connect timeout
 * until CONNECT, then 1.5 times the keep-alive), the MQTT decoder with the broker's size limits,
 * the encoder, and the connection handler once TLS has completed. A plain-TCP broker (tests only)
 * skips TLS. A channel the embedder established itself (MQTT over WebSocket) gets the same stages
 * after its own, through {@link #serveEstablished}.
 */
final class MqttChannelInitializer extends ChannelInitializer<SocketChannel> {
  private final BrokerContext broker;
  private final TlsContexts tls;

  MqttChannelInitializer(BrokerContext broker, TlsContexts tls) {
    this.broker = broker;
    this.tls = tls;
  }

  @Override
  protected void initChannel(SocketChannel channel) throws Exception {
    ChannelPipeline pipeline = channel.pipeline();
    addMqttStages(pipeline, broker);
    if (tls == null) {
      pipeline.addLast(
          PipelineNames.CONNECTION,
          new MqttConnectionHandler(
              broker, new PeerIdentity(List.of(), null, channel.remoteAddress())));
      return;
    }
    SslContext context = tls.current();
    if (context == null) {
      channel.close();
      return;
    }
    SslHandler ssl = context.newHandler(channel.alloc());
    ssl.setHandshakeTimeout(broker.settings().connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    pipeline.addFirst(PipelineNames.TLS, ssl);
    pipeline.addLast(PipelineNames.CONNECTION, new AfterHandshake(broker, channel.remoteAddress()));
  }

  /**
   * The stages between the transport and the connection handler: flush consolidation, the idle
   * timer, the MQTT decoder with the broker's size limits, and the encoder.
   */
  static void addMqttStages(ChannelPipeline pipeline, BrokerContext broker) {
    // Writes of one read batch (PUBACKs) or of one burst of deliveries go out with one flush, so
    // TLS seals them into few records and the socket takes them in one system call.
    pipeline.addLast(PipelineNames.FLUSH, new FlushConsolidationHandler(256, true));
    pipeline.addLast(
        PipelineNames.IDLE,
        new IdleStateHandler(
            broker.settings().connectTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
    pipeline.addLast(
        PipelineNames.DECODER,
        new MqttDecoder(broker.settings().maxPacketBytes(), broker.settings().maxClientIdBytes()));
    pipeline.addLast(PipelineNames.ENCODER, MqttEncoder.INSTANCE);
  }

  /**
   * Ends the pipeline of a channel the embedder established (its last stage reads and writes MQTT's
   * bytes) with the MQTT stages and a connection handler carrying {@code identity}. Runs on the
   * channel's event loop.
   */
  static void serveEstablished(Channel channel, BrokerContext broker, TransportIdentity identity) {
    ChannelPipeline pipeline = channel.pipeline();
    addMqttStages(pipeline, broker);
    InetSocketAddress address =
        channel.remoteAddress() instanceof InetSocketAddress inet ? inet : null;
    pipeline.addLast(
        PipelineNames.CONNECTION,
        new MqttConnectionHandler(broker, new PeerIdentity(List.of(), null, address, identity)));
  }

  /** Replaces itself with the connection handler once the handshake names the client. */
  private static final class AfterHandshake extends ChannelInboundHandlerAdapter {
    private final BrokerContext broker;
    private final InetSocketAddress address;

    AfterHandshake(BrokerContext broker, InetSocketAddress address) {
      this.broker = broker;
      this.address = address;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt instanceof SslHandshakeCompletionEvent done) {
        if (!done.isSuccess()) {
          ctx.close();
          return;
        }
        SSLSession session = ctx.pipeline().get(SslHandler.class).engine().getSession();
        ctx.pipeline()
            .replace(
                this,
                PipelineNames.CONNECTION,
                new MqttConnectionHandler(
                    broker, new PeerIdentity(peerChain(session), serverName(session), address)));
        return;
      }
      ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      // TLS failures (no client certificate, plain TCP on the TLS port) end here: close quietly.
      ctx.close();
    }

    private static List<X509Certificate> peerChain(SSLSession session) {
      try {
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : session.getPeerCertificates()) {
          if (certificate instanceof X509Certificate x509) {
            chain.add(x509);
          }
        }
        return chain;
      } catch (SSLPeerUnverifiedException e) {
        return List.of();
      }
    }

    private static String serverName(SSLSession session) {
      if (session instanceof ExtendedSSLSession extended) {
        for (SNIServerName name : extended.getRequestedServerNames()) {
          if (name instanceof SNIHostName host) {
            return host.getAsciiName();
          }
        }
      }
      return null;
    }
  }
}
