package dev.lamplighter.agent.localproxy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayDeque;
import java.util.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One local TCP connection inside a stream (the handler at the end of its pipeline). Bytes read go
 * to the tunnel as DATA; bytes from the tunnel are written here and flushed when the tunnel's read
 * batch ends. A destination's connection may get bytes before its connect completes; they wait in
 * {@code pending}.
 */
final class LocalConnection extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(LocalConnection.class);

  final Streams owner;
  final ServiceState service;
  final int streamId;
  final int connectionId;
  Channel channel;

  /** Whether this connection's full write buffer holds the tunnel's reads back. */
  boolean blockingTunnel;

  /** Whether it is in the list of connections to flush. */
  boolean dirty;

  private final Queue<ByteBuf> pending = new ArrayDeque<>();
  private boolean closeWhenActive;

  LocalConnection(Streams owner, ServiceState service, int streamId, int connectionId) {
    this.owner = owner;
    this.service = service;
    this.streamId = streamId;
    this.connectionId = connectionId;
  }

  /** Writes bytes from the tunnel (taking them); the caller flushes through {@link Streams}. */
  void write(ByteBuf bytes) {
    if (channel.isActive()) {
      channel.write(bytes, channel.voidPromise());
      owner.markDirty(this);
    } else if (channel.isOpen()) {
      pending.add(bytes);
    } else {
      bytes.release();
    }
  }

  /** Closes the connection once what was written has gone out. */
  void closeAfterWrites() {
    if (channel.isActive()) {
      channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    } else if (channel.isOpen() && !channel.isRegistered()) {
      channel.close();
    } else if (channel.isOpen()) {
      closeWhenActive = true;
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    ByteBuf bytes;
    while ((bytes = pending.poll()) != null) {
      ctx.write(bytes, ctx.voidPromise());
    }
    ctx.flush();
    if (closeWhenActive) {
      ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
    ctx.fireChannelActive();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    owner.sendData(this, (ByteBuf) msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    owner.flushTunnel();
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    owner.localWritabilityChanged(this);
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    owner.localClosed(this);
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    ByteBuf bytes;
    while ((bytes = pending.poll()) != null) {
      bytes.release();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("[{}/{}/{}] local connection failed", service, streamId, connectionId, cause);
    ctx.close();
  }

  @Override
  public String toString() {
    return service + "/" + streamId + "/" + connectionId;
  }
}
