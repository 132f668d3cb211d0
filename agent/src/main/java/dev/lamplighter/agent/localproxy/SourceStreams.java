package dev.lamplighter.agent.localproxy;

import dev.lamplighter.relay.protocol.Protobuf.Message;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source side: one listener per service, bound when the tunnel's services are first known and
 * kept across reconnections. The first connection accepted on a service starts a stream
 * (STREAM_START, connection 1); later ones join it (CONNECTION_START, 2, 3, …) until the peer or
 * the relay ends the stream. In the V1 format a stream holds one connection and a second one is
 * refused while the first lives.
 */
final class SourceStreams extends Streams {
  private static final Logger LOG = LoggerFactory.getLogger(SourceStreams.class);

  /** Connections one service may have at once (AWS's local proxy default). */
  static final int MAX_CONNECTIONS_PER_SERVICE = 128;

  private final String bindAddress;
  private final Map<String, Integer> ports = new ConcurrentHashMap<>();

  SourceStreams(EventLoop loop, String bindAddress) {
    super(loop);
    this.bindAddress = bindAddress;
  }

  /** The port a service's listener is bound to (by service id, or "" for an unnamed entry). */
  Integer port(String serviceId) {
    return ports.get(serviceId);
  }

  @Override
  CompletableFuture<Void> tunnelUp(Channel webSocket, ServiceIds.Resolved resolved) {
    super.tunnelUp(webSocket, resolved);
    List<CompletableFuture<Void>> bound = new ArrayList<>();
    for (ServiceState service : services.values()) {
      if (service.listener == null) {
        bound.add(listen(service));
      }
    }
    return CompletableFuture.allOf(bound.toArray(CompletableFuture[]::new));
  }

  private CompletableFuture<Void> listen(ServiceState service) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    ChannelFuture bind =
        new ServerBootstrap()
            .group(loop, loop)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    accepted(service, channel);
                  }
                })
            .bind(bindAddress, service.mapping.port());
    service.listener = bind.channel();
    bind.addListener(
        f -> {
          if (f.isSuccess()) {
            int port = ((InetSocketAddress) bind.channel().localAddress()).getPort();
            ports.put(service.id, port);
            ports.put(service.mapping.serviceId(), port);
            LOG.info("[{}] listening on {}:{}", service, bindAddress, port);
            done.complete(null);
          } else {
            done.completeExceptionally(
                new LocalProxyException(
                    "cannot listen on "
                        + bindAddress
                        + ":"
                        + service.mapping.port()
                        + " for service "
                        + service
                        + ": "
                        + f.cause().getMessage()));
          }
        });
    return done;
  }

  private void accepted(ServiceState service, SocketChannel channel) {
    if (!tunnelUp()) {
      LOG.info("[{}] refusing a connection: the tunnel is not connected", service);
      channel.close();
      return;
    }
    if (service.connections.size() >= (v1Format ? 1 : MAX_CONNECTIONS_PER_SERVICE)) {
      LOG.warn("[{}] refusing a connection: {} already open", service, service.connections.size());
      channel.close();
      return;
    }
    LocalConnection connection;
    if (v1Format || service.streamId == 0) {
      int streamId = service.lastStreamId == Integer.MAX_VALUE ? 1 : service.lastStreamId + 1;
      service.lastStreamId = streamId;
      service.streamId = streamId;
      int connectionId = v1Format ? 0 : 1;
      service.nextConnectionId = 2;
      connection = new LocalConnection(this, service, streamId, connectionId);
      send(control(Message.Type.STREAM_START, service, streamId, connectionId));
    } else {
      int connectionId = service.nextConnectionId++;
      connection = new LocalConnection(this, service, service.streamId, connectionId);
      send(control(Message.Type.CONNECTION_START, service, service.streamId, connectionId));
    }
    flushTunnel();
    connection.channel = channel;
    service.connections.put(connection.connectionId, connection);
    configure(channel);
    channel.pipeline().addLast("local-connection", connection);
    LOG.debug("[{}] connection {} opened", service, connection);
  }

  @Override
  void onMessage(Message message) {
    switch (message.getType()) {
      case DATA -> deliver(message);
      case STREAM_RESET -> {
        ServiceState service = service(message.getServiceId());
        if (service != null && service.streamId != 0 && message.getStreamId() == service.streamId) {
          LOG.debug("[{}] stream {} reset by the destination", service, service.streamId);
          closeConnections(service);
          service.streamId = 0;
        }
      }
      case CONNECTION_RESET -> {
        ServiceState service = service(message.getServiceId());
        if (service != null && service.streamId != 0 && message.getStreamId() == service.streamId) {
          LocalConnection connection = service.connection(message.getConnectionId());
          if (connection != null) {
            LOG.debug("[{}] connection {} reset by the destination", service, connection);
            closeByPeer(connection);
          }
        }
      }
      case SESSION_RESET -> {
        LOG.warn("the relay reset the session; closing every connection");
        closeStreams();
      }
      default ->
          LOG.debug("ignoring a {} message, which a source does not expect", message.getType());
    }
  }

  @Override
  void onLocalClosed(LocalConnection connection) {
    ServiceState service = connection.service;
    if (service.streamId != connection.streamId) {
      return;
    }
    if (connection.connectionId == 0) {
      send(control(Message.Type.STREAM_RESET, service, connection.streamId, 0));
      service.streamId = 0;
    } else {
      send(
          control(
              Message.Type.CONNECTION_RESET,
              service,
              connection.streamId,
              connection.connectionId));
    }
  }

  @Override
  void shutdown() {
    super.shutdown();
    for (ServiceState service : services.values()) {
      if (service.listener != null) {
        service.listener.close();
      }
    }
  }
}
