package dev.lamplighter.broker.fuzz;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A well-behaved MQTT 5 client (HiveMQ's) that subscribes to its own topic and publishes QoS 1
 * messages to it at a steady pace, on a thread of its own, until stopped; it counts the messages it
 * sent (PUBACK received) and the distinct ones it got back.
 */
public final class GoodClient implements AutoCloseable {
  private final Mqtt5BlockingClient client;
  private final String topic;
  private final Set<Integer> received = ConcurrentHashMap.newKeySet();
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread publisher;

  private GoodClient(Mqtt5BlockingClient client, String topic, int perSecond) {
    this.client = client;
    this.topic = topic;
    this.publisher = new Thread(() -> publish(perSecond), "good-client-publisher");
    publisher.setDaemon(true);
  }

  /** Connects as {@code clientId}, subscribes, and starts publishing {@code perSecond} a second. */
  public static GoodClient start(String host, int port, String clientId, int perSecond) {
    Mqtt5BlockingClient client =
        Mqtt5Client.builder()
            .identifier(clientId)
            .serverHost(host)
            .serverPort(port)
            .buildBlocking();
    client.connectWith().keepAlive(60).cleanStart(true).send();
    GoodClient good = new GoodClient(client, "good/" + clientId, perSecond);
    client
        .toAsync()
        .publishes(
            MqttGlobalPublishFilter.SUBSCRIBED,
            publish -> good.received.add(ByteBuffer.wrap(publish.getPayloadAsBytes()).getInt()));
    client.subscribeWith().topicFilter(good.topic).qos(MqttQos.AT_LEAST_ONCE).send();
    good.publisher.start();
    return good;
  }

  private void publish(int perSecond) {
    long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
    long next = System.nanoTime();
    int sequence = 0;
    while (running.get()) {
      try {
        client
            .publishWith()
            .topic(topic)
            .qos(MqttQos.AT_LEAST_ONCE)
            .payload(ByteBuffer.allocate(4).putInt(0, sequence).array())
            .send();
        sent.incrementAndGet();
      } catch (RuntimeException e) {
        failures.incrementAndGet();
      }
      sequence++;
      next += interval;
      long wait = next - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
    }
  }

  /** Stops publishing and waits up to {@code timeout} for every sent message to come back. */
  public void stopAndDrain(Duration timeout) throws InterruptedException {
    running.set(false);
    publisher.join(timeout.toMillis());
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received.size() < sent.get() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
  }

  /** Messages published and acknowledged by the broker. */
  public int sent() {
    return sent.get();
  }

  /** Distinct messages that came back. */
  public int received() {
    return received.size();
  }

  /** Publishes that failed (no PUBACK, or the connection was gone). */
  public int failures() {
    return failures.get();
  }

  public boolean connected() {
    return client.getState().isConnected();
  }

  @Override
  public void close() {
    running.set(false);
    if (client.getState().isConnected()) {
      client.disconnect();
    }
  }
}
