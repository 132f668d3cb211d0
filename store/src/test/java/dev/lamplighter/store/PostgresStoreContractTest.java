package dev.lamplighter.store;

import java.time.Clock;
import org.junit.jupiter.api.Nested;

/** The contract suite on a fresh database of the embedded PostgreSQL server. */
class PostgresStoreContractTest extends StoreContractSuite {

  @Override
  protected Store openEmptyStore(Clock clock) {
    return Store.open(StoreConfig.of(PostgresDatabases.create()), clock);
  }

  @Nested
  class Things extends ThingRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class ThingTypes extends ThingTypeRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class Tags extends TagRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class ThingGroups extends ThingGroupRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class ThingGroupMembers extends ThingGroupMembershipRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class BillingGroups extends BillingGroupRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class ThingBillingGroups extends ThingBillingGroupContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class ChangeLogEntries extends ChangeLogContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class Accounts extends AccountRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class TransactionBoundaries extends TransactionsContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }
}
