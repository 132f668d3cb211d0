package dev.lamplighter.tunnels.internal;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.tunnels.DestinationConfig;
import dev.lamplighter.tunnels.TunnelRequest;
import java.util.HashSet;
import java.util.Optional;

/**
 * The checks of OpenTunnel's and RotateTunnelAccessToken's input that the wire model's shapes do
 * not make: the wire layer checks lengths and patterns, the domain the rest (and the count of
 * services again, so that no caller can store more).
 */
final class TunnelChecks {
  /** AWS's limit of services per destination. */
  static final int MAX_SERVICES = 3;

  static final int MIN_LIFETIME_MINUTES = 1;
  static final int MAX_LIFETIME_MINUTES = TunnelRequest.DEFAULT_LIFETIME_MINUTES;

  private TunnelChecks() {}

  static void checkOpen(TunnelRequest request) {
    int lifetime = request.maxLifetimeMinutes();
    if (lifetime < MIN_LIFETIME_MINUTES || lifetime > MAX_LIFETIME_MINUTES) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "maxLifetimeTimeoutMinutes must be between %d and %d.",
          MIN_LIFETIME_MINUTES, MAX_LIFETIME_MINUTES);
    }
    checkDestination(request.destination());
  }

  static void checkDestination(Optional<DestinationConfig> destination) {
    if (destination.isEmpty()) {
      return;
    }
    var services = destination.get().services();
    if (services.size() > MAX_SERVICES) {
      throw ErrorCode.LIMIT_EXCEEDED.exception(
          "A tunnel can carry at most %d services.", MAX_SERVICES);
    }
    if (new HashSet<>(services).size() != services.size()) {
      throw ErrorCode.INVALID_REQUEST.exception("The services of a tunnel must be unique.");
    }
  }
}
