package dev.lamplighter.relay.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the byte stream of one direction into {@link TunnelFrame}s, whatever WebSocket framing
 * carried it: a frame may arrive in pieces or several in one read.
 */
public final class TunnelFrameDecoder extends ByteToMessageDecoder {

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    while (in.readableBytes() >= TunnelFrames.PREFIX_BYTES) {
      int length = in.getUnsignedShort(in.readerIndex());
      if (length == 0) {
        throw new TunnelProtocolException("a tunnel frame has no body");
      }
      if (in.readableBytes() < TunnelFrames.PREFIX_BYTES + length) {
        return;
      }
      ByteBuf raw = in.readRetainedSlice(TunnelFrames.PREFIX_BYTES + length);
      try {
        out.add(
            new TunnelFrame(
                TunnelFrames.parse(raw.nioBuffer(TunnelFrames.PREFIX_BYTES, length)), raw));
      } catch (RuntimeException e) {
        raw.release();
        throw e;
      }
    }
  }
}
