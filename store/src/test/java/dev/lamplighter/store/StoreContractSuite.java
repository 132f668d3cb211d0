package dev.lamplighter.store;

import dev.lamplighter.testkit.MutableClock;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Every port contract against one store. A subclass says how to open a fresh store; the suite opens
 * it once for all its tests, which keep apart by working in scopes of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContractSuite {
  private StoreFixture fixture;

  /** Opens an empty store that stamps change log entries with {@code clock}. */
  protected abstract Store openEmptyStore(Clock clock);

  @BeforeAll
  final void openStore() {
    MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    fixture = new StoreFixture(openEmptyStore(clock), clock);
  }

  @AfterAll
  final void closeStore() {
    if (fixture != null) {
      fixture.close();
    }
  }

  /** The store under test, for the contracts that the subclass nests. */
  protected final StoreFixture fixture() {
    return fixture;
  }
}
