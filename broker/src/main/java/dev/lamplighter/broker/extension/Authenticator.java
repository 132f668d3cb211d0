package dev.lamplighter.broker.extension;

/**
 * Decides whether a connection may open, and with which rights.
 *
 * <p>Threading: called on the broker's authentication executor, never on a connection's event loop,
 * so it may block on storage. Calls for different connections run concurrently.
 */
@FunctionalInterface
public interface Authenticator {

  /**
   * Accepts the connection (naming its namespace and rights) or refuses it with a reason the broker
   * turns into the CONNACK code of the client's protocol version.
   */
  Authentication authenticate(ConnectRequest request);
}
