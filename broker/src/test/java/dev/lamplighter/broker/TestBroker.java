package dev.lamplighter.broker;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A broker on a free port for tests, plain TCP unless TLS is given, recording lifecycle calls. The
 * default authenticator accepts everyone into namespace "test" with all rights.
 */
final class TestBroker implements AutoCloseable {
  final List<String> events = new CopyOnWriteArrayList<>();
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
    return request -> Authentication.accepted("test", "tester", ConnectionAuthority.allowAll());
  }

  int port() {
    return broker.port();
  }

  @Override
  public void close() {
    broker.close();
  }
}
