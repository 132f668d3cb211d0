package dev.lamplighter.agent.localproxy;

import io.netty.channel.Channel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One service's stream on one side: its current stream id, its live connections by connection id,
 * and on a source its listener. Touched only on the proxy's event loop.
 */
final class ServiceState {
  final String id;
  final ServiceMapping mapping;
  final Map<Integer, LocalConnection> connections = new LinkedHashMap<>();

  /** The service id written in messages: empty in the V1 format. */
  String wireId;

  /** The current stream, 0 when none. */
  int streamId;

  /** The last stream id a source used, so that the next one is different. */
  int lastStreamId;

  /** The connection id a source gives the next connection of the current stream. */
  int nextConnectionId;

  /** A source's listener, once bound. */
  Channel listener;

  ServiceState(String id, ServiceMapping mapping, String wireId) {
    this.id = id;
    this.mapping = mapping;
    this.wireId = wireId;
  }

  /** The connection a message names; a V2 peer names none and means the stream's first. */
  LocalConnection connection(int connectionId) {
    LocalConnection connection = connections.get(connectionId);
    if (connection == null && connectionId == 0) {
      connection = connections.get(1);
    }
    return connection;
  }

  @Override
  public String toString() {
    return id.isEmpty() ? "(unnamed)" : id;
  }
}
