package dev.lamplighter.gateway.topics;

/**
 * The Device Shadow service over MQTT, as the reserved-topic table calls it: get, update and delete
 * of a classic shadow ({@code $aws/things/{thingName}/shadow/…}) or a named one ({@code
 * …/shadow/name/{shadowName}/…}, the route binding {@code shadowName}).
 *
 * <p>Threading: the operations run on the table's request threads and may block on storage; {@link
 * #throttled} runs on the broker's event loop and must only reply.
 */
public interface ShadowTopics {

  /** GetThingShadow: {@code …/get}. */
  void get(TopicRequest request);

  /**
   * UpdateThingShadow: {@code …/update}. Runs on the publishing connection's event loop and must
   * not block: it checks the request and queues it for the store.
   */
  void update(TopicRequest request);

  /** DeleteThingShadow: {@code …/delete}. */
  void delete(TopicRequest request);

  /** A request that found its request thread's queue full: rejected with 429. */
  void throttled(TopicRequest request);
}
