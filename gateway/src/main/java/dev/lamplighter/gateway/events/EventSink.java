package dev.lamplighter.gateway.events;

import dev.lamplighter.broker.extension.Message;

/** Where event messages go: the broker, as the server, in the connection's namespace. */
@FunctionalInterface
public interface EventSink {

  /** Publishes without blocking. */
  void publish(String namespace, Message message);
}
