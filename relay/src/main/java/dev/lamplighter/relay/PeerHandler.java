package dev.lamplighter.relay;

import dev.lamplighter.relay.protocol.Protobuf.Message;
import dev.lamplighter.relay.protocol.TunnelFrame;
import dev.lamplighter.tunnels.ClientMode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client's end of a tunnel: checks each frame it sends and forwards the frame's bytes, as they
 * came, to the other side's client. When the other side cannot take more, this client is not read
 * until it can (a peer that never reads holds up only its own tunnel); frames for a side that is
 * not connected are dropped, as the protocol allows.
 */
final class PeerHandler extends ChannelInboundHandlerAdapter {
  private static final Logger LOG = LoggerFactory.getLogger(PeerHandler.class);

  private final RelayTunnel tunnel;
  private final ClientMode mode;
  private final ClientMode otherMode;
  private final FrameRules rules;
  private final Runnable onClose;
  private Channel toFlush;

  PeerHandler(RelayTunnel tunnel, ClientMode mode, FrameRules rules, Runnable onClose) {
    this.tunnel = tunnel;
    this.mode = mode;
    this.otherMode = RelayTunnel.other(mode);
    this.rules = rules;
    this.onClose = onClose;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof TunnelFrame frame)) {
      ctx.fireChannelRead(msg);
      return;
    }
    Message message = frame.message();
    boolean forward;
    try {
      forward = rules.check(message);
    } catch (RuntimeException violation) {
      frame.release();
      throw violation;
    }
    if (!forward) {
      frame.release();
      return;
    }
    track(message);
    Channel peer = tunnel.channel(otherMode);
    if (peer == null || !peer.isActive()) {
      frame.release();
      return;
    }
    peer.write(frame.raw(), peer.voidPromise());
    toFlush = peer;
    if (!peer.isWritable()) {
      ctx.channel().config().setAutoRead(false);
      // The peer's event loop may have drained it between the check and the pause, and its
      // writability event then found this client still reading: look again.
      if (peer.isWritable()) {
        ctx.channel().config().setAutoRead(true);
      }
    }
  }

  private void track(Message message) {
    switch (message.getType()) {
      case STREAM_START -> tunnel.streamStarted(message.getServiceId(), message.getStreamId());
      case STREAM_RESET -> tunnel.streamReset(message.getServiceId(), message.getStreamId());
      default -> {}
    }
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    if (toFlush != null) {
      toFlush.flush();
      toFlush = null;
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      Channel peer = tunnel.channel(otherMode);
      if (peer != null) {
        peer.config().setAutoRead(true);
      }
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof IdleStateEvent) {
      LOG.debug("Tunnel {} {} silent too long; closing", tunnel.key(), mode);
      ctx.close();
      return;
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    onClose.run();
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("Tunnel {} {} closed: {}", tunnel.key(), mode, cause.toString());
    ctx.close();
  }
}
