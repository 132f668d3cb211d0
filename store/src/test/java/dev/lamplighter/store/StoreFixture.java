package dev.lamplighter.store;

import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.core.tenancy.Region;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.testkit.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The store under test, shared by the tests of one contract suite, with the helpers that keep them
 * independent: every test works in scopes (and accounts) of its own, and reads the change log from
 * the head it saw when it started.
 */
final class StoreFixture implements AutoCloseable {
  private final Store store;
  private final MutableClock clock;
  private final Supplier<StoreConfig> databases;
  private final AtomicLong accounts = new AtomicLong(100_000_000_000L);

  StoreFixture(Store store, MutableClock clock, Supplier<StoreConfig> databases) {
    this.store = store;
    this.clock = clock;
    this.databases = databases;
  }

  Store store() {
    return store;
  }

  MutableClock clock() {
    return clock;
  }

  /**
   * A new empty database of the store's kind, for tests of what is not scoped; the test opens (and
   * closes) its stores on it.
   */
  StoreConfig newEmptyDatabase() {
    return databases.get();
  }

  /** An account id no other test of the suite uses. */
  AccountId newAccountId() {
    return AccountId.of(String.format(Locale.ROOT, "%012d", accounts.incrementAndGet()));
  }

  /** A scope no other test of the suite uses. */
  Scope newScope() {
    return new Scope(newAccountId(), Region.of("eu-west-1"));
  }

  /** The sequence of the newest committed change log entry, 0 when the log is empty. */
  long logHead() {
    return store.changeLog().head();
  }

  /** Every committed entry after {@code sequence}, read page by page. */
  List<ChangeEvent> logAfter(long sequence) {
    List<ChangeEvent> result = new ArrayList<>();
    long after = sequence;
    while (true) {
      List<ChangeEvent> page = store.changeLog().readAfter(after, 500);
      result.addAll(page);
      if (page.size() < 500) {
        return result;
      }
      after = page.get(page.size() - 1).sequence();
    }
  }

  @Override
  public void close() {
    store.close();
  }
}
