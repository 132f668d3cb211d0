package dev.lamplighter.server;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.messaging.DeviceMessaging;
import dev.lamplighter.core.messaging.OutgoingMessage;
import dev.lamplighter.core.messaging.RetainedMessageDetails;
import dev.lamplighter.core.messaging.RetainedMessageSummary;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;

/**
 * The device-messaging port while the server starts no MQTT broker: every iot-data operation is
 * answered with ServiceUnavailableException. The gateway's implementation replaces it once the
 * broker is wired into the server.
 */
final class BrokerNotRunning implements DeviceMessaging {

  @Override
  public void publish(Scope scope, OutgoingMessage message) {
    throw unavailable();
  }

  @Override
  public Page<RetainedMessageSummary> retainedMessages(Scope scope, PageRequest page) {
    throw unavailable();
  }

  @Override
  public RetainedMessageDetails retainedMessage(Scope scope, String topic) {
    throw unavailable();
  }

  @Override
  public void deleteConnection(
      Scope scope, String clientId, boolean cleanSession, boolean preventWillMessage) {
    throw unavailable();
  }

  private static ServiceException unavailable() {
    return ErrorCode.SERVICE_UNAVAILABLE.exception("The MQTT broker is not running.");
  }
}
