package dev.lamplighter.broker;

import dev.lamplighter.broker.extension.Message;
import dev.lamplighter.broker.extension.TransportIdentity;
import dev.lamplighter.broker.internal.BrokerEngine;
import io.netty.channel.Channel;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A running MQTT broker: one TLS (or, for embedders' tests, plain TCP) listener, the sessions,
 * subscriptions and retained messages of every namespace, and the handle the embedder publishes
 * through.
 *
 * <p>Threading: every method is safe from any thread and none blocks on the network.
 */
public final class MqttBroker implements AutoCloseable {
  private final BrokerEngine engine;

  private MqttBroker(BrokerEngine engine) {
    this.engine = engine;
  }

  /**
   * Binds the listener and starts serving.
   *
   * @param tls the TLS identity; null only for a plain-TCP broker in tests
   * @param storage where sessions and retained messages survive restarts (the journal is replayed
   *     before the listener binds)
   * @throws IllegalStateException when the port cannot be bound
   */
  public static MqttBroker start(
      BrokerSettings settings,
      BrokerTls tls,
      BrokerExtensions extensions,
      Clock clock,
      BrokerStorage storage) {
    return new MqttBroker(BrokerEngine.start(settings, tls, extensions, clock, storage));
  }

  /**
   * As {@link #start(BrokerSettings, BrokerTls, BrokerExtensions, Clock, BrokerStorage)}, in
   * memory.
   */
  public static MqttBroker start(
      BrokerSettings settings, BrokerTls tls, BrokerExtensions extensions, Clock clock) {
    return start(settings, tls, extensions, clock, BrokerStorage.inMemory());
  }

  /** The port the listener is bound to (the real one when 0 was configured). */
  public int port() {
    return engine.port();
  }

  /**
   * Publishes {@code message} as the server: every subscriber in {@code namespace} whose rights
   * allow receiving it gets it, offline persistent sessions queue it at QoS 1, and a retained
   * message replaces (an empty payload deletes) the topic's retained message. Reserved-topic
   * handlers are not consulted: the server may publish anywhere.
   *
   * @throws IllegalArgumentException for a topic that is not a valid topic name
   */
  public void publish(String namespace, Message message) {
    engine.publish(namespace, message);
  }

  /**
   * Sends {@code message} to one client only, as the server's answer to its request: through the
   * session's own subscription to the topic (its QoS, queued while a persistent session is offline)
   * or, when it has none, at QoS 0 to its live connection, as AWS IoT delivers replies to clients
   * that did not subscribe. The client's rights still decide whether it may receive it. Nobody else
   * gets it; nothing is retained. A client without a session gets nothing.
   *
   * @throws IllegalArgumentException for a topic that is not a valid topic name
   */
  public void publishTo(String namespace, String clientId, Message message) {
    engine.publishTo(namespace, clientId, message);
  }

  /** Whether any session of {@code namespace} holds a subscription matching {@code topic}. */
  public boolean hasSubscribers(String namespace, String topic) {
    return engine.hasSubscribers(namespace, topic);
  }

  /** The retained messages of {@code namespace}, in topic order. */
  public List<RetainedMessage> retainedMessages(String namespace) {
    return engine.retainedMessages(namespace);
  }

  /** The retained message of {@code topic} in {@code namespace}. */
  public Optional<RetainedMessage> retainedMessage(String namespace, String topic) {
    return engine.retainedMessage(namespace, topic);
  }

  /** Whether {@code clientId} has a live connection in {@code namespace}. */
  public boolean isConnected(String namespace, String clientId) {
    return engine.isConnected(namespace, clientId);
  }

  /**
   * Asks the live connection's rights again about each of its subscriptions and removes those it
   * may no longer hold; call after its {@link dev.lamplighter.broker.extension.ConnectionAuthority}
   * changed its answers.
   */
  public void dropForbiddenSubscriptions(String namespace, String clientId) {
    engine.dropForbiddenSubscriptions(namespace, clientId);
  }

  /**
   * Closes the live connection of {@code clientId} (reason SERVER_INITIATED_DISCONNECT).
   *
   * @param discardSession also discard its persistent session
   * @param publishWill whether its will is published
   * @return false when the client had no live connection
   */
  public boolean disconnect(
      String namespace, String clientId, boolean discardSession, boolean publishWill) {
    return engine.disconnect(namespace, clientId, discardSession, publishWill);
  }

  /**
   * Serves MQTT on a connection the embedder accepted on a transport of its own, such as a
   * WebSocket after its upgrade: the broker appends its stages (idle timer, MQTT decoder and
   * encoder with the broker's limits, the connection handler) to {@code channel}'s pipeline, whose
   * last stage must pass MQTT's bytes on as {@link io.netty.buffer.ByteBuf}s and take the broker's
   * {@code ByteBuf}s to the client. From then on the connection is like one of the broker's own:
   * same namespaces, sessions, limits, reserved topics and lifecycle listener, and the {@link
   * dev.lamplighter.broker.extension.Authenticator} decides its CONNECT, with {@code identity} in
   * {@link dev.lamplighter.broker.extension.ConnectRequest#transportIdentity()} and no peer
   * certificates. It is closed with the broker.
   *
   * <p>Threading: any thread; the pipeline is changed on the channel's event loop.
   */
  public void serve(Channel channel, TransportIdentity identity) {
    engine.serve(channel, identity);
  }

  /** Stops accepting connections and closes the live ones. */
  @Override
  public void close() {
    engine.close();
  }
}
