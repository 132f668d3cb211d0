package dev.lamplighter.tunnels;

import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.tunnels.internal.TunnelServiceImpl;
import dev.lamplighter.tunnels.spi.TunnelPorts;
import java.time.Clock;

/**
 * The tunnel service wired to a store:
 *
 * <pre>{@code
 * TunnelService tunnels = Tunnels.create(store.tunnelPorts(), clock, IdSource.secure());
 * }</pre>
 */
public final class Tunnels {
  private Tunnels() {}

  public static TunnelService create(TunnelPorts ports, Clock clock, IdSource ids) {
    return new TunnelServiceImpl(ports, clock, ids);
  }
}
