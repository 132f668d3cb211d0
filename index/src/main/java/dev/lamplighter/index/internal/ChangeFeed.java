package dev.lamplighter.index.internal;

import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeLog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the change log on one background thread and hands each batch of committed entries, in
 * order, to the index. API writes never wait for it: they commit to the store, and the feed picks
 * the entries up within a poll interval. It commits the index every commit interval, so after a
 * crash it resumes from the last commit and re-applies what followed (every step of applying is
 * idempotent).
 */
final class ChangeFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
  private static final int BATCH = 500;
  private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);
  private static final long PUBLISH_WHILE_CATCHING_UP_NANOS = Duration.ofMillis(500).toNanos();

  /** What the feed drives. */
  interface Target {
    /** Applies committed entries, in sequence order. */
    void apply(List<ChangeEvent> events);

    /** Makes everything applied so far searchable. */
    void publish();

    /** Makes everything applied so far durable, as reflecting the log up to {@code sequence}. */
    void commit(long sequence);

    /** Told each time the feed finds nothing new: the index reflects the whole log so far. */
    default void caughtUp() {}
  }

  private final ChangeLog log;
  private final Target target;
  private final Duration pollInterval;
  private final long commitIntervalNanos;
  private final AtomicLong applied;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition progress = lock.newCondition();
  private final Thread thread;
  private volatile boolean running = true;
  private long committed;

  ChangeFeed(
      ChangeLog log,
      Target target,
      long startAfter,
      Duration pollInterval,
      Duration commitInterval) {
    this.log = log;
    this.target = target;
    this.pollInterval = pollInterval;
    this.commitIntervalNanos = commitInterval.toNanos();
    this.applied = new AtomicLong(startAfter);
    this.committed = startAfter;
    this.thread = new Thread(this::run, "fleet-index-feed");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** The sequence of the last change log entry applied (searchable once published). */
  long appliedSequence() {
    return applied.get();
  }

  /** Waits until the feed has applied the log up to {@code sequence}; false on timeout. */
  boolean awaitApplied(long sequence, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (applied.get() < sequence) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        progress.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void run() {
    long lastCommit = System.nanoTime();
    long lastPublish = System.nanoTime();
    boolean unpublished = false;
    while (running) {
      try {
        List<ChangeEvent> batch = log.readAfter(applied.get(), BATCH);
        if (batch.isEmpty()) {
          if (unpublished) {
            target.publish();
            unpublished = false;
          }
          target.caughtUp();
          if (committed != applied.get()) {
            commit();
            lastCommit = System.nanoTime();
          }
          pause(pollInterval);
          continue;
        }
        target.apply(batch);
        // Each publish starts a new Lucene segment: while the log is far ahead (a rebuild, a bulk
        // import) publishing every batch would fill the index with tiny segments.
        boolean catchingUp = batch.size() == BATCH;
        if (!catchingUp || System.nanoTime() - lastPublish >= PUBLISH_WHILE_CATCHING_UP_NANOS) {
          target.publish();
          lastPublish = System.nanoTime();
          unpublished = false;
        } else {
          unpublished = true;
        }
        advance(batch.get(batch.size() - 1).sequence());
        if (System.nanoTime() - lastCommit >= commitIntervalNanos) {
          commit();
          lastCommit = System.nanoTime();
        }
      } catch (RuntimeException e) {
        // The same entries are tried again: skipping them would leave the index wrong for good.
        LOG.error("Applying the change log to the index failed after sequence {}", applied, e);
        pause(RETRY_AFTER_FAILURE);
      }
    }
  }

  private void commit() {
    long sequence = applied.get();
    target.commit(sequence);
    committed = sequence;
  }

  private void advance(long sequence) {
    lock.lock();
    try {
      applied.set(sequence);
      progress.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits without interrupting the thread: Lucene closes its files when a thread is interrupted
   * during I/O, so {@link #close} wakes the feed through the condition instead.
   */
  private void pause(Duration duration) {
    lock.lock();
    try {
      if (running) {
        progress.awaitNanos(duration.toNanos());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  /** Stops following the log, waits for the batch in hand, and commits what was applied. */
  @Override
  public void close() {
    lock.lock();
    try {
      running = false;
      progress.signalAll();
    } finally {
      lock.unlock();
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (committed != applied.get()) {
      commit();
    }
  }
}
