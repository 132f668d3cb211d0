package dev.lamplighter.gateway;

import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeFollower;
import dev.lamplighter.core.event.ChangeLog;
import java.time.Duration;
import java.util.List;

/**
 * A {@link ChangeFollower} whose position this node keeps in {@link NodePositions}: it resumes
 * where it left off (at the head of the log the first time), and saves its position at most once a
 * second and when it closes.
 */
final class PositionedFollower implements AutoCloseable {
  private static final long SAVE_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

  private final String name;
  private final NodePositions positions;
  private final ChangeFollower follower;
  private long savedAt = System.nanoTime();
  private long saved;

  PositionedFollower(
      ChangeLog log,
      NodePositions positions,
      ChangeFollower.Settings settings,
      ChangeFollower.Consumer consumer) {
    this.name = settings.name();
    this.positions = positions;
    long start = positions.load(name).orElseGet(log::head);
    this.saved = start;
    this.follower =
        new ChangeFollower(
            log,
            start,
            settings,
            new ChangeFollower.Consumer() {
              @Override
              public void apply(List<ChangeEvent> batch) {
                consumer.apply(batch);
                maybeSave(batch.get(batch.size() - 1).sequence(), false);
              }

              @Override
              public void caughtUp() {
                consumer.caughtUp();
                maybeSave(follower().position(), false);
              }
            });
  }

  private ChangeFollower follower() {
    return follower;
  }

  private void maybeSave(long position, boolean now) {
    if (position != saved && (now || System.nanoTime() - savedAt >= SAVE_EVERY_NANOS)) {
      positions.save(name, position);
      saved = position;
      savedAt = System.nanoTime();
    }
  }

  void start() {
    follower.start();
  }

  /** Applies one batch on the calling thread (tests). */
  int pollOnce() {
    return follower.pollOnce();
  }

  void wake() {
    follower.wake();
  }

  @Override
  public void close() {
    follower.close();
    maybeSave(follower.position(), true);
  }
}
