package dev.lamplighter.agent.localproxy;

/**
 * Why a local proxy stopped on its own: the relay refused the handshake (4xx), the tunnel's
 * services do not match the proxy's mapping, or the connection dropped with a spent access token.
 */
public final class LocalProxyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status of a refused handshake, or 0. */
  private final int status;

  public LocalProxyException(String message) {
    this(message, 0);
  }

  public LocalProxyException(String message, int status) {
    super(message);
    this.status = status;
  }

  /** The HTTP status the relay answered the handshake with, or 0 when the cause was another. */
  public int status() {
    return status;
  }
}
