package dev.lamplighter.registry;

/**
 * One MQTT connection of a client, as the broker that accepted it numbers it. Reports about a
 * client's connections may arrive out of order (the old connection's disconnect after the new
 * connection's connect, when a client id is taken over); the registry keeps the state of the newest
 * connection, newest meaning the later {@code connectedAt}, then the higher {@code version}.
 *
 * @param connectedAt epoch milliseconds at which the broker accepted the connection
 * @param version how many times the client id connected to that broker, this time included (AWS's
 *     {@code versionNumber} of lifecycle events); it restarts with the broker, which is why {@code
 *     connectedAt} comes first
 */
public record MqttConnection(long connectedAt, long version) {}
