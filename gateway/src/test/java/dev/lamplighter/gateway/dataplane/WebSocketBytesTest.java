package dev.lamplighter.gateway.dataplane;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.Test;

class WebSocketBytesTest {
  private final EmbeddedChannel channel = new EmbeddedChannel(new WebSocketBytes());

  private static ByteBuf bytes(int... values) {
    ByteBuf buffer = Unpooled.buffer();
    for (int value : values) {
      buffer.writeByte(value);
    }
    return buffer;
  }

  @Test
  void binaryAndContinuationFrames_passTheirBytesOn_acrossPacketBoundaries() {
    channel.writeInbound(new BinaryWebSocketFrame(bytes(0xC0)));
    channel.writeInbound(new ContinuationWebSocketFrame(bytes(0x00, 0xC0, 0x00)));

    ByteBuf first = channel.readInbound();
    ByteBuf second = channel.readInbound();
    assertThat(first.readableBytes()).isEqualTo(1);
    assertThat(second.readableBytes()).isEqualTo(3);
    first.release();
    second.release();
  }

  @Test
  void theBrokersBytes_goOutAsOneBinaryFrameEach() {
    channel.writeOutbound(bytes(0xD0, 0x00));

    Object written = channel.readOutbound();
    assertThat(written).isInstanceOf(BinaryWebSocketFrame.class);
    assertThat(((BinaryWebSocketFrame) written).content().readableBytes()).isEqualTo(2);
    ((BinaryWebSocketFrame) written).release();
  }

  @Test
  void ping_isAnsweredWithItsPayload() {
    channel.writeInbound(new PingWebSocketFrame(bytes(7)));

    PongWebSocketFrame pong = channel.readOutbound();
    assertThat(pong.content().getByte(0)).isEqualTo((byte) 7);
    pong.release();
    assertThat((Object) channel.readInbound()).isNull();
  }

  @Test
  void textFrame_closesTheConnection() {
    channel.writeInbound(new TextWebSocketFrame("CONNECT"));

    assertThat(channel.isOpen()).isFalse();
    assertThat((Object) channel.readInbound()).isNull();
  }

  @Test
  void closeFrame_isAnsweredAndClosesTheConnection() {
    channel.writeInbound(new CloseWebSocketFrame(1000, "bye"));

    CloseWebSocketFrame answer = channel.readOutbound();
    assertThat(answer.statusCode()).isEqualTo(1000);
    answer.release();
    channel.runPendingTasks();
    assertThat(channel.isOpen()).isFalse();
  }
}
