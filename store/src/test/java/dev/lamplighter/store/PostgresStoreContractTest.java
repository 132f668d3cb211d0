package dev.lamplighter.store;

import org.junit.jupiter.api.Nested;

/** The contract suite on a fresh database of the embedded PostgreSQL server. */
class PostgresStoreContractTest extends StoreContractSuite {

  @Override
  protected StoreConfig newEmptyDatabase() {
    return StoreConfig.of(PostgresDatabases.create());
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
  class DynamicThingGroups extends DynamicThingGroupRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class DynamicThingGroupMembers extends DynamicThingGroupMembershipRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class DynamicThingGroupService extends DynamicThingGroupServiceContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class DynamicGroupMemberships extends DynamicGroupMembershipContract {
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

  @Nested
  class Certificates extends CertificateRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class CaCertificates extends CaCertificateRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class RegistrationCodes extends RegistrationCodeRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class Policies extends PolicyRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class PolicyAttachments extends PolicyAttachmentRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class ThingPrincipals extends ThingPrincipalRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class ThingsWithPrincipals extends ThingPrincipalsOfThingContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class ServerCa extends ServerCaRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class IndexingConfigurations extends IndexingConfigurationRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class ThingConnectivities extends ThingConnectivityContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class EventConfigurations extends EventConfigurationRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class Jobs extends JobRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class JobExecutions extends JobExecutionRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class JobTemplates extends JobTemplateRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class EngineState extends EngineStateRepositoryContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class Shadows extends ShadowContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }

  @Nested
  class Tunnels extends TunnelContract {
    @Override
    protected StoreFixture fixture() {
      return PostgresStoreContractTest.this.fixture();
    }
  }
}
