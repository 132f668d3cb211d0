package dev.lamplighter.tunnels.internal;

import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.tunnels.ConnectionState;
import dev.lamplighter.tunnels.Tunnel;
import dev.lamplighter.tunnels.TunnelLogState;
import dev.lamplighter.tunnels.TunnelStatus;
import dev.lamplighter.tunnels.spi.StoredTunnel;
import dev.lamplighter.tunnels.spi.StoredTunnelSide;
import java.time.Instant;
import java.util.Optional;

/**
 * Stored rows as the API and the change log show them. The status is computed, not stored: a tunnel
 * whose lifetime ended is CLOSED without anybody writing it.
 */
final class TunnelViews {
  private TunnelViews() {}

  static String arn(Scope scope, String tunnelId) {
    return Arn.of(scope, ResourceType.TUNNEL, tunnelId).toString();
  }

  static TunnelStatus status(StoredTunnel row, Instant now) {
    return row.isOpenAt(now) ? TunnelStatus.OPEN : TunnelStatus.CLOSED;
  }

  static Tunnel tunnel(Scope scope, StoredTunnel row, Instant now) {
    return new Tunnel(
        row.tunnelId(),
        arn(scope, row.tunnelId()),
        status(row, now),
        connection(row.source()),
        connection(row.destinationSide()),
        Optional.ofNullable(row.description()),
        Optional.ofNullable(row.destination()),
        row.maxLifetimeMinutes(),
        row.tags(),
        row.createdAt(),
        row.lastUpdatedAt());
  }

  /** What the change log says of a tunnel after a write: no token, nor any hash of one. */
  static TunnelLogState logState(StoredTunnel row, Instant now) {
    return new TunnelLogState(
        status(row, now), row.source().generation(), row.destinationSide().generation());
  }

  private static ConnectionState connection(StoredTunnelSide side) {
    return new ConnectionState(side.connectionStatus(), side.connectionUpdatedAt());
  }
}
