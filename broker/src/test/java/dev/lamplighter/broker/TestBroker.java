package dev.lamplighter.broker;

import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.Mqtt3Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import dev.lamplighter.broker.extension.Authentication;
import dev.lamplighter.broker.extension.Authenticator;
import dev.lamplighter.broker.extension.ClientInfo;
import dev.lamplighter.broker.extension.ConnectionAuthority;
import dev.lamplighter.broker.extension.DisconnectReason;
import dev.lamplighter.broker.extension.LifecycleListener;
import dev.lamplighter.broker.extension.ReservedTopics;
import dev.lamplighter.broker.fuzz.FuzzBroker;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A broker on a free port for tests, plain TCP unless TLS is given, recording lifecycle calls. The
 * default authenticator accepts everyone into namespace "test" with all rights. Clients made with
 * {@link #v3}, {@link #v5} and {@link #raw} are closed with the broker.
 */
final class TestBroker implements AutoCloseable {
  static final String NAMESPACE = "test";

  final List<String> events = new CopyOnWriteArrayList<>();
  final List<ClientInfo> connectedClients = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> clients = new ArrayList<>();
  final MqttBroker broker;

  private TestBroker(
      BrokerSettings settings,
      BrokerTls tls,
      Authenticator authenticator,
      ReservedTopics reserved) {
    LifecycleListener recorder =
        new LifecycleListener() {
          @Override
          public void connected(ClientInfo client) {
            connectedClients.add(client);
            events.add("connected " + client.clientId());
          }

          @Override
          public void disconnected(
              ClientInfo client, DisconnectReason reason, boolean clientInitiated) {
            events.add("disconnected " + client.clientId() + " " + reason);
          }

          @Override
          public void subscribed(ClientInfo client, List<String> topicFilters) {
            events.add("subscribed " + client.clientId() + " " + topicFilters);
          }

          @Override
          public void unsubscribed(ClientInfo client, List<String> topicFilters) {
            events.add("unsubscribed " + client.clientId() + " " + topicFilters);
          }
        };
    broker =
        MqttBroker.start(
            settings,
            tls,
            new BrokerExtensions(authenticator, reserved, recorder),
            Clock.systemUTC());
  }

  static TestBroker plain() {
    return plain(BrokerSettings.awsDefaults(0), allowAll());
  }

  static TestBroker plain(BrokerSettings settings, Authenticator authenticator) {
    return new TestBroker(settings, null, authenticator, ReservedTopics.none());
  }

  static TestBroker plain(Authenticator authenticator) {
    return plain(BrokerSettings.awsDefaults(0), authenticator);
  }

  static TestBroker plain(Authenticator authenticator, ReservedTopics reserved) {
    return new TestBroker(BrokerSettings.awsDefaults(0), null, authenticator, reserved);
  }

  static TestBroker tls(BrokerTls tls, Authenticator authenticator) {
    return new TestBroker(BrokerSettings.awsDefaults(0), tls, authenticator, ReservedTopics.none());
  }

  static TestBroker tls(BrokerSettings settings, BrokerTls tls, Authenticator authenticator) {
    return new TestBroker(settings, tls, authenticator, ReservedTopics.none());
  }

  /** AWS's limits on a free loopback port with the given connect timeout and connect rates. */
  static BrokerSettings settings(
      Duration connectTimeout, int connectsPerSecond, int connectsPerSecondPerClientId) {
    return FuzzBroker.settings(connectTimeout, connectsPerSecond, connectsPerSecondPerClientId);
  }

  static Authenticator allowAll() {
    return request -> Authentication.accepted(NAMESPACE, "tester", ConnectionAuthority.allowAll());
  }

  int port() {
    return broker.port();
  }

  /** A HiveMQ MQTT 3.1.1 client for this (plain) broker, not yet connected. */
  Mqtt3BlockingClient v3(String clientId) {
    Mqtt3BlockingClient client =
        Mqtt3Client.builder()
            .identifier(clientId)
            .serverHost("127.0.0.1")
            .serverPort(port())
            .buildBlocking();
    clients.add(() -> disconnectQuietly(client::disconnect));
    return client;
  }

  /** A HiveMQ MQTT 5 client for this (plain) broker, not yet connected. */
  Mqtt5BlockingClient v5(String clientId) {
    Mqtt5BlockingClient client =
        Mqtt5Client.builder()
            .identifier(clientId)
            .serverHost("127.0.0.1")
            .serverPort(port())
            .buildBlocking();
    clients.add(() -> disconnectQuietly(client::disconnect));
    return client;
  }

  /** A socket that speaks MQTT through Netty's codec and sends whatever bytes the test wants. */
  RawMqttClient raw() {
    RawMqttClient client = RawMqttClient.connect(port());
    clients.add(client);
    return client;
  }

  /** Waits until the lifecycle listener has recorded {@code event}. */
  void awaitEvent(String event) {
    await().atMost(Duration.ofSeconds(5)).until(() -> events.contains(event));
  }

  private static void disconnectQuietly(Runnable disconnect) {
    try {
      disconnect.run();
    } catch (RuntimeException alreadyDisconnected) {
      // The test ended the connection itself.
    }
  }

  @Override
  public void close() {
    for (AutoCloseable client : clients) {
      try {
        client.close();
      } catch (Exception ignored) {
        // Closing what is left; the broker goes next.
      }
    }
    broker.close();
  }
}
