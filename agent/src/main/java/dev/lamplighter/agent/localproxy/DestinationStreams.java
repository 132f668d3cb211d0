package dev.lamplighter.agent.localproxy;

import dev.lamplighter.relay.protocol.Protobuf.Message;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The destination side: STREAM_START connects to the service's local address (replacing the
 * service's previous stream), CONNECTION_START opens another connection in the stream. A failed
 * connect is answered with CONNECTION_RESET (STREAM_RESET when the peer speaks V1 or V2, which have
 * no connection ids), as is a local connection that closes.
 */
final class DestinationStreams extends Streams {
  private static final Logger LOG = LoggerFactory.getLogger(DestinationStreams.class);

  DestinationStreams(EventLoop loop) {
    super(loop);
  }

  @Override
  void onMessage(Message message) {
    switch (message.getType()) {
      case STREAM_START -> streamStart(message);
      case CONNECTION_START -> connectionStart(message);
      case DATA -> deliver(message);
      case STREAM_RESET -> {
        ServiceState service = current(message);
        if (service != null) {
          LOG.debug("[{}] stream {} reset by the source", service, service.streamId);
          closeConnections(service);
          service.streamId = 0;
        }
      }
      case CONNECTION_RESET -> {
        ServiceState service = current(message);
        if (service != null) {
          LocalConnection connection = service.connection(message.getConnectionId());
          if (connection != null) {
            closeByPeer(connection);
          }
        }
      }
      case SESSION_RESET -> {
        LOG.warn("the relay reset the session; closing every connection");
        closeStreams();
      }
      default ->
          LOG.debug(
              "ignoring a {} message, which a destination does not expect", message.getType());
    }
  }

  /** The service of a stream-scoped message, if the message is for its current stream. */
  private ServiceState current(Message message) {
    ServiceState service = service(message.getServiceId());
    if (service == null || service.streamId == 0 || message.getStreamId() != service.streamId) {
      return null;
    }
    return service;
  }

  private void streamStart(Message message) {
    ServiceState service = service(message.getServiceId());
    if (service == null || message.getStreamId() == 0) {
      LOG.warn(
          "refusing stream {} for unknown service '{}'",
          message.getStreamId(),
          message.getServiceId());
      send(
          Message.newBuilder()
              .setType(Message.Type.STREAM_RESET)
              .setStreamId(message.getStreamId())
              .setServiceId(message.getServiceId())
              .build());
      flushTunnel();
      return;
    }
    if (service.streamId != 0) {
      LOG.debug(
          "[{}] stream {} replaces stream {}", service, message.getStreamId(), service.streamId);
      closeConnections(service);
    }
    service.streamId = message.getStreamId();
    service.wireId = message.getServiceId();
    open(service, message.getConnectionId());
  }

  private void connectionStart(Message message) {
    ServiceState service = current(message);
    if (service == null) {
      return;
    }
    int connectionId = message.getConnectionId();
    if (connectionId == 0 || service.connections.containsKey(connectionId)) {
      send(control(Message.Type.CONNECTION_RESET, service, service.streamId, connectionId));
      flushTunnel();
      return;
    }
    open(service, connectionId);
  }

  private void open(ServiceState service, int connectionId) {
    LocalConnection connection = new LocalConnection(this, service, service.streamId, connectionId);
    service.connections.put(connectionId, connection);
    ChannelFuture connect =
        new Bootstrap()
            .group(loop)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
            .option(ChannelOption.AUTO_READ, tunnelWritable())
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
            .handler(connection)
            .connect(service.mapping.host(), service.mapping.port());
    connection.channel = connect.channel();
    connect.addListener(
        f -> {
          if (f.isSuccess()) {
            LOG.debug("[{}] connection {} opened", service, connection);
            // The tunnel may have stopped being writable while connecting.
            connection.channel.config().setAutoRead(tunnelWritable());
            return;
          }
          LOG.info(
              "[{}] cannot connect to {}:{}: {}",
              service,
              service.mapping.host(),
              service.mapping.port(),
              f.cause().getMessage());
          if (detach(connection)) {
            onLocalClosed(connection);
            flushTunnel();
          }
        });
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
}
