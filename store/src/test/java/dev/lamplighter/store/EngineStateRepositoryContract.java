package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.jobs.spi.EngineStateRepository;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link EngineStateRepository}. Leases and positions belong to the whole server,
 * so each test names its own (after an account id no other test uses).
 */
abstract class EngineStateRepositoryContract extends ContractSupport {
  private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
  private static final Duration TERM = Duration.ofSeconds(30);

  private EngineStateRepository engine() {
    return store().jobsPorts().engine();
  }

  private String newName(String what) {
    return what + "-" + newAccountId().value();
  }

  private boolean tryLease(String name, String owner, Instant now) {
    return engine().tryLease(name, owner, now, now.plus(TERM));
  }

  @Test
  void tryLease_ofAFreeLease_takesIt() {
    String lease = newName("jobs-engine");

    assertThat(tryLease(lease, "node-a", NOW)).isTrue();
  }

  @Test
  void tryLease_whileAnotherOwnerHoldsIt_isRefused_untilItExpires() {
    String lease = newName("jobs-engine");
    tryLease(lease, "node-a", NOW);

    assertThat(tryLease(lease, "node-b", NOW)).isFalse();
    assertThat(tryLease(lease, "node-b", NOW.plus(TERM).minusNanos(1))).isFalse();
    assertThat(tryLease(lease, "node-b", NOW.plus(TERM))).isTrue();
    // node-b holds it now, until NOW + 2 TERM.
    assertThat(tryLease(lease, "node-a", NOW.plus(TERM).plusSeconds(1))).isFalse();
  }

  @Test
  void tryLease_byItsOwner_renewsIt_whetherOrNotItExpired() {
    String lease = newName("jobs-engine");
    tryLease(lease, "node-a", NOW);

    assertThat(tryLease(lease, "node-a", NOW.plusSeconds(20))).isTrue();
    // Renewed until NOW + 50 s: another node is still refused after the first term.
    assertThat(tryLease(lease, "node-b", NOW.plusSeconds(40))).isFalse();
    assertThat(tryLease(lease, "node-a", NOW.plus(Duration.ofHours(1)))).isTrue();
  }

  @Test
  void releaseLease_byItsOwner_freesIt_byAnotherOwner_changesNothing() {
    String lease = newName("jobs-engine");
    tryLease(lease, "node-a", NOW);

    engine().releaseLease(lease, "node-b");
    assertThat(tryLease(lease, "node-b", NOW.plusSeconds(1))).isFalse();

    engine().releaseLease(lease, "node-a");
    assertThat(tryLease(lease, "node-b", NOW.plusSeconds(2))).isTrue();
    engine().releaseLease(newName("never-taken"), "node-a");
  }

  @Test
  void leases_ofDifferentNames_areIndependent() {
    String first = newName("jobs-engine");
    String second = newName("jobs-timers");
    tryLease(first, "node-a", NOW);

    assertThat(tryLease(second, "node-b", NOW)).isTrue();
    assertThat(tryLease(first, "node-b", NOW)).isFalse();
  }

  @Test
  void tryLease_joinsTheCallersTransaction() {
    String lease = newName("jobs-engine");

    Runnable takeThenFail =
        () -> {
          assertThat(tryLease(lease, "node-a", NOW)).isTrue();
          throw new IllegalStateException("roll back");
        };
    assertThatThrownBy(() -> tx(takeThenFail)).hasMessage("roll back");

    assertThat(tryLease(lease, "node-b", NOW)).isTrue();
  }

  @Test
  void position_isZeroUntilSaved_thenTheLastSaved() {
    String consumer = newName("jobs-follower");
    String other = newName("events-follower");

    assertThat(engine().position(consumer)).isZero();

    engine().savePosition(consumer, 42);
    assertThat(engine().position(consumer)).isEqualTo(42);
    tx(() -> engine().savePosition(consumer, 1_000_000_000_000L));
    assertThat(engine().position(consumer)).isEqualTo(1_000_000_000_000L);
    assertThat(engine().position(other)).isZero();
  }
}
