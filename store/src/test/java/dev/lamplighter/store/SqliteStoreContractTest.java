package dev.lamplighter.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;

/** The contract suite on a SQLite file in a temporary directory. */
class SqliteStoreContractTest extends StoreContractSuite {
  private final AtomicInteger databases = new AtomicInteger();
  private Path dir;

  @Override
  protected synchronized StoreConfig newEmptyDatabase() {
    try {
      if (dir == null) {
        dir = Files.createTempDirectory("lamplighter-sqlite-contract");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return StoreConfig.sqlite(dir.resolve("lamplighter-" + databases.incrementAndGet() + ".db"));
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
  class DynamicThingGroups extends DynamicThingGroupRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class DynamicThingGroupMembers extends DynamicThingGroupMembershipRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class DynamicThingGroupService extends DynamicThingGroupServiceContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class DynamicGroupMemberships extends DynamicGroupMembershipContract {
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

  @Nested
  class Certificates extends CertificateRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class CaCertificates extends CaCertificateRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class RegistrationCodes extends RegistrationCodeRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class Policies extends PolicyRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class PolicyAttachments extends PolicyAttachmentRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class ThingPrincipals extends ThingPrincipalRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class ThingsWithPrincipals extends ThingPrincipalsOfThingContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class ServerCa extends ServerCaRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class IndexingConfigurations extends IndexingConfigurationRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class ThingConnectivities extends ThingConnectivityContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class EventConfigurations extends EventConfigurationRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class Jobs extends JobRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class JobExecutions extends JobExecutionRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class JobTemplates extends JobTemplateRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class EngineState extends EngineStateRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class Shadows extends ShadowContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }

  @Nested
  class Tunnels extends TunnelContract {
    @Override
    protected StoreFixture fixture() {
      return SqliteStoreContractTest.this.fixture();
    }
  }
}
