package dev.lamplighter.broker.internal;

import dev.lamplighter.broker.extension.LifecycleListener;
import dev.lamplighter.broker.extension.ProtocolVersion;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A connection's SUBSCRIBE and UNSUBSCRIBE packets. Each filter is checked (syntax, the
 * connection's rights, the subscription limit) on the event loop; the session then records the
 * granted ones, writes the SUBACK and sends matching retained messages, in that order, on its own
 * executor. Requested QoS 2 is granted as QoS 1, as AWS IoT does.
 */
final class SubscribeHandling {
  private static final int V3_FAILURE = 0x80;

  private final MqttConnectionHandler connection;
  private final BrokerContext broker;
  private final boolean v5;

  SubscribeHandling(
      MqttConnectionHandler connection, BrokerContext broker, ConnectSettings connect) {
    this.connection = connection;
    this.broker = broker;
    this.v5 = connect.version() == ProtocolVersion.MQTT_5;
  }

  void onSubscribe(MqttSubscribeMessage packet) {
    int packetId = packet.variableHeader().messageId();
    List<MqttTopicSubscription> requested = packet.payload().topicSubscriptions();
    List<Integer> codes = new ArrayList<>(requested.size());
    List<Subscription> granted = new ArrayList<>(requested.size());
    for (MqttTopicSubscription request : requested) {
      String filter = request.topicFilter();
      int code;
      if (broker.topics().checkFilter(filter) != null) {
        code = v5 ? MqttReasonCodes.SubAck.TOPIC_FILTER_INVALID.byteValue() & 0xFF : V3_FAILURE;
      } else if (!connection.authority().maySubscribe(filter)) {
        code = v5 ? MqttReasonCodes.SubAck.NOT_AUTHORIZED.byteValue() & 0xFF : V3_FAILURE;
      } else {
        int qos = Math.min(1, request.qualityOfService().value());
        granted.add(
            Subscription.of(
                filter,
                qos,
                v5 && request.option().isNoLocal(),
                v5 && request.option().isRetainAsPublished(),
                v5 ? request.option().retainHandling().value() : 0));
        code = qos;
      }
      codes.add(code);
    }
    Session session = connection.session();
    String namespace = connection.clientInfo().namespace();
    int limit = broker.settings().maxSubscriptionsPerConnection();
    session.run(
        () -> {
          List<Subscription> accepted = new ArrayList<>(granted.size());
          int grantedIndex = 0;
          int count = session.subscriptionCount();
          for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i) > 1) {
              continue;
            }
            Subscription subscription = granted.get(grantedIndex++);
            if (!session.hasSubscription(subscription.filter()) && count >= limit) {
              codes.set(
                  i, v5 ? MqttReasonCodes.SubAck.QUOTA_EXCEEDED.byteValue() & 0xFF : V3_FAILURE);
              continue;
            }
            if (!session.hasSubscription(subscription.filter())) {
              count++;
            }
            accepted.add(subscription);
          }
          List<Boolean> isNew = session.subscribe(accepted);
          connection.write(Packets.suback(packetId, codes));
          for (int i = 0; i < accepted.size(); i++) {
            broker.router().sendRetained(namespace, session, accepted.get(i), isNew.get(i));
          }
          if (!accepted.isEmpty()) {
            List<String> filters = accepted.stream().map(Subscription::filter).toList();
            tellLifecycle(listener -> listener.subscribed(connection.clientInfo(), filters));
          }
        });
  }

  void onUnsubscribe(MqttUnsubscribeMessage packet) {
    int packetId = packet.variableHeader().messageId();
    List<String> filters = packet.payload().topics();
    Session session = connection.session();
    session.run(
        () -> {
          List<Short> codes = new ArrayList<>(filters.size());
          List<String> removed = new ArrayList<>(filters.size());
          for (String filter : filters) {
            boolean existed = session.unsubscribe(filter);
            codes.add(
                existed
                    ? 0
                    : (short)
                        (MqttReasonCodes.UnsubAck.NO_SUBSCRIPTION_EXISTED.byteValue() & 0xFF));
            if (existed) {
              removed.add(filter);
            }
          }
          connection.write(Packets.unsuback(packetId, codes, v5));
          if (!removed.isEmpty()) {
            tellLifecycle(listener -> listener.unsubscribed(connection.clientInfo(), removed));
          }
        });
  }

  /** Tells the lifecycle listener on the connection's event loop, as its contract promises. */
  private void tellLifecycle(Consumer<LifecycleListener> call) {
    connection.context().executor().execute(() -> call.accept(broker.extensions().lifecycle()));
  }
}
