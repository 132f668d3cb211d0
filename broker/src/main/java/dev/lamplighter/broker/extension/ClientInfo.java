package dev.lamplighter.broker.extension;

import java.util.Objects;

/**
 * One live (or just closed) connection, as lifecycle listeners and topic handlers see it.
 *
 * @param namespace the connection's namespace
 * @param clientId the client id
 * @param principal who authenticated (from {@link Authentication.Accepted})
 * @param sessionId unique for this connection
 * @param ipAddress the client's IP address
 * @param protocolVersion the protocol version
 * @param connectedAtMillis when the broker accepted the connection (epoch milliseconds)
 * @param version how many times this client id has connected to this broker, this time included
 */
public record ClientInfo(
    String namespace,
    String clientId,
    String principal,
    String sessionId,
    String ipAddress,
    ProtocolVersion protocolVersion,
    long connectedAtMillis,
    long version) {
  public ClientInfo {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(sessionId, "sessionId");
  }
}
