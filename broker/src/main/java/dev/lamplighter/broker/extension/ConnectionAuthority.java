package dev.lamplighter.broker.extension;

/**
 * The rights of one connection, asked by the broker before it accepts a publish (and a will),
 * grants a subscription, and delivers a message to the connection.
 *
 * <p>Threading: called on the connection's event loop, on every message; implementations must
 * answer from memory without blocking and should cache their decisions.
 */
public interface ConnectionAuthority {

  /** Whether the client may publish on {@code topic} (also asked for its will at connect). */
  boolean mayPublish(String topic);

  /** Whether the client may subscribe to {@code topicFilter} (a {@code $share/…} one included). */
  boolean maySubscribe(String topicFilter);

  /** Whether a message on {@code topic} may be delivered to the client. */
  boolean mayReceive(String topic);

  /**
   * Allows everything: for connections with every right in their namespace, tests, and embedders
   * without access control.
   */
  static ConnectionAuthority allowAll() {
    return AllowAll.INSTANCE;
  }
}

/** {@link ConnectionAuthority#allowAll()}. */
enum AllowAll implements ConnectionAuthority {
  INSTANCE;

  @Override
  public boolean mayPublish(String topic) {
    return true;
  }

  @Override
  public boolean maySubscribe(String topicFilter) {
    return true;
  }

  @Override
  public boolean mayReceive(String topic) {
    return true;
  }
}
