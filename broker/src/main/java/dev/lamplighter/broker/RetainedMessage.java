package dev.lamplighter.broker;

import dev.lamplighter.broker.extension.Message;
import java.util.Objects;

/**
 * A topic's retained message.
 *
 * @param message the message, retain flag set
 * @param storedAtMillis when it was retained (epoch milliseconds)
 */
public record RetainedMessage(Message message, long storedAtMillis) {
  public RetainedMessage {
    Objects.requireNonNull(message, "message");
  }
}
