package dev.lamplighter.gateway.dataplane;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.util.function.Supplier;

/**
 * WebSocket frames to the byte stream they carry and back, for the protocols that travel in binary
 * frames only (MQTT, secure tunneling): the content of binary and continuation frames is passed on
 * as bytes, whatever message boundaries it cuts across; pings are answered with their payload;
 * pongs are dropped; a close frame is answered and ends the connection; any other frame (text) is
 * refused; anything that is not a frame (the upgrade's HTTP answer) passes on. Outbound, each
 * buffer becomes one binary frame.
 */
public final class WebSocketBytes extends ChannelDuplexHandler {
  private final Supplier<? extends RuntimeException> textRefusal;

  /** Closes the connection on a text frame. */
  public WebSocketBytes() {
    this(null);
  }

  /**
   * Reports a text frame as {@code textRefusal}'s exception down the pipeline, for a protocol whose
   * handler closes the connection its own way.
   */
  public WebSocketBytes(Supplier<? extends RuntimeException> textRefusal) {
    this.textRefusal = textRefusal;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof BinaryWebSocketFrame || msg instanceof ContinuationWebSocketFrame) {
      ctx.fireChannelRead(((WebSocketFrame) msg).content());
      return;
    }
    if (msg instanceof PingWebSocketFrame ping) {
      ctx.writeAndFlush(new PongWebSocketFrame(ping.content()));
      return;
    }
    if (msg instanceof PongWebSocketFrame pong) {
      pong.release();
      return;
    }
    if (msg instanceof CloseWebSocketFrame close) {
      ctx.writeAndFlush(close).addListener(done -> ctx.close());
      return;
    }
    if (!(msg instanceof WebSocketFrame)) {
      // Before the upgrade completes a client's pipeline still reads the HTTP answer.
      ctx.fireChannelRead(msg);
      return;
    }
    ReferenceCountUtil.release(msg);
    if (textRefusal == null) {
      ctx.close();
    } else {
      ctx.fireExceptionCaught(textRefusal.get());
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof ByteBuf bytes) {
      ctx.write(new BinaryWebSocketFrame(bytes), promise);
      return;
    }
    ctx.write(msg, promise);
  }
}
