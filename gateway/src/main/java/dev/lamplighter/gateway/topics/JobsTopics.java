package dev.lamplighter.gateway.topics;

/**
 * The Jobs device API over MQTT, as the reserved-topic table calls it: one method per AWS operation
 * on {@code $aws/things/{thingName}/jobs/…}. Each answers on the request topic's {@code /accepted}
 * or {@code /rejected} through {@link TopicRequest#reply}.
 *
 * <p>Threading: the operations run on the table's request threads and may block on storage; {@link
 * #throttled} runs on the broker's event loop and must only reply.
 */
public interface JobsTopics {

  /** GetPendingJobExecutions: {@code $aws/things/{thingName}/jobs/get}. */
  void getPendingJobExecutions(TopicRequest request);

  /** StartNextPendingJobExecution: {@code $aws/things/{thingName}/jobs/start-next}. */
  void startNextPendingJobExecution(TopicRequest request);

  /** DescribeJobExecution: {@code $aws/things/{thingName}/jobs/{jobId}/get}. */
  void describeJobExecution(TopicRequest request);

  /** UpdateJobExecution: {@code $aws/things/{thingName}/jobs/{jobId}/update}. */
  void updateJobExecution(TopicRequest request);

  /** A publish to a jobs topic that maps to no operation: rejected with InvalidTopic. */
  void invalidTopic(TopicRequest request);

  /** A request that found its request thread's queue full: rejected with RequestThrottled. */
  void throttled(TopicRequest request);
}
