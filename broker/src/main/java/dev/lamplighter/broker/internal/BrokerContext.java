package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.BrokerExtensions;
import dev.lamplighter.broker.BrokerSettings;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/** What every connection handler of one broker shares. */
record BrokerContext(
    BrokerSettings settings,
    BrokerExtensions extensions,
    Topics topics,
    SessionRegistry sessions,
    Router router,
    Executor authExecutor,
    Clock clock,
    AtomicLong connectionIds,
    ConnectRateLimiter connectRate) {

  long nowMillis() {
    return clock.millis();
  }

  /** A new, unique id for a connection's lifecycle events. */
  String nextSessionId() {
    return Long.toHexString(clock.millis())
        + "-"
        + Long.toHexString(connectionIds.incrementAndGet());
  }
}
