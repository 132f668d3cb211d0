package dev.lamplighter.store;

/** Jobs' behaviour on databases of the embedded PostgreSQL server. */
class PostgresJobsBehaviourTest extends JobsBehaviourTest {

  @Override
  protected StoreConfig newEmptyDatabase() {
    return StoreConfig.of(PostgresDatabases.create());
  }
}
