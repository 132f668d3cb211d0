package dev.lamplighter.gateway.topics;

import dev.lamplighter.broker.extension.ClientInfo;
import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.core.tenancy.Scope;
import java.util.Map;
import java.util.Objects;

/**
 * A client's publish on a reserved topic that a feature serves, as its handler sees it: the client
 * already passed {@code iot:Publish} on the topic.
 *
 * @param scope the account and region of the client's connection
 * @param client the publishing connection
 * @param message what it published
 * @param variables the topic's named levels bound by the row's pattern ({@code thingName}, {@code
 *     jobId}, ...)
 * @param replies publishes the answer
 */
public record TopicRequest(
    Scope scope,
    ClientInfo client,
    Message message,
    Map<String, String> variables,
    ReplyPort replies) {
  public TopicRequest {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(message, "message");
    variables = Map.copyOf(variables);
    Objects.requireNonNull(replies, "replies");
  }

  /** The level the row's pattern names {@code name}. */
  public String variable(String name) {
    String value = variables.get(name);
    if (value == null) {
      throw new IllegalArgumentException("the route binds no topic level named " + name);
    }
    return value;
  }

  /** The request's topic. */
  public String topic() {
    return message.topic();
  }

  /**
   * Sends {@code payload} on {@code topic} to the requesting client alone, at the request's QoS, as
   * AWS IoT answers on {@code …/accepted} and {@code …/rejected}: through the client's subscription
   * to the topic (or at QoS 0 without one), if its policies allow receiving it. Other clients never
   * see replies.
   */
  public void reply(String topic, byte[] payload) {
    replies.publish(topic, payload, message.qos());
  }

  /** Where a request's answers go. */
  @FunctionalInterface
  public interface ReplyPort {
    /** Sends to the requesting client through its session. */
    void publish(String topic, byte[] payload, int qos);
  }
}
