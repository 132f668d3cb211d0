package dev.lamplighter.broker.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.broker.internal.ConnectRateLimiter.Verdict;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConnectRateLimiterTest {
  private static final long MS = 1_000_000L;
  private final AtomicLong nanos = new AtomicLong(42 * 1_000_000_000L);

  private void advanceMillis(long millis) {
    nanos.addAndGet(millis * MS);
  }

  @Test
  void clientId_isRefusedOnceItsBurstIsSpent_andAllowedOneASecondAfter() {
    ConnectRateLimiter limiter = new ConnectRateLimiter(500, 1, nanos::get);
    for (int i = 0; i < ConnectRateLimiter.CLIENT_ID_BURST; i++) {
      assertThat(limiter.tryConnect("lamp-1")).as("connect %d", i).isEqualTo(Verdict.ACCEPTED);
    }
    assertThat(limiter.tryConnect("lamp-1")).isEqualTo(Verdict.CLIENT_ID_THROTTLED);
    advanceMillis(999);
    assertThat(limiter.tryConnect("lamp-1")).isEqualTo(Verdict.CLIENT_ID_THROTTLED);
    advanceMillis(1);
    assertThat(limiter.tryConnect("lamp-1")).isEqualTo(Verdict.ACCEPTED);
    assertThat(limiter.tryConnect("lamp-1")).isEqualTo(Verdict.CLIENT_ID_THROTTLED);
  }

  @Test
  void clientIds_haveSeparateBuckets() {
    ConnectRateLimiter limiter = new ConnectRateLimiter(500, 1, nanos::get);
    for (int i = 0; i < ConnectRateLimiter.CLIENT_ID_BURST; i++) {
      limiter.tryConnect("lamp-1");
    }
    assertThat(limiter.tryConnect("lamp-1")).isEqualTo(Verdict.CLIENT_ID_THROTTLED);
    assertThat(limiter.tryConnect("lamp-2")).isEqualTo(Verdict.ACCEPTED);
  }

  @Test
  void rateAboveTheBurst_isTheBurst() {
    ConnectRateLimiter limiter = new ConnectRateLimiter(500, 20, nanos::get);
    for (int i = 0; i < 20; i++) {
      assertThat(limiter.tryConnect("lamp-1")).isEqualTo(Verdict.ACCEPTED);
    }
    assertThat(limiter.tryConnect("lamp-1")).isEqualTo(Verdict.CLIENT_ID_THROTTLED);
    advanceMillis(50);
    assertThat(limiter.tryConnect("lamp-1")).isEqualTo(Verdict.ACCEPTED);
  }

  @Test
  void broker_isRefusedOverItsRate_whateverTheClientIds_andRefillsContinuously() {
    ConnectRateLimiter limiter = new ConnectRateLimiter(10, 1, nanos::get);
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.tryConnect("lamp-" + i)).isEqualTo(Verdict.ACCEPTED);
    }
    assertThat(limiter.tryConnect("lamp-new")).isEqualTo(Verdict.BROKER_THROTTLED);
    assertThat(limiter.tryConnect(null)).isEqualTo(Verdict.BROKER_THROTTLED);
    advanceMillis(100);
    assertThat(limiter.tryConnect(null)).isEqualTo(Verdict.ACCEPTED);
    assertThat(limiter.tryConnect("lamp-new")).isEqualTo(Verdict.BROKER_THROTTLED);
  }

  @Test
  void brokerRefusal_doesNotSpendTheClientIdsToken() {
    ConnectRateLimiter limiter = new ConnectRateLimiter(1, 1, nanos::get);
    assertThat(limiter.tryConnect("other")).isEqualTo(Verdict.ACCEPTED);
    for (int i = 0; i < 10; i++) {
      assertThat(limiter.tryConnect("lamp-1")).isEqualTo(Verdict.BROKER_THROTTLED);
    }
    advanceMillis(1000);
    assertThat(limiter.tryConnect("lamp-1")).isEqualTo(Verdict.ACCEPTED);
  }

  @Test
  void assignedClientIds_areNotTracked() {
    ConnectRateLimiter limiter = new ConnectRateLimiter(500, 1, nanos::get);
    for (int i = 0; i < 100; i++) {
      assertThat(limiter.tryConnect(null)).isEqualTo(Verdict.ACCEPTED);
    }
    assertThat(limiter.trackedClientIds()).isZero();
  }

  @Test
  void clientIdBuckets_areDroppedOnceFull_soTheMapStaysBounded() {
    ConnectRateLimiter limiter = new ConnectRateLimiter(1_000_000, 1, nanos::get);
    for (int second = 0; second < 30; second++) {
      for (int i = 0; i < 1000; i++) {
        limiter.tryConnect("device-" + second + "-" + i);
      }
      advanceMillis(1000);
    }
    // A bucket refills in CLIENT_ID_BURST seconds, so only the last few seconds' ids are kept.
    assertThat(limiter.trackedClientIds())
        .isLessThanOrEqualTo((ConnectRateLimiter.CLIENT_ID_BURST + 1) * 1000);
    advanceMillis(ConnectRateLimiter.CLIENT_ID_BURST * 1000L + 1000);
    limiter.tryConnect("late");
    assertThat(limiter.trackedClientIds()).isEqualTo(1);
  }

  @Test
  void droppedBucket_behavesLikeAFullOne() {
    ConnectRateLimiter limiter = new ConnectRateLimiter(500, 1, nanos::get);
    for (int i = 0; i < ConnectRateLimiter.CLIENT_ID_BURST; i++) {
      limiter.tryConnect("lamp-1");
    }
    advanceMillis(60_000);
    limiter.tryConnect("someone-else");
    assertThat(limiter.trackedClientIds()).isEqualTo(1);
    for (int i = 0; i < ConnectRateLimiter.CLIENT_ID_BURST; i++) {
      assertThat(limiter.tryConnect("lamp-1")).isEqualTo(Verdict.ACCEPTED);
    }
    assertThat(limiter.tryConnect("lamp-1")).isEqualTo(Verdict.CLIENT_ID_THROTTLED);
  }

  @Test
  void rates_belowOne_areRejected() {
    assertThatThrownBy(() -> new ConnectRateLimiter(0, 1, nanos::get))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConnectRateLimiter(1, 0, nanos::get))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
