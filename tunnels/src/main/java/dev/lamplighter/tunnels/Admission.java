package dev.lamplighter.tunnels;

import dev.lamplighter.core.tenancy.Scope;
import java.time.Instant;
import java.util.List;

/**
 * A relay client let in: which tunnel and side it is, what the tunnel carries and until when.
 *
 * @param generation the side's token generation: 1 for the tokens OpenTunnel returned, one more
 *     after each rotation of that side; a connection admitted with an older generation than the
 *     tunnel's current one is dropped
 */
public record Admission(
    Scope scope,
    String tunnelId,
    ClientMode mode,
    List<String> services,
    Instant expiresAt,
    int generation) {
  public Admission {
    services = List.copyOf(services);
  }
}
