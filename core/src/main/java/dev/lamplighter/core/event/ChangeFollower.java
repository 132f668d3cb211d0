package dev.lamplighter.core.event;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the change log on one background thread: reads the committed entries after its position
 * in batches, hands each batch in order to its {@link Consumer}, and advances. When the log has
 * nothing new it pauses for the poll interval (or until {@link #wake}); when the consumer throws,
 * it logs, pauses, and hands the same batch again, because skipping entries would leave derived
 * state wrong for good. Every consumer of the log (the fleet index, live connections' rights, the
 * job engine, device notifications, events) follows it through this one class.
 *
 * <p>The thread is never interrupted: Lucene closes its files when a thread is interrupted during
 * I/O, so {@link #close} wakes the follower through a condition instead and waits for the batch in
 * hand.
 *
 * <p>Threading: {@link Consumer} methods run on the follower's thread only; every other method is
 * safe from any thread. {@link #pollOnce} is for tests, on a follower that was never started.
 */
public final class ChangeFollower implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeFollower.class);

  /** What a follower drives. */
  public interface Consumer {
    /**
     * Applies committed entries, in sequence order. Throwing makes the follower hand the same
     * entries again after a pause, so applying must be idempotent.
     */
    void apply(List<ChangeEvent> batch);

    /** Told each time the follower finds nothing new: the consumer reflects the whole log. */
    default void caughtUp() {}
  }

  /**
   * How a follower polls.
   *
   * @param name the thread's name, also in log lines
   * @param batchSize most entries handed in one batch
   * @param pollInterval the pause when the log has nothing new
   * @param retryDelay the pause after the consumer failed
   */
  public record Settings(String name, int batchSize, Duration pollInterval, Duration retryDelay) {
    public Settings {
      Objects.requireNonNull(name, "name");
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be at least 1");
      }
      Objects.requireNonNull(pollInterval, "pollInterval");
      Objects.requireNonNull(retryDelay, "retryDelay");
    }

    /** Batches of 500, a retry after a second. */
    public static Settings of(String name, Duration pollInterval) {
      return new Settings(name, 500, pollInterval, Duration.ofSeconds(1));
    }
  }

  private final ChangeLog log;
  private final Consumer consumer;
  private final Settings settings;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition progress = lock.newCondition();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long position;
  private boolean woken;

  /**
   * A follower that will hand the entries after {@code afterSequence}; {@link #start} starts it.
   */
  public ChangeFollower(ChangeLog log, long afterSequence, Settings settings, Consumer consumer) {
    this.log = Objects.requireNonNull(log, "log");
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.position = afterSequence;
    this.thread = new Thread(this::run, settings.name());
    this.thread.setDaemon(true);
  }

  /** A follower that will hand what is committed after this moment (the head of the log). */
  public static ChangeFollower fromHead(ChangeLog log, Settings settings, Consumer consumer) {
    return new ChangeFollower(log, log.head(), settings, consumer);
  }

  /** Starts the background thread. */
  public void start() {
    thread.start();
  }

  /** The sequence of the last entry applied. */
  public long position() {
    return position;
  }

  /** Asks the follower to look at the log now instead of at the end of its pause. */
  public void wake() {
    lock.lock();
    try {
      woken = true;
      progress.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Waits until the follower has applied the log up to {@code sequence}; false on timeout. */
  public boolean awaitPosition(long sequence, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (position < sequence) {
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

  /**
   * Reads one batch and applies it on the calling thread, for tests of consumers.
   *
   * @return how many entries were applied
   */
  public int pollOnce() {
    if (thread.isAlive()) {
      throw new IllegalStateException("pollOnce is for a follower that was not started");
    }
    return step();
  }

  private int step() {
    List<ChangeEvent> batch = log.readAfter(position, settings.batchSize());
    if (batch.isEmpty()) {
      consumer.caughtUp();
      return 0;
    }
    consumer.apply(batch);
    advance(batch.get(batch.size() - 1).sequence());
    return batch.size();
  }

  private void run() {
    while (running) {
      try {
        if (step() == 0) {
          pause(settings.pollInterval());
        }
      } catch (RuntimeException e) {
        LOG.error(
            "[{}] applying the change log after sequence {} failed", settings.name(), position, e);
        pause(settings.retryDelay());
      }
    }
  }

  private void advance(long sequence) {
    lock.lock();
    try {
      position = sequence;
      progress.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void pause(Duration duration) {
    lock.lock();
    try {
      long left = duration.toNanos();
      while (running && !woken && left > 0) {
        left = progress.awaitNanos(left);
      }
      woken = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  /** Stops following and waits (up to 30 seconds) for the batch in hand to be applied. */
  @Override
  public void close() {
    lock.lock();
    try {
      running = false;
      progress.signalAll();
    } finally {
      lock.unlock();
    }
    if (thread.isAlive()) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
