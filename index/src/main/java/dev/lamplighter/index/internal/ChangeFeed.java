package dev.lamplighter.index.internal;

import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeFollower;
import dev.lamplighter.core.event.ChangeLog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Feeds the change log to the index through a {@link ChangeFollower}: each batch of committed
 * entries is applied in order, made searchable, and committed every commit interval. API writes
 * never wait for it: they commit to the store, and the feed picks the entries up within a poll
 * interval, or sooner after a commit of this process that touched what the index holds. After a
 * crash it resumes from the last commit and re-applies what followed (every step of applying is
 * idempotent).
 *
 * <p>The feed also tracks the last sequence that is <em>searchable</em> (applied and published),
 * which may trail the follower's position while a long backlog is applied without publishing every
 * batch; {@link #awaitSearchable} waits on it, for reads that must see writes committed before
 * them.
 */
final class ChangeFeed implements AutoCloseable {
  private static final int BATCH = 500;
  private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);
  private static final long PUBLISH_WHILE_CATCHING_UP_NANOS = Duration.ofMillis(500).toNanos();

  /**
   * Reads after local commits stay this far apart: a stream of writes is taken in a few at a time
   * rather than one segment per write, yet a lone write is searchable within milliseconds.
   */

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

  private final Target target;
  private final long commitIntervalNanos;
  private final ChangeFollower follower;
  private long committed;
  private long lastCommit = System.nanoTime();
  private long lastPublish = System.nanoTime();
  private boolean unpublished;

  private final Object searchableChanged = new Object();

  /** The last sequence applied and published; guarded by {@link #searchableChanged}. */
  private long searchable;

  ChangeFeed(
      ChangeLog log,
      Target target,
      long startAfter,
      Duration pollInterval,
      Duration commitInterval) {
    this.target = target;
    this.commitIntervalNanos = commitInterval.toNanos();
    this.committed = startAfter;
    this.searchable = startAfter;
    this.follower =
        new ChangeFollower(
            log,
            startAfter,
            new ChangeFollower.Settings(
                // Not woken by every local commit: a read that must see a write wakes the feed
                // itself, and writes alone are cheaper applied in the poll's larger batches.
                "fleet-index-feed", BATCH, pollInterval, RETRY_AFTER_FAILURE),
            new Steps());
  }

  void start() {
    follower.start();
  }

  /** The sequence of the last change log entry applied (searchable once published). */
  long appliedSequence() {
    return follower.position();
  }

  /** Waits until the feed has applied the log up to {@code sequence}; false on timeout. */
  boolean awaitApplied(long sequence, Duration timeout) throws InterruptedException {
    return follower.awaitPosition(sequence, timeout);
  }

  /** The last sequence whose entries are applied and searchable. */
  long searchableSequence() {
    synchronized (searchableChanged) {
      return searchable;
    }
  }

  /**
   * Waits until every entry up to {@code sequence} is applied and searchable, at most {@code
   * timeout}; false when the timeout passed first. Wakes the feed first, so an entry another node
   * committed is read now rather than at the end of the feed's pause.
   */
  boolean awaitSearchable(long sequence, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (searchableChanged) {
      if (searchable >= sequence) {
        return true;
      }
    }
    follower.wake();
    synchronized (searchableChanged) {
      while (searchable < sequence) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(searchableChanged, left);
      }
      return true;
    }
  }

  private void published(long sequence) {
    synchronized (searchableChanged) {
      if (sequence > searchable) {
        searchable = sequence;
        searchableChanged.notifyAll();
      }
    }
  }

  /** The follower's steps, on its thread. */
  private final class Steps implements ChangeFollower.Consumer {
    @Override
    public void apply(List<ChangeEvent> batch) {
      target.apply(batch);
      // Each publish starts a new Lucene segment: while the log is far ahead (a rebuild, a bulk
      // import) publishing every batch would fill the index with tiny segments.
      boolean catchingUp = batch.size() == BATCH;
      if (!catchingUp || System.nanoTime() - lastPublish >= PUBLISH_WHILE_CATCHING_UP_NANOS) {
        target.publish();
        lastPublish = System.nanoTime();
        unpublished = false;
        published(batch.get(batch.size() - 1).sequence());
      } else {
        unpublished = true;
      }
      if (System.nanoTime() - lastCommit >= commitIntervalNanos) {
        commit(batch.get(batch.size() - 1).sequence());
      }
    }

    @Override
    public void caughtUp() {
      long applied = follower.position();
      if (unpublished) {
        target.publish();
        unpublished = false;
      }
      published(applied);
      target.caughtUp();
      if (committed != applied) {
        commit(applied);
      }
    }
  }

  private void commit(long sequence) {
    target.commit(sequence);
    committed = sequence;
    lastCommit = System.nanoTime();
  }

  /** Stops following the log, waits for the batch in hand, and commits what was applied. */
  @Override
  public void close() {
    follower.close();
    long applied = follower.position();
    if (committed != applied) {
      commit(applied);
    }
  }
}
