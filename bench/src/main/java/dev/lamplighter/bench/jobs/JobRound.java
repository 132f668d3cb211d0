package dev.lamplighter.bench.jobs;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the devices saw of one job, counted from their MQTT callbacks on any thread. Times are
 * {@link System#nanoTime()} values.
 */
final class JobRound {
  final String jobId;
  final LongAdder notified = new LongAdder();
  final LongAdder duplicateNotifications = new LongAdder();
  final LongAdder notifyBytes = new LongAdder();
  final LongAdder started = new LongAdder();
  final LongAdder updated = new LongAdder();
  final LongAdder rejected = new LongAdder();
  final LongAdder publishErrors = new LongAdder();
  final AtomicLong firstNotified = new AtomicLong(Long.MAX_VALUE);
  final AtomicLong lastNotified = new AtomicLong(Long.MIN_VALUE);
  final AtomicLong lastUpdated = new AtomicLong(Long.MIN_VALUE);
  final AtomicReference<String> firstRejection = new AtomicReference<>();

  JobRound(String jobId) {
    this.jobId = jobId;
  }

  void notified(long at, int bytes) {
    notified.increment();
    notifyBytes.add(bytes);
    firstNotified.accumulateAndGet(at, Math::min);
    lastNotified.accumulateAndGet(at, Math::max);
  }

  void updated(long at) {
    updated.increment();
    lastUpdated.accumulateAndGet(at, Math::max);
  }

  void rejected(String what) {
    rejected.increment();
    firstRejection.compareAndSet(null, what);
  }

  void publishFailed(Throwable error) {
    publishErrors.increment();
    firstRejection.compareAndSet(null, "publish failed: " + error);
  }
}
