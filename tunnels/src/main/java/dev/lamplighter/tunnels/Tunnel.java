package dev.lamplighter.tunnels;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A tunnel as DescribeTunnel and ListTunnels show it. {@code status} is CLOSED once CloseTunnel was
 * called or the lifetime ended, whichever came first.
 */
public record Tunnel(
    String tunnelId,
    String tunnelArn,
    TunnelStatus status,
    ConnectionState sourceConnection,
    ConnectionState destinationConnection,
    Optional<String> description,
    Optional<DestinationConfig> destination,
    int maxLifetimeMinutes,
    Map<String, String> tags,
    Instant createdAt,
    Instant lastUpdatedAt) {

  /** When the lifetime ends: {@code maxLifetimeMinutes} after the tunnel opened. */
  public Instant expiresAt() {
    return createdAt.plusSeconds(60L * maxLifetimeMinutes);
  }
}
