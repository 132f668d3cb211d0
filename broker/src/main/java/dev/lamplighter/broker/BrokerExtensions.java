package dev.lamplighter.broker;

import dev.lamplighter.broker.extension.Authenticator;
import dev.lamplighter.broker.extension.LifecycleListener;
import dev.lamplighter.broker.extension.ReservedTopics;
import java.util.Objects;

/** What the embedder plugs into a broker. */
public record BrokerExtensions(
    Authenticator authenticator, ReservedTopics reservedTopics, LifecycleListener lifecycle) {
  public BrokerExtensions {
    Objects.requireNonNull(authenticator, "authenticator");
    Objects.requireNonNull(reservedTopics, "reservedTopics");
    Objects.requireNonNull(lifecycle, "lifecycle");
  }
}
