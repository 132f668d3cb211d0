package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.BrokerExtensions;
import dev.lamplighter.broker.BrokerSettings;
import dev.lamplighter.broker.BrokerTls;
import dev.lamplighter.broker.RetainedMessage;
import dev.lamplighter.broker.extension.Message;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Placeholder while the engine is written. */
public final class BrokerEngine {
  public static BrokerEngine start(
      BrokerSettings settings, BrokerTls tls, BrokerExtensions extensions, Clock clock) {
    throw new UnsupportedOperationException("engine not written yet");
  }

  public int port() {
    return 0;
  }

  public void publish(String namespace, Message message) {}

  public List<RetainedMessage> retainedMessages(String namespace) {
    return List.of();
  }

  public Optional<RetainedMessage> retainedMessage(String namespace, String topic) {
    return Optional.empty();
  }

  public boolean isConnected(String namespace, String clientId) {
    return false;
  }

  public boolean disconnect(
      String namespace, String clientId, boolean discardSession, boolean publishWill) {
    return false;
  }

  public void close() {}
}
