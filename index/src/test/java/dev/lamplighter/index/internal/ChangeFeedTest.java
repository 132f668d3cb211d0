package dev.lamplighter.index.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.event.ChangeLog;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.core.tenancy.Region;
import dev.lamplighter.core.tenancy.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The feed applies the log in order, publishes each batch, commits, and retries failures. */
class ChangeFeedTest {
  private static final Scope SCOPE =
      new Scope(AccountId.of("111122223333"), Region.of("eu-west-1"));
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final InMemoryLog log = new InMemoryLog();
  private final RecordingTarget target = new RecordingTarget();

  @Test
  void appliesEveryEntryInOrder_publishesIt_andCommitsWhenIdle() throws Exception {
    for (int i = 1; i <= 1200; i++) {
      log.add("lamp-" + i);
    }

    try (ChangeFeed feed = feed(0)) {
      feed.start();
      assertThat(feed.awaitApplied(1200, WAIT)).isTrue();
      awaitCommitted(1200);
    }

    assertThat(target.applied).hasSize(1200);
    assertThat(target.applied.get(0)).isEqualTo("lamp-1");
    assertThat(target.applied.get(1199)).isEqualTo("lamp-1200");
    assertThat(target.publishedAfter).isNotEmpty().allMatch(count -> count > 0);
  }

  @Test
  void resumesAfterTheSequenceItWasGiven() throws Exception {
    for (int i = 1; i <= 10; i++) {
      log.add("lamp-" + i);
    }

    try (ChangeFeed feed = feed(6)) {
      feed.start();
      assertThat(feed.awaitApplied(10, WAIT)).isTrue();
    }

    assertThat(target.applied).containsExactly("lamp-7", "lamp-8", "lamp-9", "lamp-10");
  }

  @Test
  void aFailedBatch_isAppliedAgain_notSkipped() throws Exception {
    log.add("lamp-1");
    log.add("lamp-2");
    target.failuresLeft.set(1);

    try (ChangeFeed feed = feed(0)) {
      feed.start();
      assertThat(feed.awaitApplied(2, WAIT)).isTrue();
    }

    assertThat(target.applied).containsExactly("lamp-1", "lamp-2");
  }

  @Test
  void closing_commitsWhatWasApplied() throws Exception {
    log.add("lamp-1");
    ChangeFeed feed = feed(0);
    feed.start();
    assertThat(feed.awaitApplied(1, WAIT)).isTrue();

    feed.close();

    assertThat(target.commits).last().isEqualTo(1L);
  }

  private ChangeFeed feed(long startAfter) {
    return new ChangeFeed(log, target, startAfter, Duration.ofMillis(5), Duration.ofMillis(50));
  }

  private void awaitCommitted(long sequence) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!target.commits.contains(sequence) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(target.commits).contains(sequence);
  }

  /** The change log port in memory; the store's log is tested against real databases. */
  private static final class InMemoryLog implements ChangeLog {
    private final List<ChangeEvent> events = Collections.synchronizedList(new ArrayList<>());

    void add(String thingName) {
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

    @Override
    public void append(ChangeRecord record) {
      throw new UnsupportedOperationException("the feed only reads");
    }

    @Override
    public List<ChangeEvent> readAfter(long afterSequence, int limit) {
      synchronized (events) {
        return events.stream().filter(e -> e.sequence() > afterSequence).limit(limit).toList();
      }
    }

    @Override
    public long head() {
      return events.size();
    }
  }

  private static final class RecordingTarget implements ChangeFeed.Target {
    final List<String> applied = new CopyOnWriteArrayList<>();
    final List<Integer> publishedAfter = new CopyOnWriteArrayList<>();
    final List<Long> commits = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    @Override
    public void apply(List<ChangeEvent> events) {
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("the index is briefly unavailable");
      }
      events.forEach(e -> applied.add(e.name()));
    }

    @Override
    public void publish() {
      publishedAfter.add(applied.size());
    }

    @Override
    public void commit(long sequence) {
      commits.add(sequence);
    }
  }
}
