package dev.lamplighter.core.event;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.work.BackgroundLoop;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the change log on one background thread: reads the committed entries after its position
 * in batches, hands each batch in order to its {@link Consumer}, and advances. When the log has
 * nothing new it pauses for the poll interval (or until {@link #wake}, or, when its settings ask, a
 * commit of this process that appended entries); when the consumer throws, it logs, pauses, and
 * hands the same batch again, because skipping entries would leave derived state wrong for good.
 * Every consumer of the log (the fleet index, live connections' rights, the job engine, device
 * notifications, events) follows it through this one class.
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
   * @param localCommitGap when not null, a commit of this process that appended entries ends the
   *     pause, but reads stay at least this far apart; when null, only the pause ends it
   * @param wakingTypes when not empty, only commits that appended entries of these types end the
   *     pause
   */
  public record Settings(
      String name,
      int batchSize,
      Duration pollInterval,
      Duration retryDelay,
      Duration localCommitGap,
      Set<ResourceType> wakingTypes) {
    public Settings {
      Objects.requireNonNull(name, "name");
      if (batchSize < 1) {
        throw new IllegalArgumentException("batchSize must be at least 1");
      }
      Objects.requireNonNull(pollInterval, "pollInterval");
      Objects.requireNonNull(retryDelay, "retryDelay");
      wakingTypes = Set.copyOf(wakingTypes);
    }

    /** Settings that only poll. */
    public Settings(String name, int batchSize, Duration pollInterval, Duration retryDelay) {
      this(name, batchSize, pollInterval, retryDelay, null, Set.of());
    }

    /** Batches of 500, a retry after a second. */
    public static Settings of(String name, Duration pollInterval) {
      return new Settings(name, 500, pollInterval, Duration.ofSeconds(1));
    }

    /** These settings, also reading soon after this process's commits, {@code gap} apart. */
    public Settings wakingOnLocalCommits(Duration gap) {
      return new Settings(
          name, batchSize, pollInterval, retryDelay, Objects.requireNonNull(gap), Set.of());
    }

    /**
     * These settings, reading soon after this process's commits that appended entries of {@code
     * types}, {@code gap} apart: a follower of a few types is not woken by every other write.
     */
    public Settings wakingOnLocalCommits(Duration gap, ResourceType... types) {
      return new Settings(
          name, batchSize, pollInterval, retryDelay, Objects.requireNonNull(gap), Set.of(types));
    }
  }

  private final ChangeLog log;
  private final Consumer consumer;
  private final Settings settings;
  private final BackgroundLoop loop;
  private final AtomicBoolean committedSinceRead = new AtomicBoolean();
  private volatile long position;
  private long lastReadNanos;

  /** The last read reached the head of the log (followers waking on local commits). */
  private boolean caughtUp;

  private Runnable stopListening = () -> {};

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
    if (settings.localCommitGap() != null) {
      stopListening =
          settings.wakingTypes().isEmpty()
              ? log.onLocalCommit(this::localCommit)
              : log.onLocalCommit(settings.wakingTypes(), this::localCommit);
    }
    loop.start();
  }

  /** Wakes the loop once per read: later commits before it reads cost a failed compare-and-set. */
  private void localCommit() {
    if (committedSinceRead.compareAndSet(false, true)) {
      loop.wake();
    }
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
    committedSinceRead.set(false);
    lastReadNanos = System.nanoTime();
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
    if (caughtUp && settings.localCommitGap() != null) {
      // Woken by a commit too soon after the last read: no commit wakes it again before it reads.
      long early = settings.localCommitGap().toNanos() - (System.nanoTime() - lastReadNanos);
      if (early > 0) {
        return Duration.ofNanos(early);
      }
    }
    try {
      int applied = step();
      if (settings.localCommitGap() == null) {
        return applied == 0 ? settings.pollInterval() : Duration.ZERO;
      }
      // Less than a batch reached the head: under a stream of commits the log is never empty, so
      // waiting for an empty read would read again at once, a few entries at a time, forever.
      caughtUp = applied < settings.batchSize();
      return caughtUp ? settings.pollInterval() : Duration.ZERO;
    } catch (RuntimeException e) {
      LOG.error(
          "[{}] applying the change log after sequence {} failed", settings.name(), position, e);
      return settings.retryDelay();
    }
  }

  /** Stops following and waits (up to 30 seconds) for the batch in hand to be applied. */
  @Override
  public void close() {
    stopListening.run();
    loop.close();
  }
}
