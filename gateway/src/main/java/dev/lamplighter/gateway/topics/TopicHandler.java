package dev.lamplighter.gateway.topics;

/**
 * Serves one AWS operation on a reserved topic.
 *
 * <p>Threading: {@link #handle} runs on one of the table's request threads, never on an event loop,
 * and may block on storage; requests of one thing run one at a time, in the order they arrived.
 */
@FunctionalInterface
public interface TopicHandler {

  void handle(TopicRequest request);
}
