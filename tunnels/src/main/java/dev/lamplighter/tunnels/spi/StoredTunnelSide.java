package dev.lamplighter.tunnels.spi;

import dev.lamplighter.tunnels.ConnectionStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * One side (source or destination) of a stored tunnel: its current access token, kept only as a
 * hash, and its relay connection.
 *
 * @param tokenHash the SHA-256 of the current access token, lower-case hex; unique over all tunnels
 *     and sides
 * @param generation 1 for the token OpenTunnel returned, one more after each rotation of this side
 * @param spent whether the current token admitted a client already
 * @param clientToken the client token the spent token is bound to, or null
 * @param connectionStatus whether a client of this side is connected to the relay
 * @param connectionUpdatedAt when {@code connectionStatus} last changed (the tunnel's creation
 *     until then)
 */
public record StoredTunnelSide(
    String tokenHash,
    int generation,
    boolean spent,
    String clientToken,
    ConnectionStatus connectionStatus,
    Instant connectionUpdatedAt) {
  public StoredTunnelSide {
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(connectionStatus, "connectionStatus");
    Objects.requireNonNull(connectionUpdatedAt, "connectionUpdatedAt");
  }

  /** A fresh, unspent side of generation 1 with nobody connected. */
  public static StoredTunnelSide opened(String tokenHash, Instant at) {
    return new StoredTunnelSide(tokenHash, 1, false, null, ConnectionStatus.DISCONNECTED, at);
  }

  /** This side with a new unspent token of the next generation, bound to no client token. */
  public StoredTunnelSide rotated(String newTokenHash) {
    return new StoredTunnelSide(
        newTokenHash, generation + 1, false, null, connectionStatus, connectionUpdatedAt);
  }

  /** This side with its token spent, bound to {@code boundClientToken} (null for none). */
  public StoredTunnelSide spent(String boundClientToken) {
    return new StoredTunnelSide(
        tokenHash, generation, true, boundClientToken, connectionStatus, connectionUpdatedAt);
  }

  /** This side with another connection status, changed at {@code at}. */
  public StoredTunnelSide connection(ConnectionStatus status, Instant at) {
    return new StoredTunnelSide(tokenHash, generation, spent, clientToken, status, at);
  }
}
