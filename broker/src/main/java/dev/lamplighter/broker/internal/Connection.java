package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.extension.ClientInfo;
import dev.lamplighter.broker.extension.DisconnectReason;
import dev.lamplighter.broker.extension.Message;

/**
 * A live network connection as its session sees it. Implemented by the protocol handler; the
 * session calls it from the session's executor, and implementations hand writes to the channel.
 */
interface Connection {

  ClientInfo info();

  /** Writes CONNACK accepting the connection; always the first thing the session sends. */
  void accepted(boolean sessionPresent);

  /** Whether a message on {@code topic} may be delivered to this client. */
  boolean mayReceive(String topic);

  /** Whether the client may (still) hold a subscription to {@code topicFilter}. */
  boolean maySubscribe(String topicFilter);

  /** Most unacknowledged QoS 1 messages this client accepts at once. */
  int receiveMaximum();

  /**
   * Writes a PUBLISH.
   *
   * @param packetId 0 for QoS 0
   * @param dup whether this is a redelivery
   * @return false when the message was not sent because it is larger than the client accepts (it is
   *     then dropped, and a QoS 1 message needs no acknowledgement)
   */
  boolean deliver(Message message, int packetId, boolean dup);

  /** Writes a SUBACK or UNSUBACK prepared by the handler. */
  void write(Object packet);

  /** Closes the connection for {@code reason}, publishing the will unless told otherwise. */
  void close(DisconnectReason reason, boolean publishWill);
}
