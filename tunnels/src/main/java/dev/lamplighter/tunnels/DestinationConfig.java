package dev.lamplighter.tunnels;

import java.util.List;
import java.util.Optional;

/**
 * The device side of a tunnel.
 *
 * @param thingName the thing told of the tunnel on {@code $aws/things/{thing}/tunnels/notify}
 * @param services the services the tunnel carries (at most 3), possibly none
 */
public record DestinationConfig(Optional<String> thingName, List<String> services) {
  public DestinationConfig {
    services = List.copyOf(services);
  }
}
