package dev.lamplighter.bench.broker;

import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * {@code fan-out-qos1}: one publisher sends {@code --messages} QoS 1 messages (at most 100 awaiting
 * PUBACK) to a topic that {@code --subscribers} clients subscribe to at QoS 1; throughput is
 * deliveries per second, from the first publish to the last delivery. With no more messages than
 * Mosquitto queues per client (100 in flight, 100,000 queued), no broker has cause to drop one.
 */
final class FanOut {
  private FanOut() {}

  static String run(BrokerOptions options, DeviceKeys keys) throws Exception {
    String topic = "bench/fanout";
    long expected = (long) options.subscribers() * options.messages();
    AtomicLong received = new AtomicLong();
    AtomicLong lastReceived = new AtomicLong();
    Connector.Outcome subscribers =
        Connector.connect(
            keys,
            Connector.ids("fanout-sub-" + options.round(), options.run(), options.subscribers()),
            options.concurrency(),
            60,
            false);
    if (subscribers.failures() > 0) {
      throw new IllegalStateException(
          subscribers.failures() + " subscribers failed to connect: " + subscribers.firstError());
    }
    for (Mqtt3AsyncClient subscriber : subscribers.connected()) {
      Delivery.subscribe(
          subscriber,
          topic,
          message -> {
            received.incrementAndGet();
            lastReceived.set(System.nanoTime());
          });
    }
    Mqtt3AsyncClient publisher =
        FanIn.connectOne(keys, "bench-fanout-pub-" + options.run() + "-" + options.round());
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    Semaphore inflight = new Semaphore(FanIn.PER_PUBLISHER_INFLIGHT);
    LongSupplier cpu = Delivery.cpuMillis(options.targetPid());
    long cpuBefore = cpu.getAsLong();
    long started = System.nanoTime();
    for (int i = 0; i < options.messages(); i++) {
      inflight.acquire();
      ByteBuffer payload = ByteBuffer.allocate(options.payloadBytes());
      payload.putInt(i);
      QosOnePublish.send(publisher, topic, payload.array(), inflight, errors, firstError);
    }
    boolean complete = Delivery.await(received, expected);
    long cpuAfter = cpu.getAsLong();
    long elapsed = Math.max(1, lastReceived.get() - started);
    Connector.closeAll(List.of(publisher));
    Connector.closeAll(subscribers.connected());
    long got = received.get();
    double seconds = elapsed / 1e9;
    double cpuMs = cpuBefore < 0 || cpuAfter < 0 ? Double.NaN : cpuAfter - cpuBefore;
    return BrokerBench.line(options)
        .add("subscribers", options.subscribers())
        .add("messages", options.messages())
        .add("deliveries_expected", expected)
        .add("received", got)
        .add("lost", expected - got)
        .add("complete", complete ? "yes" : "no")
        .add("errors", errors.get())
        .add("seconds", seconds, 3)
        .add("deliveries_per_s", got / seconds, 0)
        .add("cpu_ms", cpuMs, 0)
        .add("cpu_us_per_delivery", cpuMs * 1000 / Math.max(1, got), 2)
        .add("first_error", firstError.get())
        .toString();
  }
}
