package dev.lamplighter.agent.localproxy;

import com.google.protobuf.UnsafeByteOperations;
import dev.lamplighter.relay.protocol.Protobuf.Message;
import dev.lamplighter.relay.protocol.TunnelFrames;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The streams of one side of the tunnel, and the flow control between the tunnel and the local
 * connections. Everything runs on the proxy's single event loop, so no state here is locked.
 *
 * <p>Flow control: while the tunnel's WebSocket cannot take more (its write buffer is above the
 * high water mark) no local connection is read; while any local connection cannot take more, the
 * tunnel is not read. Writes are batched: DATA goes out when a local read batch ends, and local
 * writes are flushed when the tunnel's read batch ends.
 */
abstract class Streams {
  /** Write buffer limits for the tunnel and for every local connection. */
  static final WriteBufferWaterMark WATER_MARK = new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

  final EventLoop loop;
  final Map<String, ServiceState> services = new LinkedHashMap<>();
  boolean v1Format;
  private Channel tunnel;
  private int blockedLocals;
  private final List<LocalConnection> dirty = new ArrayList<>();

  Streams(EventLoop loop) {
    this.loop = loop;
  }

  /**
   * The tunnel is up and its services are known. Returns when this side is ready for traffic (a
   * source's listeners are bound).
   */
  CompletableFuture<Void> tunnelUp(Channel webSocket, ServiceIds.Resolved resolved) {
    tunnel = webSocket;
    blockedLocals = 0;
    v1Format = resolved.v1Format();
    for (ServiceIds.Service service : resolved.services()) {
      services.computeIfAbsent(
          service.id(), id -> new ServiceState(id, service.mapping(), v1Format ? "" : id));
    }
    return CompletableFuture.completedFuture(null);
  }

  /** The tunnel is gone: every stream ends, every local connection closes. */
  void tunnelDown() {
    tunnel = null;
    closeStreams();
  }

  /** Closes every stream's connections; the services stay. */
  void closeStreams() {
    for (ServiceState service : services.values()) {
      closeConnections(service);
      service.streamId = 0;
    }
  }

  /** Shuts this side down for good. */
  void shutdown() {
    tunnelDown();
  }

  /** A message from the peer, after SERVICE_IDS. */
  abstract void onMessage(Message message);

  /** A local connection ended on its own (not by the peer); tell the peer. */
  abstract void onLocalClosed(LocalConnection connection);

  /** The service a message names; an empty name means the only service. */
  ServiceState service(String wireId) {
    if (wireId.isEmpty()) {
      return services.size() == 1 ? services.values().iterator().next() : null;
    }
    return services.get(wireId);
  }

  // ---- to the tunnel

  boolean tunnelUp() {
    return tunnel != null;
  }

  void send(Message message) {
    if (tunnel != null) {
      tunnel.write(TunnelFrames.encode(tunnel.alloc(), message), tunnel.voidPromise());
    }
  }

  Message control(Message.Type type, ServiceState service, int streamId, int connectionId) {
    return Message.newBuilder()
        .setType(type)
        .setStreamId(streamId)
        .setServiceId(service.wireId)
        .setConnectionId(connectionId)
        .build();
  }

  void flushTunnel() {
    if (tunnel != null) {
      tunnel.flush();
    }
  }

  /** Sends bytes read from a local connection as DATA messages of at most 63 KiB (takes them). */
  void sendData(LocalConnection connection, ByteBuf bytes) {
    try {
      if (tunnel == null
          || connection.service.connections.get(connection.connectionId) != connection) {
        return;
      }
      while (bytes.isReadable()) {
        int length = Math.min(bytes.readableBytes(), TunnelFrames.MAX_PAYLOAD_BYTES);
        Message data =
            Message.newBuilder()
                .setType(Message.Type.DATA)
                .setStreamId(connection.streamId)
                .setServiceId(connection.service.wireId)
                .setConnectionId(connection.connectionId)
                .setPayload(
                    UnsafeByteOperations.unsafeWrap(bytes.nioBuffer(bytes.readerIndex(), length)))
                .build();
        send(data);
        bytes.skipBytes(length);
      }
    } finally {
      bytes.release();
    }
  }

  // ---- from the tunnel

  /** Writes a DATA message's payload to its connection, if it is still there. */
  void deliver(Message data) {
    ServiceState service = service(data.getServiceId());
    if (service == null || service.streamId == 0 || data.getStreamId() != service.streamId) {
      return;
    }
    LocalConnection connection = service.connection(data.getConnectionId());
    if (connection == null || data.getPayload().isEmpty()) {
      return;
    }
    connection.write(
        io.netty.buffer.Unpooled.wrappedBuffer(data.getPayload().asReadOnlyByteBuffer()));
  }

  void markDirty(LocalConnection connection) {
    if (!connection.dirty) {
      connection.dirty = true;
      dirty.add(connection);
    }
  }

  /** Flushes the local connections written since the last flush (end of a tunnel read batch). */
  void flushLocals() {
    for (LocalConnection connection : dirty) {
      connection.dirty = false;
      connection.channel.flush();
    }
    dirty.clear();
  }

  // ---- flow control

  boolean tunnelWritable() {
    return tunnel != null && tunnel.isWritable();
  }

  void tunnelWritabilityChanged() {
    boolean writable = tunnelWritable();
    for (ServiceState service : services.values()) {
      for (LocalConnection connection : service.connections.values()) {
        connection.channel.config().setAutoRead(writable);
      }
    }
  }

  void localWritabilityChanged(LocalConnection connection) {
    boolean blocked = !connection.channel.isWritable();
    if (blocked == connection.blockingTunnel || !isLive(connection)) {
      return;
    }
    connection.blockingTunnel = blocked;
    blockedLocals += blocked ? 1 : -1;
    if (tunnel != null) {
      tunnel.config().setAutoRead(blockedLocals == 0);
    }
  }

  /** Sets up a new local channel: reads only while the tunnel can take them. */
  void configure(Channel channel) {
    channel.config().setOption(ChannelOption.TCP_NODELAY, true);
    channel.config().setWriteBufferWaterMark(WATER_MARK);
    channel.config().setAutoRead(tunnelWritable());
  }

  // ---- connection bookkeeping

  boolean isLive(LocalConnection connection) {
    return connection.service.connections.get(connection.connectionId) == connection;
  }

  /** Forgets a connection; false when it was already forgotten. */
  boolean detach(LocalConnection connection) {
    if (!isLive(connection)) {
      return false;
    }
    connection.service.connections.remove(connection.connectionId);
    if (connection.blockingTunnel) {
      connection.blockingTunnel = false;
      blockedLocals--;
      if (tunnel != null && blockedLocals == 0) {
        tunnel.config().setAutoRead(true);
      }
    }
    return true;
  }

  /** The peer ended this connection: close it after what it sent has been written. */
  void closeByPeer(LocalConnection connection) {
    if (detach(connection)) {
      connection.closeAfterWrites();
    }
  }

  void closeConnections(ServiceState service) {
    for (LocalConnection connection : List.copyOf(service.connections.values())) {
      closeByPeer(connection);
    }
  }

  void localClosed(LocalConnection connection) {
    if (detach(connection)) {
      onLocalClosed(connection);
      flushTunnel();
    }
  }
}
