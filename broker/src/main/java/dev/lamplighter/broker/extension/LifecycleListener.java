package dev.lamplighter.broker.extension;

import java.util.List;

/**
 * Told about connections and subscriptions as they change.
 *
 * <p>Threading: called on the connection's event loop, in the order things happened for that
 * connection; implementations must not block (hand storage work to an executor).
 */
public interface LifecycleListener {

  /** A connection was accepted (after CONNACK was written). */
  default void connected(ClientInfo client) {}

  /**
   * A connection ended.
   *
   * @param clientInitiated whether the client ended it with DISCONNECT
   */
  default void disconnected(ClientInfo client, DisconnectReason reason, boolean clientInitiated) {}

  /** Subscriptions were granted (only the granted filters, in request order). */
  default void subscribed(ClientInfo client, List<String> topicFilters) {}

  /** Subscriptions were removed at the client's request. */
  default void unsubscribed(ClientInfo client, List<String> topicFilters) {}

  /** Listens to nothing. */
  static LifecycleListener none() {
    return new LifecycleListener() {};
  }
}
