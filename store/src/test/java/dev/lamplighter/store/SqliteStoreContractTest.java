package dev.lamplighter.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

/** The contract suite on a SQLite file in a temporary directory. */
class SqliteStoreContractTest extends StoreContractSuite {
  private Path dir;

  @Override
  protected Store openEmptyStore(Clock clock) {
    try {
      dir = Files.createTempDirectory("lamplighter-sqlite-contract");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Store.open(StoreConfig.sqlite(dir.resolve("lamplighter.db")), clock);
  }

  @AfterAll
  void deleteFiles() {
    TestFiles.deleteTree(dir);
  }

  @Nested
  class Things extends ThingRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class ThingTypes extends ThingTypeRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class Tags extends TagRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class ThingGroups extends ThingGroupRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class ThingGroupMembers extends ThingGroupMembershipRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class BillingGroups extends BillingGroupRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class ThingBillingGroups extends ThingBillingGroupContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class ChangeLogEntries extends ChangeLogContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class Accounts extends AccountRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class TransactionBoundaries extends TransactionsContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }
}
