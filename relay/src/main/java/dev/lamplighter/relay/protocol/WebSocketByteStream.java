package dev.lamplighter.relay.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * Turns WebSocket frames into the byte stream they carry and back: binary and continuation frames
 * pass their content on, pings are answered with pongs echoing their payload, pongs are dropped, a
 * close frame closes the connection, and a text frame is a protocol error. Outbound, each buffer
 * becomes one binary frame.
 */
public final class WebSocketByteStream extends ChannelDuplexHandler {

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
      close.release();
      ctx.close();
      return;
    }
    if (msg instanceof TextWebSocketFrame text) {
      text.release();
      ctx.fireExceptionCaught(new TunnelProtocolException("text frames are not allowed"));
      return;
    }
    ctx.fireChannelRead(msg);
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
