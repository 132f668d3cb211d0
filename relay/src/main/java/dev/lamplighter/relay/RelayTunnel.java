package dev.lamplighter.relay;

import dev.lamplighter.relay.protocol.Protobuf.Message;
import dev.lamplighter.relay.protocol.TunnelFrames;
import dev.lamplighter.tunnels.ClientMode;
import dev.lamplighter.tunnels.TunnelLogState;
import io.netty.channel.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One tunnel's clients on this node: at most one channel per side, and the stream each service
 * carries, so that when a side is replaced the other hears that its streams ended.
 *
 * <p>Threading: both sides' event loops use it; the channels are volatile for the per-frame read,
 * every change is synchronized.
 */
final class RelayTunnel {
  private final String key;
  private final Instant expiresAt;
  private volatile Peer source;
  private volatile Peer destination;
  private final Map<String, Integer> streams = new HashMap<>();

  /** A side's channel and the token generation it was admitted with. */
  record Peer(Channel channel, int generation) {}

  RelayTunnel(String key, Instant expiresAt) {
    this.key = key;
    this.expiresAt = expiresAt;
  }

  /** When the tunnel's lifetime ends; rotation does not move it. */
  Instant expiresAt() {
    return expiresAt;
  }

  String key() {
    return key;
  }

  /** The channel of {@code mode}'s side, or null. */
  Channel channel(ClientMode mode) {
    Peer peer = mode == ClientMode.SOURCE ? source : destination;
    return peer == null ? null : peer.channel();
  }

  /**
   * Makes {@code channel} the side's client. A client it replaces is closed, and the other side is
   * told, with a STREAM_RESET per stream, that the streams ended.
   */
  synchronized void attach(ClientMode mode, Channel channel, int generation) {
    Peer replaced = mode == ClientMode.SOURCE ? source : destination;
    Peer attached = new Peer(channel, generation);
    if (mode == ClientMode.SOURCE) {
      source = attached;
    } else {
      destination = attached;
    }
    if (replaced != null) {
      replaced.channel().close();
      resetStreamsTo(channel(other(mode)));
    }
  }

  /**
   * Forgets {@code channel} if it is still its side's client; the streams end with it.
   *
   * @return whether it was
   */
  synchronized boolean detach(ClientMode mode, Channel channel) {
    Peer current = mode == ClientMode.SOURCE ? source : destination;
    if (current == null || current.channel() != channel) {
      return false;
    }
    if (mode == ClientMode.SOURCE) {
      source = null;
    } else {
      destination = null;
    }
    streams.clear();
    Channel remaining = channel(other(mode));
    if (remaining != null) {
      remaining.config().setAutoRead(true);
    }
    return true;
  }

  synchronized boolean isEmpty() {
    return source == null && destination == null;
  }

  synchronized void streamStarted(String serviceId, int streamId) {
    streams.put(serviceId, streamId);
  }

  synchronized void streamReset(String serviceId, int streamId) {
    streams.remove(serviceId, streamId);
  }

  /** Closes both sides. */
  synchronized void closeAll() {
    for (Peer peer : new Peer[] {source, destination}) {
      if (peer != null) {
        peer.channel().close();
      }
    }
  }

  /** Closes the sides whose token was rotated since they were admitted. */
  synchronized void closeRotated(TunnelLogState state) {
    for (ClientMode mode : ClientMode.values()) {
      Peer peer = mode == ClientMode.SOURCE ? source : destination;
      if (peer != null && peer.generation() < state.generation(mode)) {
        peer.channel().close();
      }
    }
  }

  private void resetStreamsTo(Channel channel) {
    if (channel == null) {
      streams.clear();
      return;
    }
    List<Message> resets = new ArrayList<>();
    streams.forEach(
        (service, id) ->
            resets.add(
                Message.newBuilder()
                    .setType(Message.Type.STREAM_RESET)
                    .setStreamId(id)
                    .setServiceId(service)
                    .build()));
    streams.clear();
    for (Message reset : resets) {
      channel.write(TunnelFrames.encode(channel.alloc(), reset));
    }
    channel.flush();
  }

  static ClientMode other(ClientMode mode) {
    return mode == ClientMode.SOURCE ? ClientMode.DESTINATION : ClientMode.SOURCE;
  }
}
