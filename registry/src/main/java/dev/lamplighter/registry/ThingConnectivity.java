package dev.lamplighter.registry;

import java.util.Objects;

/**
 * A thing's MQTT connectivity as the registry stores it: what AWS IoT fleet indexing shows as the
 * thing's {@code connectivity}, plus the connection it was last told about, which orders late
 * reports.
 *
 * @param connected whether the thing is connected now
 * @param timestamp epoch milliseconds of the last connect or disconnect
 * @param disconnectReason why it last disconnected, named as AWS names disconnect reasons ({@code
 *     CLIENT_INITIATED_DISCONNECT}, {@code CONNECTION_LOST}, …); null while connected
 * @param connection the connection this state is about
 */
public record ThingConnectivity(
    boolean connected, long timestamp, String disconnectReason, MqttConnection connection) {
  public ThingConnectivity {
    Objects.requireNonNull(connection, "connection");
    if (connected && disconnectReason != null) {
      throw new IllegalArgumentException("a connected thing has no disconnect reason");
    }
    if (!connected && (disconnectReason == null || disconnectReason.isBlank())) {
      throw new IllegalArgumentException("a disconnected thing has a disconnect reason");
    }
  }

  /** The state right after {@code connection} was accepted. */
  public static ThingConnectivity connected(MqttConnection connection) {
    return new ThingConnectivity(true, connection.connectedAt(), null, connection);
  }

  /** The state after {@code connection} ended at {@code disconnectedAt} for {@code reason}. */
  public static ThingConnectivity disconnected(
      MqttConnection connection, long disconnectedAt, String reason) {
    return new ThingConnectivity(false, disconnectedAt, reason, connection);
  }
}
