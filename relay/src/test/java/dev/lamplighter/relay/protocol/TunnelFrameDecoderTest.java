package dev.lamplighter.relay.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.lamplighter.gateway.dataplane.WebSocketBytes;
import dev.lamplighter.relay.protocol.Protobuf.Message;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The byte stream of binary WebSocket frames cut into tunnel frames: WebSocket framing carries no
 * meaning, so frames split across WebSocket frames or packed several in one come out whole.
 */
class TunnelFrameDecoderTest {
  private final EmbeddedChannel channel =
      new EmbeddedChannel(
          new WebSocketBytes(() -> new TunnelProtocolException("text frames are not allowed")),
          new TunnelFrameDecoder());

  private static Message data(int stream, String payload) {
    return Message.newBuilder()
        .setType(Message.Type.DATA)
        .setStreamId(stream)
        .setServiceId("SSH")
        .setConnectionId(1)
        .setPayload(ByteString.copyFrom(payload, StandardCharsets.UTF_8))
        .build();
  }

  private static byte[] bytes(Message message) {
    ByteBuf frame = TunnelFrames.encode(ByteBufAllocator.DEFAULT, message);
    try {
      return ByteBufUtil.getBytes(frame);
    } finally {
      frame.release();
    }
  }

  private List<Message> received() {
    List<Message> messages = new ArrayList<>();
    TunnelFrame frame;
    while ((frame = channel.readInbound()) != null) {
      messages.add(frame.message());
      frame.release();
    }
    return messages;
  }

  @Test
  void serviceIds_encodeAsTheObservedBytes() {
    Message serviceIds =
        Message.newBuilder()
            .setType(Message.Type.SERVICE_IDS)
            .addAvailableServiceIds("SSH1")
            .build();

    assertThat(ByteBufUtil.hexDump(bytes(serviceIds))).isEqualTo("00080805320453534831");
  }

  @Test
  void aFrameSplitAcrossWebSocketFrames_comesOutWhole() {
    byte[] frame = bytes(data(1, "x".repeat(5_000)));

    channel.writeInbound(new BinaryWebSocketFrame(false, 0, Unpooled.wrappedBuffer(frame, 0, 1)));
    channel.writeInbound(
        new ContinuationWebSocketFrame(false, 0, Unpooled.wrappedBuffer(frame, 1, 2_000)));
    assertThat(received()).isEmpty();
    channel.writeInbound(
        new ContinuationWebSocketFrame(
            true, 0, Unpooled.wrappedBuffer(frame, 2_001, frame.length - 2_001)));

    assertThat(received()).containsExactly(data(1, "x".repeat(5_000)));
  }

  @Test
  void severalFramesInOneWebSocketFrame_comeOutInOrder() {
    ByteBuf both = Unpooled.wrappedBuffer(bytes(data(1, "first")), bytes(data(2, "second")));

    channel.writeInbound(new BinaryWebSocketFrame(both));

    assertThat(received()).containsExactly(data(1, "first"), data(2, "second"));
  }

  @Test
  void aZeroLength_isAProtocolError() {
    assertThatThrownBy(
            () ->
                channel.writeInbound(
                    new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {0, 0}))))
        .isInstanceOf(DecoderException.class)
        .hasRootCauseInstanceOf(TunnelProtocolException.class);
  }

  @Test
  void aBodyThatIsNotAMessage_isAProtocolError() {
    byte[] garbage = {0, 3, (byte) 0xff, (byte) 0xff, (byte) 0xff};

    assertThatThrownBy(
            () -> channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(garbage))))
        .isInstanceOf(DecoderException.class)
        .cause()
        .isInstanceOf(TunnelProtocolException.class)
        .hasMessage("a tunnel frame is not a protobuf Message");
  }

  @Test
  void aFieldTheProtocolDoesNotDefine_isAProtocolError() {
    // type DATA (field 1 = 1), then field 9 as a varint.
    byte[] unknownField = {0, 4, 0x08, 0x01, 0x48, 0x01};

    assertThatThrownBy(
            () ->
                channel.writeInbound(
                    new BinaryWebSocketFrame(Unpooled.wrappedBuffer(unknownField))))
        .hasRootCauseMessage("a tunnel frame carries unknown field 9");
  }

  @Test
  void aMessageWithoutType_isAProtocolError() {
    byte[] noType = {0, 2, 0x10, 0x01};

    assertThatThrownBy(
            () -> channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(noType))))
        .hasRootCauseMessage("a tunnel frame has no type");
  }

  @Test
  void aPayloadOver63KiB_isAProtocolError() {
    byte[] frame = bytes(data(1, "x".repeat(TunnelFrames.MAX_PAYLOAD_BYTES + 1)));

    assertThatThrownBy(
            () -> channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(frame))))
        .hasRootCauseInstanceOf(TunnelProtocolException.class);
  }

  @Test
  void textFrames_areRefused() {
    assertThatThrownBy(() -> channel.writeInbound(new TextWebSocketFrame("hello")))
        .isInstanceOf(TunnelProtocolException.class)
        .hasMessage("text frames are not allowed");
  }

  @Test
  void pings_areAnsweredWithTheirPayload() {
    channel.writeInbound(
        new PingWebSocketFrame(Unpooled.copiedBuffer("1700000000000", StandardCharsets.US_ASCII)));

    PongWebSocketFrame pong = channel.readOutbound();
    assertThat(pong.content().toString(StandardCharsets.US_ASCII)).isEqualTo("1700000000000");
    pong.release();
  }

  @Test
  void unknownTypes_areParsed_soTheRelayCanSkipIgnorableOnes() {
    byte[] future = {0, 4, 0x08, 0x09, 0x18, 0x01};

    channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(future)));

    Message message = received().get(0);
    assertThat(TunnelFrames.knownType(message)).isFalse();
    assertThat(message.getIgnorable()).isTrue();
  }
}
