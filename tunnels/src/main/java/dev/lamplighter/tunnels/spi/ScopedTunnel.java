package dev.lamplighter.tunnels.spi;

import dev.lamplighter.core.tenancy.Scope;
import java.util.Objects;

/**
 * A tunnel found without its scope being known (by access token or client token), and its scope.
 */
public record ScopedTunnel(Scope scope, StoredTunnel tunnel) {
  public ScopedTunnel {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(tunnel, "tunnel");
  }
}
