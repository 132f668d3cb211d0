package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.extension.ClientInfo;
import dev.lamplighter.broker.extension.DisconnectReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's event log: connects, refusals and disconnects, one line each, on the logger {@code
 * lamplighter.events} so operators can route it apart from diagnostics.
 */
final class EventLog {
  private static final Logger EVENTS = LoggerFactory.getLogger("lamplighter.events");

  private EventLog() {}

  static void connected(ClientInfo client) {
    EVENTS.info(
        "MQTT connected [{}] namespace [{}] principal [{}] from [{}] protocol [{}]",
        client.clientId(),
        client.namespace(),
        client.principal(),
        client.ipAddress(),
        client.protocolVersion());
  }

  static void refused(String clientId, String address, String reason, String detail) {
    EVENTS.info("MQTT refused [{}] from [{}]: {} ({})", clientId, address, reason, detail);
  }

  static void disconnected(ClientInfo client, DisconnectReason reason) {
    EVENTS.info(
        "MQTT disconnected [{}] namespace [{}]: {}", client.clientId(), client.namespace(), reason);
  }

  static void protocolError(String clientId, String address, String what) {
    EVENTS.info("MQTT closed [{}] from [{}]: {}", clientId, address, what);
  }
}
