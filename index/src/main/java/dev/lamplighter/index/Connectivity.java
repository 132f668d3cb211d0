package dev.lamplighter.index;

/**
 * A thing's connectivity as the fleet index holds it (AWS's ThingConnectivity): filled by the MQTT
 * broker; a thing that never connected has none.
 *
 * @param connected whether the thing is connected now
 * @param timestamp epoch milliseconds of the last connect or disconnect
 * @param disconnectReason why it last disconnected, or null
 */
public record Connectivity(boolean connected, long timestamp, String disconnectReason) {}
