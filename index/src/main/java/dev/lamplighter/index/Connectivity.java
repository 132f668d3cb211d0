package dev.lamplighter.index;

/**
 * A thing's connectivity as the fleet index holds it (AWS's ThingConnectivity): reported by the
 * MQTT gateway to the registry, indexed when the scope's thingConnectivityIndexingMode is STATUS; a
 * thing that never connected has none.
 *
 * @param connected whether the thing is connected now
 * @param timestamp epoch milliseconds of the last connect or disconnect
 * @param disconnectReason why it last disconnected, or null
 */
public record Connectivity(boolean connected, long timestamp, String disconnectReason) {}
