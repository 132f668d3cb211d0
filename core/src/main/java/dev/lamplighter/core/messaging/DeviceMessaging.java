package dev.lamplighter.core.messaging;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;

/**
 * Messaging with the devices of a scope, as AWS IoT's data plane offers it over HTTP.
 *
 * <p>Threading: safe from any thread; {@link #publish} returns once the message is handed to the
 * broker (routed to the subscribers connected now, queued for offline persistent sessions, and
 * retained when asked).
 */
public interface DeviceMessaging {

  /**
   * Publish: sends a message to the subscribers of its topic, as the server.
   *
   * @throws dev.lamplighter.core.error.ServiceException INVALID_REQUEST for a topic with wildcards,
   *     an empty or too long topic, a QoS other than 0 or 1; REQUEST_TOO_LARGE for a payload over
   *     the limit
   */
  void publish(Scope scope, OutgoingMessage message);

  /** ListRetainedMessages: the retained messages of the scope, by topic. */
  Page<RetainedMessageSummary> retainedMessages(Scope scope, PageRequest page);

  /**
   * GetRetainedMessage.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND when the topic has no
   *     retained message
   */
  RetainedMessageDetails retainedMessage(Scope scope, String topic);

  /**
   * DeleteConnection: closes the connection of {@code clientId}.
   *
   * @param cleanSession also discard the client's persistent session
   * @param preventWillMessage do not publish the client's will
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND when the client is not
   *     connected
   */
  void deleteConnection(
      Scope scope, String clientId, boolean cleanSession, boolean preventWillMessage);
}
