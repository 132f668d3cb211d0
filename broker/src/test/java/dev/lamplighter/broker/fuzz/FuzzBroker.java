package dev.lamplighter.broker.fuzz;

import dev.lamplighter.broker.BrokerExtensions;
import dev.lamplighter.broker.BrokerSettings;
import dev.lamplighter.broker.MqttBroker;
import dev.lamplighter.broker.extension.Authentication;
import dev.lamplighter.broker.extension.ConnectionAuthority;
import dev.lamplighter.broker.extension.LifecycleListener;
import dev.lamplighter.broker.extension.ReservedTopics;
import java.time.Clock;
import java.time.Duration;

/**
 * The broker a fuzz run targets: plain TCP on a free loopback port, everyone accepted with all
 * rights, AWS's limits except a short connect timeout and connect rates high enough that the
 * fuzzer's reconnects reach the connected state rather than the throttle.
 */
public final class FuzzBroker {
  private FuzzBroker() {}

  /** AWS defaults on a free port with {@code connectTimeout} and the given connect rates. */
  public static BrokerSettings settings(
      Duration connectTimeout, int connectsPerSecond, int connectsPerSecondPerClientId) {
    BrokerSettings aws = BrokerSettings.awsDefaults(0);
    return new BrokerSettings(
        "127.0.0.1",
        0,
        aws.maxPayloadBytes(),
        aws.maxTopicBytes(),
        aws.maxTopicSlashes(),
        aws.maxClientIdBytes(),
        aws.maxSubscriptionsPerConnection(),
        aws.maxInflightMessages(),
        aws.maxPublishesPerSecond(),
        aws.minKeepAlive(),
        aws.maxKeepAlive(),
        aws.sessionExpiry(),
        aws.maxQueuedMessages(),
        connectTimeout,
        connectsPerSecond,
        connectsPerSecondPerClientId);
  }

  /** Starts the fuzz target with {@code connectTimeout}. */
  public static MqttBroker start(Duration connectTimeout) {
    return MqttBroker.start(
        settings(connectTimeout, 1_000_000, 1_000_000),
        null,
        new BrokerExtensions(
            request -> Authentication.accepted("fuzz", "fuzzer", ConnectionAuthority.allowAll()),
            ReservedTopics.none(),
            LifecycleListener.none()),
        Clock.systemUTC());
  }
}
