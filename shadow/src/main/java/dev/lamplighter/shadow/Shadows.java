package dev.lamplighter.shadow;

import dev.lamplighter.registry.Registry;
import dev.lamplighter.shadow.internal.ShadowServiceImpl;
import dev.lamplighter.shadow.spi.ShadowPorts;
import java.time.Clock;

/**
 * The shadow service wired to a store:
 *
 * <pre>{@code
 * ShadowService shadows = Shadows.create(store.shadowPorts(), registry, clock);
 * }</pre>
 */
public final class Shadows {
  private Shadows() {}

  public static ShadowService create(ShadowPorts ports, Registry registry, Clock clock) {
    return new ShadowServiceImpl(ports, registry, clock);
  }
}
