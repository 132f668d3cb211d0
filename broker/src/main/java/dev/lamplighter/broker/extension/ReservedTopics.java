package dev.lamplighter.broker.extension;

/**
 * Topics the server owns. The broker asks about every client publish (and will) that the
 * connection's {@link ConnectionAuthority} allowed, before it routes it: a handler never sees a
 * publish the client had no right to make.
 *
 * <p>Threading: called on the publishing connection's event loop; implementations decide from
 * memory and hand any work (storage, replies) to their own executor.
 */
@FunctionalInterface
public interface ReservedTopics {

  /**
   * Decides what happens to {@code message}, published by {@code client}; a {@link
   * PublishDisposition#CONSUMED} message is the handler's from here on.
   */
  PublishDisposition onClientPublish(ClientInfo client, Message message);

  /** No reserved topics. */
  static ReservedTopics none() {
    return (client, message) -> PublishDisposition.ROUTE;
  }
}
