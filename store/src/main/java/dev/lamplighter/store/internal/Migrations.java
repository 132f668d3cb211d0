package dev.lamplighter.store.internal;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings a database's schema up to date with the dialect's versioned Flyway scripts. */
final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  static void run(DataSource dataSource, Dialect dialect) {
    MigrateResult result =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations(dialect.migrationLocation())
            .failOnMissingLocations(true)
            .validateMigrationNaming(true)
            .cleanDisabled(true)
            .load()
            .migrate();
    if (result.migrationsExecuted > 0) {
      LOG.info(
          "Migrated the {} schema to version [{}] ({} migrations)",
          dialect.name(),
          result.targetSchemaVersion,
          result.migrationsExecuted);
    }
  }
}
