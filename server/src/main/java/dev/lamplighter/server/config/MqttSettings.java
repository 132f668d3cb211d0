package dev.lamplighter.server.config;

import dev.lamplighter.broker.BrokerSettings;
import dev.lamplighter.broker.BrokerStorage;
import dev.lamplighter.core.config.Setting;
import dev.lamplighter.core.config.Settings;
import dev.lamplighter.store.StoreSettings;
import dev.lamplighter.store.SyncMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The MQTT listener's limits. Defaults are AWS IoT Core's documented limits, so a device that works
 * against AWS works here; each can be raised or lowered for a deployment.
 */
public final class MqttSettings {
  public static final Setting<Integer> MAX_PAYLOAD =
      Setting.integer(
          "mqtt-max-payload-bytes",
          128 * 1024,
          1,
          16 * 1024 * 1024,
          "Largest MQTT message payload accepted, in bytes");
  public static final Setting<Integer> MAX_TOPIC_BYTES =
      Setting.integer(
          "mqtt-max-topic-bytes", 256, 16, 65535, "Longest topic name or filter, in UTF-8 bytes");
  public static final Setting<Integer> MAX_TOPIC_SLASHES =
      Setting.integer(
          "mqtt-max-topic-slashes",
          7,
          1,
          1000,
          "Most forward slashes in a topic (AWS's basic-ingest and share prefixes excluded)");
  public static final Setting<Integer> MAX_CLIENT_ID_BYTES =
      Setting.integer(
          "mqtt-max-client-id-bytes", 128, 23, 65535, "Longest client id, in UTF-8 bytes");
  public static final Setting<Integer> MAX_SUBSCRIPTIONS =
      Setting.integer(
          "mqtt-max-subscriptions", 50, 1, 100_000, "Most subscriptions one connection may hold");
  public static final Setting<Integer> MAX_INFLIGHT =
      Setting.integer(
          "mqtt-max-inflight",
          100,
          1,
          65535,
          "Most unacknowledged QoS 1 messages sent to one client at a time");
  public static final Setting<Integer> MAX_PUBLISH_RATE =
      Setting.integer(
          "mqtt-max-publishes-per-second",
          100,
          1,
          1_000_000,
          "Most publishes one connection may send per second");
  public static final Setting<Duration> MIN_KEEP_ALIVE =
      Setting.duration(
          "mqtt-min-keep-alive", "30s", "Shortest keep-alive granted; shorter requests are raised");
  public static final Setting<Duration> MAX_KEEP_ALIVE =
      Setting.duration(
          "mqtt-max-keep-alive",
          "1200s",
          "Longest keep-alive granted, also used for clients asking for none (0)");
  public static final Setting<Duration> SESSION_EXPIRY =
      Setting.duration(
          "mqtt-session-expiry",
          "1h",
          "How long a persistent session outlives its connection (MQTT 5 clients may ask for less)");
  public static final Setting<Integer> MAX_QUEUED =
      Setting.integer(
          "mqtt-max-queued-messages",
          1000,
          1,
          10_000_000,
          "Most QoS 1 messages kept for one offline persistent session; newer ones are dropped");
  public static final Setting<Duration> CONNECT_TIMEOUT =
      Setting.duration(
          "mqtt-connect-timeout",
          "10s",
          "How long a new connection may take to finish TLS and send CONNECT");
  public static final Setting<Integer> MAX_CONNECT_RATE =
      Setting.integer(
          "mqtt-max-connects-per-second",
          500,
          1,
          1_000_000,
          "Most CONNECTs the broker accepts per second; more are refused (CONNACK 0x9F, 3.1.1: 0x03)");
  public static final Setting<Integer> MAX_CONNECT_RATE_PER_CLIENT_ID =
      Setting.integer(
          "mqtt-max-connects-per-second-per-client-id",
          1,
          1,
          1_000_000,
          "Most CONNECTs per second for one client id, after a burst of 5; more are refused");

  private MqttSettings() {}

  public static List<Setting<?>> all() {
    return List.of(
        MAX_PAYLOAD,
        MAX_TOPIC_BYTES,
        MAX_TOPIC_SLASHES,
        MAX_CLIENT_ID_BYTES,
        MAX_SUBSCRIPTIONS,
        MAX_INFLIGHT,
        MAX_PUBLISH_RATE,
        MIN_KEEP_ALIVE,
        MAX_KEEP_ALIVE,
        SESSION_EXPIRY,
        MAX_QUEUED,
        CONNECT_TIMEOUT,
        MAX_CONNECT_RATE,
        MAX_CONNECT_RATE_PER_CLIENT_ID);
  }

  /**
   * The broker's journal in {@code <data-dir>/mqtt}, forced to the device on each durable write
   * when the store is (so {@code --store-sync full} covers power loss for MQTT too).
   */
  public static BrokerStorage storage(Settings settings, Path dataDir) {
    return BrokerStorage.journal(
        dataDir.resolve("mqtt"), settings.get(StoreSettings.STORE_SYNC) == SyncMode.FULL);
  }

  /** The broker's settings on the configured bind address and MQTT port. */
  public static BrokerSettings from(Settings settings) {
    Duration min = settings.get(MIN_KEEP_ALIVE);
    Duration max = settings.get(MAX_KEEP_ALIVE);
    if (min.compareTo(max) > 0) {
      throw new dev.lamplighter.core.config.ConfigException(
          MIN_KEEP_ALIVE.key() + " (" + min + ") is longer than " + MAX_KEEP_ALIVE.key());
    }
    return new BrokerSettings(
        settings.get(ServerSettings.BIND),
        settings.get(ServerSettings.MQTT_PORT),
        settings.get(MAX_PAYLOAD),
        settings.get(MAX_TOPIC_BYTES),
        settings.get(MAX_TOPIC_SLASHES),
        settings.get(MAX_CLIENT_ID_BYTES),
        settings.get(MAX_SUBSCRIPTIONS),
        settings.get(MAX_INFLIGHT),
        settings.get(MAX_PUBLISH_RATE),
        min,
        max,
        settings.get(SESSION_EXPIRY),
        settings.get(MAX_QUEUED),
        settings.get(CONNECT_TIMEOUT),
        settings.get(MAX_CONNECT_RATE),
        settings.get(MAX_CONNECT_RATE_PER_CLIENT_ID));
  }
}
