package dev.lamplighter.bench.broker;

import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * {@code fan-in-qos1-tls}: publishers each send their messages at QoS 1 to one topic, as fast as
 * the flow control lets them, and one subscriber (QoS 1) receives them all. Throughput is messages
 * received per second, from the first publish to the last message received.
 *
 * <p>Flow control: each publisher has at most 100 publishes awaiting PUBACK, and all publishers
 * together at most {@code --window} messages sent but not yet received. The end-to-end window keeps
 * the brokers' queues for the subscriber bounded: Mosquitto drops QoS 1 messages beyond 100 in
 * flight and the queue limit for a client (max_queued_messages), so an open loop would measure its
 * drops rather than its throughput. Mosquitto 2.0.11 still dropped about 250 of 100,000 messages
 * with a window of 500 (and none with 100, at a higher rate), so the suite uses 100. Lost messages
 * are counted and reported.
 */
final class FanIn {
  static final int PER_PUBLISHER_INFLIGHT = 100;

  private FanIn() {}

  static String run(BrokerOptions options, DeviceKeys keys) throws Exception {
    String topic = "bench/fanin";
    long total = (long) options.publishers() * options.messages();
    AtomicLong received = new AtomicLong();
    AtomicLong lastReceived = new AtomicLong();
    Semaphore endToEnd = new Semaphore(options.window());
    Mqtt3AsyncClient subscriber =
        connectOne(keys, "bench-fanin-sub-" + options.run() + "-" + options.round());
    Delivery.subscribe(
        subscriber,
        topic,
        message -> {
          received.incrementAndGet();
          lastReceived.set(System.nanoTime());
          endToEnd.release();
        });
    Connector.Outcome publishers =
        Connector.connect(
            keys,
            Connector.ids("fanin-pub-" + options.round(), options.run(), options.publishers()),
            options.concurrency(),
            60,
            false);
    if (publishers.failures() > 0) {
      throw new IllegalStateException("publishers failed to connect: " + publishers.firstError());
    }
    AtomicLong errors = new AtomicLong();
    AtomicLong sent = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    LongSupplier cpu = Delivery.cpuMillis(options.targetPid());
    long cpuBefore = cpu.getAsLong();
    long started = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < publishers.connected().size(); p++) {
      Mqtt3AsyncClient publisher = publishers.connected().get(p);
      int index = p;
      Thread thread =
          new Thread(
              () -> {
                Semaphore inflight = new Semaphore(PER_PUBLISHER_INFLIGHT);
                try {
                  for (int i = 0; i < options.messages(); i++) {
                    inflight.acquire();
                    endToEnd.acquire();
                    ByteBuffer payload = ByteBuffer.allocate(options.payloadBytes());
                    payload.putInt(index).putInt(i);
                    sent.incrementAndGet();
                    QosOnePublish.send(
                        publisher, topic, payload.array(), inflight, errors, firstError);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "publisher-" + p);
      thread.start();
      threads.add(thread);
    }
    boolean complete = Delivery.await(received, total);
    long cpuAfter = cpu.getAsLong();
    long elapsed = Math.max(1, lastReceived.get() - started);
    threads.forEach(Thread::interrupt);
    for (Thread thread : threads) {
      thread.join();
    }
    Connector.closeAll(publishers.connected());
    Connector.closeAll(List.of(subscriber));
    long got = received.get();
    double seconds = elapsed / 1e9;
    double cpuMs = cpuBefore < 0 || cpuAfter < 0 ? Double.NaN : cpuAfter - cpuBefore;
    return BrokerBench.line(options)
        .add("publishers", options.publishers())
        .add("messages", total)
        .add("payload_bytes", options.payloadBytes())
        .add("window", options.window())
        .add("sent", sent.get())
        .add("received", got)
        .add("lost", total - got)
        .add("complete", complete ? "yes" : "no")
        .add("errors", errors.get())
        .add("seconds", seconds, 3)
        .add("msgs_per_s", got / seconds, 0)
        .add("cpu_ms", cpuMs, 0)
        .add("cpu_us_per_msg", cpuMs * 1000 / Math.max(1, got), 2)
        .add("first_error", firstError.get())
        .toString();
  }

  static Mqtt3AsyncClient connectOne(DeviceKeys keys, String clientId) throws Exception {
    Connector.Outcome outcome = Connector.connect(keys, List.of(clientId), 1, 60, false);
    if (outcome.connected().isEmpty()) {
      throw new IllegalStateException(clientId + " could not connect: " + outcome.firstError());
    }
    return outcome.connected().get(0);
  }
}
