package dev.lamplighter.bench.jobs;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Messages the devices received on the peers' topics, and when the last one came. */
final class Deliveries {
  private final LongAdder received = new LongAdder();
  private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

  void received(long at) {
    received.increment();
    last.accumulateAndGet(at, Math::max);
  }

  long count() {
    return received.sum();
  }

  /** The {@link System#nanoTime()} of the last message. */
  long last() {
    return last.get();
  }

  /** Starts a new round. */
  void reset() {
    received.reset();
    last.set(Long.MIN_VALUE);
  }
}
