package dev.lamplighter.store;

import dev.lamplighter.testkit.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Every port contract against one store. A subclass says how to make an empty database; the suite
 * opens a store on one once for all its tests, which keep apart by working in scopes of their own.
 * Tests of what is not scoped (the server's own CA) make empty databases of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreContractSuite {
  private StoreFixture fixture;

  /** Makes an empty database (each call a new one) and returns its config. */
  protected abstract StoreConfig newEmptyDatabase();

  @BeforeAll
  final void openStore() {
    MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
    fixture =
        new StoreFixture(Store.open(newEmptyDatabase(), clock), clock, this::newEmptyDatabase);
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
