package dev.lamplighter.bench.broker;

import com.hivemq.client.mqtt.mqtt3.Mqtt3AsyncClient;
import dev.lamplighter.bench.load.LatencyRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens MQTT connections with a bounded number being opened at once: a new connect starts as soon
 * as one of the {@code concurrency} in progress has its CONNACK (or fails). Each connect is timed
 * from the call to the CONNACK: TCP, a full TLS handshake with the client certificate, CONNECT.
 */
public final class Connector {
  private static final Logger LOG = LoggerFactory.getLogger(Connector.class);
  private static final long CONNECT_TIMEOUT_SECONDS = 30;

  /**
   * @param connected the clients connected, in no particular order (empty when they were closed)
   * @param failures connects refused, failed or timed out
   * @param latencies CONNACK latencies of the successful connects
   * @param wallNanos from the first connect call to the last answer
   * @param firstError the first failure's message, or null
   */
  public record Outcome(
      List<Mqtt3AsyncClient> connected,
      long failures,
      LatencyRecorder.Summary latencies,
      long wallNanos,
      String firstError) {}

  private Connector() {}

  /**
   * Connects a client per id (with a clean session and {@code keepAliveSeconds}); with {@code
   * closeEach} each is disconnected as soon as it is connected, and the outcome lists none.
   */
  public static Outcome connect(
      DeviceKeys keys,
      List<String> clientIds,
      int concurrency,
      int keepAliveSeconds,
      boolean closeEach)
      throws InterruptedException {
    Semaphore slots = new Semaphore(concurrency);
    Queue<Mqtt3AsyncClient> connected = new ConcurrentLinkedQueue<>();
    Queue<CompletableFuture<Void>> closing = new ConcurrentLinkedQueue<>();
    LatencyRecorder recorder = new LatencyRecorder();
    AtomicLong failures = new AtomicLong();
    AtomicReference<String> firstError = new AtomicReference<>();
    long started = System.nanoTime();
    for (int i = 0; i < clientIds.size(); i++) {
      slots.acquire();
      Mqtt3AsyncClient client = keys.client(clientIds.get(i), i);
      long t0 = System.nanoTime();
      client
          .connectWith()
          .cleanSession(true)
          .keepAlive(keepAliveSeconds)
          .send()
          .orTimeout(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .whenComplete(
              (ack, error) -> {
                long latency = System.nanoTime() - t0;
                if (error == null) {
                  synchronized (recorder) {
                    recorder.record(200, latency);
                  }
                  if (closeEach) {
                    closing.add(client.disconnect());
                  } else {
                    connected.add(client);
                  }
                } else {
                  failures.incrementAndGet();
                  if (firstError.compareAndSet(null, String.valueOf(error))) {
                    LOG.warn("connect of [{}] failed", client.getConfig().getClientIdentifier());
                    LOG.warn("first connect failure", error);
                  }
                  client.disconnect();
                }
                slots.release();
              });
    }
    slots.acquire(concurrency);
    long wall = System.nanoTime() - started;
    for (CompletableFuture<Void> close : closing) {
      close.handle((v, e) -> null).join();
    }
    LatencyRecorder.Summary summary;
    synchronized (recorder) {
      summary = LatencyRecorder.merge(List.of(recorder));
    }
    return new Outcome(new ArrayList<>(connected), failures.get(), summary, wall, firstError.get());
  }

  /** Client ids {@code bench-<prefix>-<run>-<i>} for {@code count} clients. */
  static List<String> ids(String prefix, String run, int count) {
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add("bench-" + prefix + "-" + run + "-" + i);
    }
    return ids;
  }

  /** Disconnects every client and waits, briefly, for them. */
  public static void closeAll(List<Mqtt3AsyncClient> clients) {
    List<CompletableFuture<Void>> closing = new ArrayList<>();
    for (Mqtt3AsyncClient client : clients) {
      closing.add(client.disconnect().handle((v, e) -> null));
    }
    try {
      CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("not every client disconnected within 30 s: {}", e.toString());
    }
  }
}
