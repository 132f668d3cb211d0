package dev.lamplighter.broker;

import java.time.Duration;
import java.util.Objects;

/**
 * The broker's listener and limits. The defaults are AWS IoT Core's documented limits.
 *
 * @param bindAddress the address to listen on
 * @param port the TCP port, 0 for any free port
 * @param maxPayloadBytes largest application payload accepted (AWS: 128 KiB)
 * @param maxTopicBytes longest topic name or filter in UTF-8 bytes (AWS: 256)
 * @param maxTopicSlashes most forward slashes in a topic name or filter (AWS: 7)
 * @param maxClientIdBytes longest client id in UTF-8 bytes (AWS: 128)
 * @param maxSubscriptionsPerConnection most subscriptions a connection holds (AWS: 50)
 * @param maxInflightMessages most unacknowledged QoS 1 messages to one client (AWS: 100)
 * @param maxPublishesPerSecond most publishes a connection may send per second (AWS: 100)
 * @param minKeepAlive the shortest keep-alive granted (AWS: 30 s)
 * @param maxKeepAlive the longest keep-alive granted, also used for 0 (AWS: 1200 s)
 * @param sessionExpiry how long a persistent session outlives its connection (AWS: 1 hour)
 * @param maxQueuedMessages most QoS 1 messages kept for one offline persistent session
 * @param connectTimeout how long a connection may wait between TCP accept and CONNECT
 * @param maxConnectsPerSecond most CONNECTs the whole broker accepts per second; more are refused
 *     (AWS: 500 per account)
 * @param maxConnectsPerSecondPerClientId most CONNECTs per second for one client id, after a burst
 *     of five; more are refused (AWS: 1)
 */
public record BrokerSettings(
    String bindAddress,
    int port,
    int maxPayloadBytes,
    int maxTopicBytes,
    int maxTopicSlashes,
    int maxClientIdBytes,
    int maxSubscriptionsPerConnection,
    int maxInflightMessages,
    int maxPublishesPerSecond,
    Duration minKeepAlive,
    Duration maxKeepAlive,
    Duration sessionExpiry,
    int maxQueuedMessages,
    Duration connectTimeout,
    int maxConnectsPerSecond,
    int maxConnectsPerSecondPerClientId) {
  public BrokerSettings {
    Objects.requireNonNull(bindAddress, "bindAddress");
    Objects.requireNonNull(minKeepAlive, "minKeepAlive");
    Objects.requireNonNull(maxKeepAlive, "maxKeepAlive");
    Objects.requireNonNull(sessionExpiry, "sessionExpiry");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (maxConnectsPerSecond < 1 || maxConnectsPerSecondPerClientId < 1) {
      throw new IllegalArgumentException("connect rates must be at least 1 per second");
    }
  }

  /** AWS IoT Core's limits on {@code port} of all interfaces. */
  public static BrokerSettings awsDefaults(int port) {
    return new BrokerSettings(
        "0.0.0.0",
        port,
        128 * 1024,
        256,
        7,
        128,
        50,
        100,
        100,
        Duration.ofSeconds(30),
        Duration.ofSeconds(1200),
        Duration.ofHours(1),
        1000,
        Duration.ofSeconds(10),
        500,
        1);
  }

  /** The largest MQTT packet the decoder accepts: the payload limit plus room for the headers. */
  public int maxPacketBytes() {
    return maxPayloadBytes + maxTopicBytes + 16 * 1024;
  }
}
