package dev.lamplighter.gateway.messaging;

import dev.lamplighter.broker.BrokerSettings;
import dev.lamplighter.broker.RetainedMessage;
import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.broker.extension.Message.MessageProperties;
import dev.lamplighter.broker.extension.Message.UserProperty;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.messaging.DeviceMessaging;
import dev.lamplighter.core.messaging.OutgoingMessage;
import dev.lamplighter.core.messaging.RetainedMessageDetails;
import dev.lamplighter.core.messaging.RetainedMessageSummary;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.gateway.BrokerHandle;
import dev.lamplighter.gateway.Namespaces;
import java.time.Clock;
import java.util.List;

/**
 * {@link DeviceMessaging} over the broker: iot-data's Publish, ListRetainedMessages,
 * GetRetainedMessage and DeleteConnection act on the scope's namespace. Retained messages are
 * listed in topic order, paged by the last topic returned.
 *
 * <p>Threading: safe from any thread; never blocks on the network.
 */
public final class BrokerDeviceMessaging implements DeviceMessaging {
  private final BrokerHandle broker;
  private final PublishLimits limits;
  private final Clock clock;

  public BrokerDeviceMessaging(BrokerHandle broker, BrokerSettings settings, Clock clock) {
    this.broker = broker;
    this.limits = new PublishLimits(settings);
    this.clock = clock;
  }

  @Override
  public void publish(Scope scope, OutgoingMessage message) {
    limits.checkPublish(message.topic(), message.qos(), message.payload());
    broker.publish(Namespaces.of(scope), toMessage(message));
  }

  @Override
  public Page<RetainedMessageSummary> retainedMessages(Scope scope, PageRequest page) {
    String after = page.after().orElse(null);
    List<RetainedMessageSummary> fetched =
        broker.retainedMessages(Namespaces.of(scope)).stream()
            .filter(r -> after == null || r.message().topic().compareTo(after) > 0)
            .limit(page.limit() + 1L)
            .map(BrokerDeviceMessaging::summary)
            .toList();
    return Page.fromLookahead(fetched, page.limit(), RetainedMessageSummary::topic);
  }

  @Override
  public RetainedMessageDetails retainedMessage(Scope scope, String topic) {
    limits.checkTopic(topic);
    RetainedMessage retained =
        broker
            .retainedMessage(Namespaces.of(scope), topic)
            .orElseThrow(
                () ->
                    ErrorCode.RESOURCE_NOT_FOUND.exception(
                        "The topic %s has no retained message.", topic));
    Message message = retained.message();
    return new RetainedMessageDetails(
        message.topic(),
        message.payload(),
        message.qos(),
        retained.storedAtMillis(),
        message.properties().userProperties().stream()
            .map(p -> new OutgoingMessage.UserProperty(p.name(), p.value()))
            .toList());
  }

  @Override
  public void deleteConnection(
      Scope scope, String clientId, boolean cleanSession, boolean preventWillMessage) {
    if (!broker.disconnect(Namespaces.of(scope), clientId, cleanSession, !preventWillMessage)) {
      throw ErrorCode.RESOURCE_NOT_FOUND.exception("The client %s is not connected.", clientId);
    }
  }

  private Message toMessage(OutgoingMessage message) {
    long expiresAt =
        message.messageExpirySeconds() > 0
            ? clock.millis() + message.messageExpirySeconds() * 1000
            : 0;
    MessageProperties properties =
        new MessageProperties(
            message.payloadUtf8(),
            message.contentType(),
            message.responseTopic(),
            message.correlationData(),
            message.userProperties().stream()
                .map(p -> new UserProperty(p.name(), p.value()))
                .toList(),
            expiresAt);
    return new Message(
        message.topic(), message.payload(), message.qos(), message.retain(), properties);
  }

  private static RetainedMessageSummary summary(RetainedMessage retained) {
    Message message = retained.message();
    return new RetainedMessageSummary(
        message.topic(), message.payload().length, message.qos(), retained.storedAtMillis());
  }
}
