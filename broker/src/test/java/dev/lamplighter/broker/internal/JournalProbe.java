package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.BrokerStorage;
import dev.lamplighter.broker.extension.Message;
import java.nio.file.Path;
import java.util.List;

/**
 * The journal's append path for benchmarks outside the broker module (published in the broker's
 * test jar): what the router does for a QoS 1 message owed to one persistent session.
 */
public final class JournalProbe implements AutoCloseable {
  private final Journal journal;

  private JournalProbe(Journal journal) {
    this.journal = journal;
  }

  /** A journal in {@code directory}, forcing each durable write to the device when asked. */
  public static JournalProbe open(Path directory, boolean forceWrites) {
    return new JournalProbe(
        Journal.open(BrokerStorage.journal(directory, forceWrites), System.currentTimeMillis())
            .journal());
  }

  /** Journals {@code message} as owed to {@code clientId}; returns its id. */
  public long appendMessage(String namespace, Message message, String clientId) {
    return journal.appendMessage(namespace, message, List.of(clientId));
  }

  @Override
  public void close() {
    journal.close();
  }
}
