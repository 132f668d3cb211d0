package dev.lamplighter.gateway;

import dev.lamplighter.broker.MqttBroker;
import dev.lamplighter.broker.RetainedMessage;
import dev.lamplighter.broker.extension.Message;
import java.util.List;
import java.util.Optional;

/**
 * The operations of {@link MqttBroker} the gateway drives, as an interface so that its parts can be
 * tested without a running broker.
 *
 * <p>Threading: as {@link MqttBroker}: safe from any thread, never blocks on the network.
 */
public interface BrokerHandle {

  /** {@link MqttBroker#publish}. */
  void publish(String namespace, Message message);

  /** {@link MqttBroker#publishTo}. */
  void publishTo(String namespace, String clientId, Message message);

  /** {@link MqttBroker#hasSubscribers}. */
  boolean hasSubscribers(String namespace, String topic);

  /** {@link MqttBroker#retainedMessages}. */
  List<RetainedMessage> retainedMessages(String namespace);

  /** {@link MqttBroker#retainedMessage}. */
  Optional<RetainedMessage> retainedMessage(String namespace, String topic);

  /** {@link MqttBroker#dropForbiddenSubscriptions}. */
  void dropForbiddenSubscriptions(String namespace, String clientId);

  /** {@link MqttBroker#disconnect}. */
  boolean disconnect(
      String namespace, String clientId, boolean discardSession, boolean publishWill);

  /** The handle of a running broker. */
  static BrokerHandle of(MqttBroker broker) {
    return new BrokerHandle() {
      @Override
      public void publish(String namespace, Message message) {
        broker.publish(namespace, message);
      }

      @Override
      public void publishTo(String namespace, String clientId, Message message) {
        broker.publishTo(namespace, clientId, message);
      }

      @Override
      public boolean hasSubscribers(String namespace, String topic) {
        return broker.hasSubscribers(namespace, topic);
      }

      @Override
      public List<RetainedMessage> retainedMessages(String namespace) {
        return broker.retainedMessages(namespace);
      }

      @Override
      public Optional<RetainedMessage> retainedMessage(String namespace, String topic) {
        return broker.retainedMessage(namespace, topic);
      }

      @Override
      public void dropForbiddenSubscriptions(String namespace, String clientId) {
        broker.dropForbiddenSubscriptions(namespace, clientId);
      }

      @Override
      public boolean disconnect(
          String namespace, String clientId, boolean discardSession, boolean publishWill) {
        return broker.disconnect(namespace, clientId, discardSession, publishWill);
      }
    };
  }
}
