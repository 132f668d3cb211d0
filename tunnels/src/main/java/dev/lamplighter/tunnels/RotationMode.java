package dev.lamplighter.tunnels;

import java.util.EnumSet;
import java.util.Set;

/** Which access tokens RotateTunnelAccessToken replaces. */
public enum RotationMode {
  SOURCE(EnumSet.of(ClientMode.SOURCE)),
  DESTINATION(EnumSet.of(ClientMode.DESTINATION)),
  ALL(EnumSet.allOf(ClientMode.class));

  private final Set<ClientMode> modes;

  RotationMode(Set<ClientMode> modes) {
    this.modes = modes;
  }

  public Set<ClientMode> modes() {
    return EnumSet.copyOf(modes);
  }
}
