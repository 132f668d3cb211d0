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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A read answered from the index waits for the writes committed before it, but never longer than
 * its bound: a stuck index delays reads by the bound, then they answer from what it holds.
 */
class IndexReadWaitTest {
  private static final Scope SCOPE =
      new Scope(AccountId.of("111122223333"), Region.of("eu-west-1"));
  private static final Duration BOUND = Duration.ofMillis(300);

  private final InMemoryLog log = new InMemoryLog();

  @Test
  void stuckIndex_readReturnsAfterTheBound_notCurrent() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch applying = new CountDownLatch(1);
    ChangeFeed.Target stuck =
        new PublishingTarget() {
          @Override
          public void apply(List<ChangeEvent> events) {
            applying.countDown();
            try {
              release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        };
    log.add("lamp-1");
    try (ChangeFeed feed =
        new ChangeFeed(log, stuck, 0, Duration.ofMillis(10), Duration.ofHours(1))) {
      feed.start();
      assertThat(applying.await(10, TimeUnit.SECONDS)).isTrue();
      IndexReadWait wait = new IndexReadWait(log, feed, BOUND);

      long started = System.nanoTime();
      boolean current = wait.awaitCommittedWrites();
      Duration waited = Duration.ofNanos(System.nanoTime() - started);

      assertThat(current).isFalse();
      assertThat(waited).isGreaterThanOrEqualTo(BOUND).isLessThan(Duration.ofSeconds(5));
      assertThat(feed.searchableSequence()).isZero();
      release.countDown();
    }
  }

  @Test
  void healthyIndex_readReturnsOnceTheHeadIsSearchable() throws Exception {
    try (ChangeFeed feed =
        new ChangeFeed(log, new PublishingTarget(), 0, Duration.ofHours(1), Duration.ofHours(1))) {
      feed.start();
      log.add("lamp-1");
      log.add("lamp-2");
      // The feed's pause is an hour: only the read's wake-up makes it read the log now.
      IndexReadWait wait = new IndexReadWait(log, feed, Duration.ofSeconds(10));

      assertThat(wait.awaitCommittedWrites()).isTrue();
      assertThat(feed.searchableSequence()).isEqualTo(2);
    }
  }

  @Test
  void zeroWait_answersAtOnce() throws Exception {
    log.add("lamp-1");
    try (ChangeFeed feed =
        new ChangeFeed(log, new PublishingTarget(), 0, Duration.ofHours(1), Duration.ofHours(1))) {
      IndexReadWait wait = new IndexReadWait(log, feed, Duration.ZERO);

      assertThat(wait.awaitCommittedWrites()).isFalse();
      assertThat(feed.searchableSequence()).isZero();
    }
  }

  private static class PublishingTarget implements ChangeFeed.Target {
    @Override
    public void apply(List<ChangeEvent> events) {}

    @Override
    public void publish() {}

    @Override
    public void commit(long sequence) {}
  }

  /** The change log port in memory, as another node's commits look: no local-commit hint. */
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
}
