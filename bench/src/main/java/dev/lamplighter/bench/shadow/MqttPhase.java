package dev.lamplighter.bench.shadow;

import dev.lamplighter.bench.load.LatencyRecorder;
import dev.lamplighter.bench.load.MeasurementWindow;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One closed-loop phase of every device in one {@link ShadowDevice.Mode}: each device sends, waits
 * for its answer and sends again until the window ends. Only exchanges that start and end inside
 * the measured window count, as in the load generator. Thread-safe: the devices' MQTT threads
 * report here.
 */
final class MqttPhase {
  private final ShadowDevice.Mode mode;
  private final MeasurementWindow window;
  private final LatencyRecorder latencies = new LatencyRecorder();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicReference<String> firstProblem = new AtomicReference<>();
  private final CountDownLatch stopped;

  MqttPhase(ShadowDevice.Mode mode, MeasurementWindow window, int devices) {
    this.mode = mode;
    this.window = window;
    this.stopped = new CountDownLatch(devices);
  }

  ShadowDevice.Mode mode() {
    return mode;
  }

  /** An answer to an exchange sent at {@code sent}; true when the device should send again. */
  boolean answered(long sent, long now) {
    if (window.contains(sent, now)) {
      synchronized (latencies) {
        latencies.record(200, now - sent);
      }
    }
    return keepSending(now);
  }

  /** A rejected update; true when the device should send again. */
  boolean rejected(String what, long now) {
    if (window.contains(now, now)) {
      rejected.incrementAndGet();
    }
    firstProblem.compareAndSet(null, what);
    return keepSending(now);
  }

  /** A publish that failed: the device stops. */
  void failed(String what) {
    failures.incrementAndGet();
    firstProblem.compareAndSet(null, what);
    stopped.countDown();
  }

  private boolean keepSending(long now) {
    if (window.isOver(now)) {
      stopped.countDown();
      return false;
    }
    return true;
  }

  /** Waits until every device has had its last answer, at most {@code seconds} after the end. */
  boolean awaitStopped(long seconds) throws InterruptedException {
    long left = window.endNanos() - System.nanoTime();
    return stopped.await(
        Math.max(0, left) + TimeUnit.SECONDS.toNanos(seconds), TimeUnit.NANOSECONDS);
  }

  long stragglers() {
    return stopped.getCount();
  }

  LatencyRecorder.Summary summary() {
    synchronized (latencies) {
      return LatencyRecorder.merge(List.of(latencies));
    }
  }

  long rejectedCount() {
    return rejected.get();
  }

  long failures() {
    return failures.get();
  }

  String firstProblem() {
    return firstProblem.get();
  }
}
