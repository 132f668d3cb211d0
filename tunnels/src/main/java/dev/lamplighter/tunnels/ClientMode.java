package dev.lamplighter.tunnels;

/** The two ends of a tunnel: the operator's side (source) and the device's side (destination). */
public enum ClientMode {
  SOURCE,
  DESTINATION;

  /** The value of the relay's {@code local-proxy-mode} query parameter for this mode. */
  public String queryValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
