package dev.lamplighter.registry;

import dev.lamplighter.core.tenancy.Scope;
import java.util.Optional;

/**
 * Things' MQTT connectivity, reported by the MQTT gateway and read by the fleet index (AWS IoT's
 * {@code connectivity.connected}, {@code connectivity.timestamp}, {@code
 * connectivity.disconnectReason}). As in AWS, only a client whose client id is the name of a thing
 * of the scope has connectivity; reports about other client ids are ignored. A thing's connectivity
 * ends with the thing.
 *
 * <p>Reports may arrive late or twice: each one names the {@link MqttConnection} it is about, and a
 * report about a connection older than the one stored is ignored, as is a report that would not
 * change the stored state (a second connect of the same connection, a disconnect of a connection
 * that is already disconnected).
 *
 * <p>Threading: safe from any thread; blocks on the store, so callers on an event loop hand the
 * call to an executor. Each recorded change is one durable transaction with one change log entry:
 * resource type THING, kind CONNECTED or DISCONNECTED, the {@link ThingConnectivity} as state. The
 * thing's version does not change.
 */
public interface ThingConnectivityService {

  /** The thing's stored connectivity, or empty when it never connected or does not exist. */
  Optional<ThingConnectivity> describe(Scope scope, String thingName);

  /**
   * A connection of the client id {@code thingName} was accepted.
   *
   * @return whether the connectivity changed (false for an unknown thing or a stale report)
   */
  boolean recordConnected(Scope scope, String thingName, MqttConnection connection);

  /**
   * A connection of the client id {@code thingName} ended.
   *
   * @param disconnectedAt epoch milliseconds of the disconnect
   * @param reason AWS's name of the disconnect reason, such as {@code CONNECTION_LOST}
   * @return whether the connectivity changed (false for an unknown thing or a stale report)
   */
  boolean recordDisconnected(
      Scope scope, String thingName, MqttConnection connection, long disconnectedAt, String reason);
}
