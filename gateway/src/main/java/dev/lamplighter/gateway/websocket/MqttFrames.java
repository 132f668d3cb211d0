package dev.lamplighter.gateway.websocket;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebSocket frames to MQTT's byte stream and back, as MQTT's WebSocket transport defines it: the
 * content of binary (and continuation) frames is passed on as bytes, whatever packet boundaries it
 * cuts across; pings are answered; a close frame is answered and ends the connection; a text frame
 * ends it too (MQTT packets travel in binary frames only). Each buffer the broker writes becomes
 * one binary frame.
 */
final class MqttFrames extends ChannelDuplexHandler {
  private static final Logger LOG = LoggerFactory.getLogger(MqttFrames.class);

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
    ReferenceCountUtil.release(msg);
    LOG.debug("[{}] sent a non-binary WebSocket frame: closed", ctx.channel().remoteAddress());
    ctx.close();
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
