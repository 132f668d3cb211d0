package dev.lamplighter.relay.protocol;

/** A peer broke the tunnel protocol; the connection must be closed. */
public final class TunnelProtocolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TunnelProtocolException(String message) {
    super(message);
  }

  public TunnelProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
