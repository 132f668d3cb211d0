package dev.lamplighter.relay.protocol;

import dev.lamplighter.relay.protocol.Protobuf.Message;
import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;

/**
 * One tunnel frame as received: the parsed message and the frame's bytes as they came (length
 * prefix included), so a relay can forward them unchanged.
 *
 * <p>The frame owns one reference to {@code raw}; whoever takes the frame releases it (or passes it
 * on).
 */
public record TunnelFrame(Message message, ByteBuf raw) implements ReferenceCounted {

  @Override
  public int refCnt() {
    return raw.refCnt();
  }

  @Override
  public TunnelFrame retain() {
    raw.retain();
    return this;
  }

  @Override
  public TunnelFrame retain(int increment) {
    raw.retain(increment);
    return this;
  }

  @Override
  public TunnelFrame touch() {
    raw.touch();
    return this;
  }

  @Override
  public TunnelFrame touch(Object hint) {
    raw.touch(hint);
    return this;
  }

  @Override
  public boolean release() {
    return raw.release();
  }

  @Override
  public boolean release(int decrement) {
    return raw.release(decrement);
  }
}
