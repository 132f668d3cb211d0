package dev.lamplighter.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.tenancy.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The follower hands every entry once, in order, from where it was told, and retries failures. */
class ChangeFollowerTest {
  private static final Scope SCOPE = Scope.of("111122223333", "eu-west-1");
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final ChangeFollower.Settings FAST =
      new ChangeFollower.Settings("test-follower", 100, Duration.ofMillis(5), Duration.ofMillis(5));

  private final Log log = new Log();
  private final Recorder recorder = new Recorder();

  @Test
  void appliesEveryEntryInOrder_acrossBatches() throws Exception {
    for (int i = 1; i <= 250; i++) {
      log.add("lamp-" + i);
    }

    try (ChangeFollower follower = new ChangeFollower(log, 0, FAST, recorder)) {
      follower.start();
      assertThat(follower.awaitPosition(250, WAIT)).isTrue();
    }

    assertThat(recorder.applied).hasSize(250);
    assertThat(recorder.applied.get(0)).isEqualTo("lamp-1");
    assertThat(recorder.applied.get(249)).isEqualTo("lamp-250");
    assertThat(recorder.batchSizes).containsExactly(100, 100, 50);
  }

  @Test
  void fromHead_skipsWhatWasCommittedBefore() throws Exception {
    log.add("before-1");
    log.add("before-2");

    try (ChangeFollower follower = ChangeFollower.fromHead(log, FAST, recorder)) {
      follower.start();
      log.add("after-1");
      assertThat(follower.awaitPosition(3, WAIT)).isTrue();
    }

    assertThat(recorder.applied).containsExactly("after-1");
  }

  @Test
  void aFailedBatch_isHandedAgain_notSkipped() throws Exception {
    log.add("lamp-1");
    log.add("lamp-2");
    recorder.failuresLeft.set(2);

    try (ChangeFollower follower = new ChangeFollower(log, 0, FAST, recorder)) {
      follower.start();
      assertThat(follower.awaitPosition(2, WAIT)).isTrue();
    }

    assertThat(recorder.applied).containsExactly("lamp-1", "lamp-2");
  }

  @Test
  void wake_endsThePauseAtOnce() throws Exception {
    ChangeFollower.Settings slow =
        new ChangeFollower.Settings("slow", 100, Duration.ofMinutes(10), Duration.ofMinutes(10));
    try (ChangeFollower follower = new ChangeFollower(log, 0, slow, recorder)) {
      follower.start();
      awaitCaughtUp();
      log.add("lamp-1");

      follower.wake();

      assertThat(follower.awaitPosition(1, WAIT)).isTrue();
    }
    assertThat(recorder.applied).containsExactly("lamp-1");
  }

  @Test
  void aLocalCommit_endsThePause_whenTheSettingsAskForIt_untilClosed() throws Exception {
    ChangeFollower.Settings slow =
        new ChangeFollower.Settings("slow", 100, Duration.ofMinutes(10), Duration.ofMinutes(10))
            .wakingOnLocalCommits(Duration.ofMillis(5));
    try (ChangeFollower follower = new ChangeFollower(log, 0, slow, recorder)) {
      follower.start();
      awaitCaughtUp();

      log.commit("lamp-1");
      assertThat(follower.awaitPosition(1, WAIT)).isTrue();

      log.commit("lamp-2");
      log.commit("lamp-3");
      assertThat(follower.awaitPosition(3, WAIT)).isTrue();
    }
    assertThat(recorder.applied).containsExactly("lamp-1", "lamp-2", "lamp-3");
    assertThat(log.listeners).as("closing stops listening").isEmpty();
  }

  @Test
  void aFollowerWokenBySomeTypes_listensForCommitsOfThoseTypesOnly() throws Exception {
    ChangeFollower.Settings waking =
        new ChangeFollower.Settings("typed", 100, Duration.ofMinutes(10), Duration.ofMinutes(10))
            .wakingOnLocalCommits(
                Duration.ofMillis(5), dev.lamplighter.core.arn.ResourceType.SHADOW);
    try (ChangeFollower follower = new ChangeFollower(log, 0, waking, recorder)) {
      follower.start();
      awaitCaughtUp();

      log.commit("lamp-1");

      assertThat(follower.awaitPosition(1, WAIT)).isTrue();
      assertThat(log.listenedTypes).containsExactly(dev.lamplighter.core.arn.ResourceType.SHADOW);
    }
  }

