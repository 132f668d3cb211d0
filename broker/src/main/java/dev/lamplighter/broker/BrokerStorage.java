package dev.lamplighter.broker;

import java.nio.file.Path;

/**
 * Where the broker keeps what must survive a restart: persistent sessions, their subscriptions, the
 * QoS 1 messages owed to them, and retained messages.
 *
 * @param directory the journal's directory (created 0700), or null to keep everything in memory
 * @param forceWrites whether each durable write is also forced to the device (survives a power
 *     loss, not only a killed process)
 */
public record BrokerStorage(Path directory, boolean forceWrites) {

  /** Nothing survives a restart: for tests and embedders that want no files. */
  public static BrokerStorage inMemory() {
    return new BrokerStorage(null, false);
  }

  /** A journal in {@code directory}, written before each acknowledgement. */
  public static BrokerStorage journal(Path directory, boolean forceWrites) {
    return new BrokerStorage(directory, forceWrites);
  }

  public boolean durable() {
    return directory != null;
  }
}
