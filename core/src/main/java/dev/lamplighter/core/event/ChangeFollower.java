package dev.lamplighter.core.event;

import dev.lamplighter.core.work.BackgroundLoop;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
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
 * <p>It runs on a {@link BackgroundLoop}, whose thread is never interrupted (Lucene closes its
 * files when a thread is interrupted during I/O); {@link #close} waits for the batch in hand.
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
  private final BackgroundLoop loop;
  private volatile long position;

  /**
   * A follower that will hand the entries after {@code afterSequence}; {@link #start} starts it.
   */
  public ChangeFollower(ChangeLog log, long afterSequence, Settings settings, Consumer consumer) {
    this.log = Objects.requireNonNull(log, "log");
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.position = afterSequence;
    this.loop = new BackgroundLoop(settings.name(), this::round, () -> {});
  }

  /** A follower that will hand what is committed after this moment (the head of the log). */
  public static ChangeFollower fromHead(ChangeLog log, Settings settings, Consumer consumer) {
    return new ChangeFollower(log, log.head(), settings, consumer);
  }

  /** Starts the background thread. */
  public void start() {
    loop.start();
  }

  /** The sequence of the last entry applied. */
  public long position() {
    return position;
  }

  /** Asks the follower to look at the log now instead of at the end of its pause. */
  public void wake() {
    loop.wake();
  }

  /** Waits until the follower has applied the log up to {@code sequence}; false on timeout. */
  public boolean awaitPosition(long sequence, Duration timeout) throws InterruptedException {
    return loop.awaitSignal(() -> position >= sequence, timeout);
  }

  /**
   * Reads one batch and applies it on the calling thread, for tests of consumers and for owners
   * that drive the follower from a loop of their own.
   *
   * @return how many entries were applied
   */
  public int pollOnce() {
    if (loop.isRunning()) {
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
    position = batch.get(batch.size() - 1).sequence();
    loop.signalProgress();
    return batch.size();
  }

  private Duration round() {
    try {
      return step() == 0 ? settings.pollInterval() : Duration.ZERO;
    } catch (RuntimeException e) {
      LOG.error(
          "[{}] applying the change log after sequence {} failed", settings.name(), position, e);
      return settings.retryDelay();
    }
  }

  /** Stops following and waits (up to 30 seconds) for the batch in hand to be applied. */
  @Override
  public void close() {
    loop.close();
  }
}
