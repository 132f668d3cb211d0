package dev.lamplighter.index.internal;

import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeFollower;
import dev.lamplighter.core.event.ChangeLog;
import java.time.Duration;
import java.util.List;

/**
 * Feeds the change log to the index through a {@link ChangeFollower}: each batch of committed
 * entries is applied in order, made searchable, and committed every commit interval. API writes
 * never wait for it: they commit to the store, and the feed picks the entries up within a poll
 * interval. After a crash it resumes from the last commit and re-applies what followed (every step
 * of applying is idempotent).
 */
final class ChangeFeed implements AutoCloseable {
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

  private final Target target;
  private final long commitIntervalNanos;
  private final ChangeFollower follower;
  private long committed;
  private long lastCommit = System.nanoTime();
  private long lastPublish = System.nanoTime();
  private boolean unpublished;

  ChangeFeed(
      ChangeLog log,
      Target target,
      long startAfter,
      Duration pollInterval,
      Duration commitInterval) {
    this.target = target;
    this.commitIntervalNanos = commitInterval.toNanos();
    this.committed = startAfter;
    this.follower =
        new ChangeFollower(
            log,
            startAfter,
            new ChangeFollower.Settings(
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
      } else {
        unpublished = true;
      }
      if (System.nanoTime() - lastCommit >= commitIntervalNanos) {
        commit(batch.get(batch.size() - 1).sequence());
      }
    }

    @Override
    public void caughtUp() {
      if (unpublished) {
        target.publish();
        unpublished = false;
      }
      target.caughtUp();
      long applied = follower.position();
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
