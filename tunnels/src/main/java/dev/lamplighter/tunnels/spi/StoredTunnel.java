package dev.lamplighter.tunnels.spi;

import dev.lamplighter.tunnels.ClientMode;
import dev.lamplighter.tunnels.DestinationConfig;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A tunnel's row. No token is in it in the clear: each side holds its token's hash.
 *
 * @param tunnelId the tunnel's id
 * @param description the description, or null
 * @param destination the destination config, or null when OpenTunnel was given none
 * @param tags the tags in the order they were first set
 * @param maxLifetimeMinutes the tunnel closes this long after {@code createdAt}
 * @param createdAt when the tunnel was opened
 * @param lastUpdatedAt when it was last written
 * @param closedAt when CloseTunnel closed it, or null while it was not closed
 * @param source the source (operator) side
 * @param destinationSide the destination (device) side
 * @param version the row's version as read: {@link TunnelRepository#update} compares it and stores
 *     one more
 */
public record StoredTunnel(
    String tunnelId,
    String description,
    DestinationConfig destination,
    Map<String, String> tags,
    int maxLifetimeMinutes,
    Instant createdAt,
    Instant lastUpdatedAt,
    Instant closedAt,
    StoredTunnelSide source,
    StoredTunnelSide destinationSide,
    long version) {
  public StoredTunnel {
    Objects.requireNonNull(tunnelId, "tunnelId");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastUpdatedAt, "lastUpdatedAt");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(destinationSide, "destinationSide");
    // Insertion order is what ListTagsForResource shows.
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  /** The side of {@code mode}. */
  public StoredTunnelSide side(ClientMode mode) {
    return mode == ClientMode.SOURCE ? source : destinationSide;
  }

  /** Whether CloseTunnel closed it (its lifetime may have ended without). */
  public boolean closed() {
    return closedAt != null;
  }

  /** When the lifetime ends. */
  public Instant expiresAt() {
    return createdAt.plusSeconds(60L * maxLifetimeMinutes);
  }

  /** Whether it is open at {@code now}: not closed and within its lifetime. */
  public boolean isOpenAt(Instant now) {
    return !closed() && now.isBefore(expiresAt());
  }

  /** This row with {@code mode}'s side replaced, written at {@code at}. */
  public StoredTunnel withSide(ClientMode mode, StoredTunnelSide side, Instant at) {
    return new StoredTunnel(
        tunnelId,
        description,
        destination,
        tags,
        maxLifetimeMinutes,
        createdAt,
        at,
        closedAt,
        mode == ClientMode.SOURCE ? side : source,
        mode == ClientMode.DESTINATION ? side : destinationSide,
        version);
  }

  /** This row with another destination config, written at {@code at}. */
  public StoredTunnel withDestination(DestinationConfig config, Instant at) {
    return new StoredTunnel(
        tunnelId,
        description,
        config,
        tags,
        maxLifetimeMinutes,
        createdAt,
        at,
        closedAt,
        source,
        destinationSide,
        version);
  }

  /** This row with other tags, written at {@code at}. */
  public StoredTunnel withTags(Map<String, String> newTags, Instant at) {
    return new StoredTunnel(
        tunnelId,
        description,
        destination,
        newTags,
        maxLifetimeMinutes,
        createdAt,
        at,
        closedAt,
        source,
        destinationSide,
        version);
  }

  /** This row, closed at {@code at}. */
  public StoredTunnel closedAt(Instant at) {
    return new StoredTunnel(
        tunnelId,
        description,
        destination,
        tags,
        maxLifetimeMinutes,
        createdAt,
        at,
        at,
        source,
        destinationSide,
        version);
  }
}
