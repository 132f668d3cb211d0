package dev.lamplighter.relay.protocol;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import dev.lamplighter.relay.protocol.Protobuf.Message;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Encoding and strict parsing of tunnel frames: a big-endian u16 length, then a {@code Message}.
 */
public final class TunnelFrames {
  /** The length prefix's size. */
  public static final int PREFIX_BYTES = 2;

  /** The largest message body the u16 prefix can announce. */
  public static final int MAX_MESSAGE_BYTES = 65_535;

  /** The largest {@code payload} one DATA message may carry (63 KiB). */
  public static final int MAX_PAYLOAD_BYTES = 64_512;

  /** The largest WebSocket frame payload either side sends or accepts: 2 × (65,536 + 2). */
  public static final int MAX_WEBSOCKET_FRAME_BYTES = 131_076;

  private static final int HIGHEST_FIELD = Message.CONNECTIONID_FIELD_NUMBER;

  private TunnelFrames() {}

  /** The frame of {@code message}: its length prefix and body, in a new buffer. */
  public static ByteBuf encode(ByteBufAllocator alloc, Message message) {
    int size = message.getSerializedSize();
    if (size > MAX_MESSAGE_BYTES) {
      throw new IllegalArgumentException("a tunnel message holds at most 65535 bytes: " + size);
    }
    ByteBuf out = alloc.buffer(PREFIX_BYTES + size);
    out.writeShort(size);
    try (ByteBufOutputStream stream = new ByteBufOutputStream(out)) {
      message.writeTo(stream);
    } catch (IOException e) {
      out.release();
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Parses one message body, refusing what the protocol forbids in any frame: fields it does not
   * define, a zero type, a payload over {@link #MAX_PAYLOAD_BYTES}.
   *
   * @throws TunnelProtocolException when the body is not such a message
   */
  public static Message parse(ByteBuffer body) {
    checkFieldNumbers(body.duplicate());
    Message message;
    try {
      message = Message.parseFrom(body);
    } catch (InvalidProtocolBufferException e) {
      throw new TunnelProtocolException("a tunnel frame is not a protobuf Message", e);
    }
    if (message.getTypeValue() == Message.Type.UNKNOWN_VALUE) {
      throw new TunnelProtocolException("a tunnel frame has no type");
    }
    if (message.getPayload().size() > MAX_PAYLOAD_BYTES) {
      throw new TunnelProtocolException(
          "a tunnel frame's payload is over " + MAX_PAYLOAD_BYTES + " bytes");
    }
    return message;
  }

  /** Whether {@code message}'s type is one this protocol version knows. */
  public static boolean knownType(Message message) {
    return message.getType() != Message.Type.UNRECOGNIZED;
  }

  private static void checkFieldNumbers(ByteBuffer body) {
    CodedInputStream input = CodedInputStream.newInstance(body);
    try {
      int tag;
      while ((tag = input.readTag()) != 0) {
        int field = WireFormat.getTagFieldNumber(tag);
        if (field < 1 || field > HIGHEST_FIELD) {
          throw new TunnelProtocolException("a tunnel frame carries unknown field " + field);
        }
        input.skipField(tag);
      }
    } catch (IOException e) {
      throw new TunnelProtocolException("a tunnel frame is not a protobuf Message", e);
    }
  }
}