  @Test
  void aStreamOfLocalCommits_isReadAtMostOncePerGap_notOnceACommit() throws Exception {
    ChangeFollower.Settings waking =
        new ChangeFollower.Settings("waking", 100, Duration.ofMinutes(10), Duration.ofMinutes(10))
            .wakingOnLocalCommits(Duration.ofMillis(50));
    int commits = 300;
    try (ChangeFollower follower = new ChangeFollower(log, 0, waking, recorder)) {
      follower.start();
      awaitCaughtUp();
      log.readMillis = 2;
      int readsBefore = log.reads.get();

      for (int i = 1; i <= commits; i++) {
        log.commit("lamp-" + i);
        Thread.sleep(1);
      }
      assertThat(follower.awaitPosition(commits, WAIT)).isTrue();

      // A commit every millisecond and 2 ms a read: every read finds something new, yet reads stay
      // about 50 ms apart (7 or so), not back to back (about 150).
      assertThat(log.reads.get() - readsBefore).isLessThan(60);
    }
    assertThat(recorder.applied).hasSize(commits);
  }

  @Test
  void aFollowerThatOnlyPolls_doesNotListenToLocalCommits() throws Exception {
    ChangeFollower.Settings slow =
        new ChangeFollower.Settings("slow", 100, Duration.ofMinutes(10), Duration.ofMinutes(10));
    try (ChangeFollower follower = new ChangeFollower(log, 0, slow, recorder)) {
      follower.start();
      awaitCaughtUp();

      assertThat(log.listeners).isEmpty();
    }
  }

  @Test
  void pollOnce_appliesOneBatchOnTheCallersThread_andReportsCatchingUp() {
    log.add("lamp-1");
    ChangeFollower follower = new ChangeFollower(log, 0, FAST, recorder);

    assertThat(follower.pollOnce()).isEqualTo(1);
    assertThat(follower.pollOnce()).isZero();

    assertThat(follower.position()).isEqualTo(1);
    assertThat(recorder.caughtUp.get()).isEqualTo(1);
  }

  private void awaitCaughtUp() throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (recorder.caughtUp.get() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    assertThat(recorder.caughtUp.get()).isPositive();
  }

  /** The log port in memory; the store's log is tested against real databases. */
  private static final class Log implements ChangeLog {
    private final List<ChangeEvent> events = Collections.synchronizedList(new ArrayList<>());

    void add(String thingName) {
      synchronized (events) {
        events.add(
            new ChangeEvent(
                events.size() + 1,
                Instant.EPOCH,
                SCOPE,
                ResourceType.THING,
                thingName,
                ChangeKind.CREATED,
                null));
      }
    }

    @Override
    public void append(ChangeRecord record) {
      throw new IllegalStateException("the follower only reads");
    }

    final AtomicInteger reads = new AtomicInteger();
    volatile long readMillis;

    @Override
    public List<ChangeEvent> readAfter(long afterSequence, int limit) {
      reads.incrementAndGet();
      if (readMillis > 0) {
        try {
          Thread.sleep(readMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      synchronized (events) {
        return events.stream().filter(e -> e.sequence() > afterSequence).limit(limit).toList();
      }
    }

    @Override
    public long head() {
      return events.size();
    }

    final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** An entry committed by this process: listeners hear of it. */
    void commit(String thingName) {
      add(thingName);
      listeners.forEach(Runnable::run);
    }

    @Override
    public Runnable onLocalCommit(Runnable listener) {
      listeners.add(listener);
      return () -> listeners.remove(listener);
    }

    /** The types the last typed listener asked for. */
    volatile java.util.Set<dev.lamplighter.core.arn.ResourceType> listenedTypes;

    @Override
    public Runnable onLocalCommit(
        java.util.Set<dev.lamplighter.core.arn.ResourceType> types, Runnable listener) {
      listenedTypes = types;
      return onLocalCommit(listener);
    }
  }

  private static final class Recorder implements ChangeFollower.Consumer {
    final List<String> applied = new CopyOnWriteArrayList<>();
    final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();
    final AtomicInteger caughtUp = new AtomicInteger();

    @Override
    public void apply(List<ChangeEvent> batch) {
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("briefly unavailable");
      }
      batch.forEach(e -> applied.add(e.name()));
      batchSizes.add(batch.size());
    }

    @Override
    public void caughtUp() {
      caughtUp.incrementAndGet();
    }
  }
}
