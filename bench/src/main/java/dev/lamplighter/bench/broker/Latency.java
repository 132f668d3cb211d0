package dev.lamplighter.bench.broker;

import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import dev.lamplighter.bench.load.LatencyRecorder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code latency}: the fan-in topology (publishers to one QoS 1 subscriber) at a fixed total rate
 * {@code --rate}, each publisher paced on its own schedule. A message carries the time it was due
 * to be sent ({@link System#nanoTime()}; publishers and subscriber share this JVM), so a publisher
 * that falls behind its schedule counts the delay too instead of hiding it. Messages due during the
 * {@code --warmup} are not recorded; the {@code --seconds} after it are.
 */
final class Latency {
  private Latency() {}

  static String run(BrokerOptions options, DeviceKeys keys) throws Exception {
    String topic = "bench/latency";
    int publishers = options.publishers();
    double total = options.warmup() + options.seconds();
    int perPublisher = (int) Math.ceil(options.rate() / publishers * total);
    long expected = (long) perPublisher * publishers;
    long intervalNanos = (long) (1e9 * publishers / options.rate());
    LatencyRecorder recorder = new LatencyRecorder();
    AtomicLong received = new AtomicLong();
    long[] recordFrom = new long[1];
    Mqtt3AsyncClient subscriber =
        FanIn.connectOne(keys, "bench-lat-sub-" + options.run() + "-" + options.round());
    Delivery.subscribe(
        subscriber,
        topic,
        message -> {
          long now = System.nanoTime();
          long due =
              message.getPayloadAsBytes().length >= 8
                  ? ByteBuffer.wrap(message.getPayloadAsBytes()).getLong()
                  : now;
          if (due >= recordFrom[0]) {
            synchronized (recorder) {
              recorder.record(200, now - due);
            }
          }
          received.incrementAndGet();
        });
    Connector.Outcome clients =
        Connector.connect(
            keys,
            Connector.ids("lat-pub-" + options.round(), options.run(), publishers),
            options.concurrency(),
            60,
            false);
    if (clients.failures() > 0) {
      throw new IllegalStateException("publishers failed to connect: " + clients.firstError());
    }
    AtomicLong errors = new AtomicLong();
    AtomicReference<String> publishFailure = new AtomicReference<>();
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
    recordFrom[0] = start + (long) (options.warmup() * 1e9);
    List<Thread> threads = new ArrayList<>();
    for (int p = 0; p < clients.connected().size(); p++) {
      Mqtt3AsyncClient publisher = clients.connected().get(p);
      // Publishers start spread over one interval, so that their messages do not arrive in bursts.
      long offset = intervalNanos * p / publishers;
      Thread thread =
          new Thread(
              () -> {
                Semaphore inflight = new Semaphore(FanIn.PER_PUBLISHER_INFLIGHT);
                try {
                  for (int i = 0; i < perPublisher; i++) {
                    long due = start + offset + i * intervalNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                      LockSupport.parkNanos(wait);
                    }
                    inflight.acquire();
                    ByteBuffer payload = ByteBuffer.allocate(options.payloadBytes());
                    payload.putLong(due);
                    QosOnePublish.send(
                        publisher, topic, payload.array(), inflight, errors, publishFailure);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "paced-publisher-" + p);
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    boolean complete = Delivery.await(received, expected);
    Connector.closeAll(clients.connected());
    Connector.closeAll(List.of(subscriber));
    LatencyRecorder.Summary summary;
    synchronized (recorder) {
      summary = LatencyRecorder.merge(List.of(recorder));
    }
    return BrokerBench.line(options)
        .add("publishers", publishers)
        .add("rate", options.rate(), 0)
        .add("warmup_s", options.warmup(), 1)
        .add("measure_s", options.seconds(), 1)
        .add("sent", expected)
        .add("received", received.get())
        .add("lost", expected - received.get())
        .add("complete", complete ? "yes" : "no")
        .add("errors", errors.get())
        .add("samples", summary.successes())
        .add("p50_ms", summary.percentileMillis(50), 3)
        .add("p99_ms", summary.percentileMillis(99), 3)
        .add("p999_ms", summary.percentileMillis(99.9), 3)
        .add("max_ms", summary.percentileMillis(100), 3)
        .toString();
  }
}
