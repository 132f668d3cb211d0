package dev.lamplighter.tunnels;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * OpenTunnel's input, already checked against the wire model's lengths and patterns.
 *
 * @param maxLifetimeMinutes 1–720; the tunnel closes this long after it opened
 */
public record TunnelRequest(
    Optional<String> description,
    Map<String, String> tags,
    Optional<DestinationConfig> destination,
    int maxLifetimeMinutes) {
  /** AWS's default lifetime: 12 hours. */
  public static final int DEFAULT_LIFETIME_MINUTES = 720;

  public TunnelRequest {
    tags = new LinkedHashMap<>(tags);
  }
}
