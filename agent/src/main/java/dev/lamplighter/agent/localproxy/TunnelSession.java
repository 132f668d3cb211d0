package dev.lamplighter.agent.localproxy;

import dev.lamplighter.relay.protocol.TunnelFrame;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection to the relay, from the HTTP upgrade to the close: sends the upgrade when the
 * channel is up, turns the answer into a {@link LocalProxy} event (refused, unavailable, upgraded),
 * then hands every tunnel frame to the proxy and pings the relay. Decodes and reports only; what to
 * do is the proxy's business.
 */
final class TunnelSession extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(TunnelSession.class);

  private final LocalProxy proxy;
  private final TunnelHandshaker handshaker;
  private final long pingMillis;
  private boolean upgraded;
  private ScheduledFuture<?> ping;

  TunnelSession(LocalProxy proxy, TunnelHandshaker handshaker, long pingMillis) {
    this.proxy = proxy;
    this.handshaker = handshaker;
    this.pingMillis = pingMillis;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    // The TLS handler holds the request back until its handshake is done.
    handshaker.handshake(ctx.channel());
    ctx.fireChannelActive();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof SslHandshakeCompletionEvent tls && !tls.isSuccess()) {
      LOG.warn("TLS handshake with the relay failed: {}", tls.cause().getMessage());
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof TunnelFrame frame) {
      try {
        proxy.frameReceived(ctx.channel(), frame.message());
      } finally {
        frame.release();
      }
      return;
    }
    if (msg instanceof FullHttpResponse response) {
      try {
        upgrade(ctx, response);
      } finally {
        response.release();
      }
      return;
    }
    ctx.fireChannelRead(msg);
  }

  private void upgrade(ChannelHandlerContext ctx, FullHttpResponse response) {
    if (upgraded) {
      return;
    }
    if (!response.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS)) {
      String body = response.content().toString(StandardCharsets.UTF_8);
      proxy.handshakeRefused(ctx.channel(), response.status(), body);
      ctx.close();
      return;
    }
    try {
      handshaker.finishHandshake(ctx.channel(), response);
    } catch (WebSocketHandshakeException e) {
      proxy.handshakeInvalid(ctx.channel(), e.getMessage());
      ctx.close();
      return;
    }
    upgraded = true;
    ping =
        ctx.executor()
            .scheduleAtFixedRate(
                () -> sendPing(ctx), pingMillis, pingMillis, TimeUnit.MILLISECONDS);
    proxy.upgraded(ctx.channel(), handshaker.actualSubprotocol());
  }

  private static void sendPing(ChannelHandlerContext ctx) {
    byte[] clock = Long.toString(System.currentTimeMillis()).getBytes(StandardCharsets.US_ASCII);
    ctx.channel().writeAndFlush(new PingWebSocketFrame(Unpooled.wrappedBuffer(clock)));
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    proxy.readBatchEnded(ctx.channel());
    ctx.fireChannelReadComplete();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    proxy.writabilityChanged(ctx.channel());
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (ping != null) {
      ping.cancel(false);
    }
    proxy.disconnected(ctx.channel(), upgraded);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.warn("connection to the relay failed: {}", String.valueOf(cause.getMessage()));
    LOG.debug("connection to the relay failed", cause);
    ctx.close();
  }
}
