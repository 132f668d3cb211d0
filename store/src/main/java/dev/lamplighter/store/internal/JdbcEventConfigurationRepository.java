package dev.lamplighter.store.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.EventConfigurations;
import dev.lamplighter.registry.EventType;
import dev.lamplighter.registry.spi.EventConfigurationRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One row per scope in {@code event_configurations}; which event types are on as a JSON object of
 * type name to boolean. A name no {@link EventType} has any more is ignored on read, and a type the
 * object lacks is off, so event types can come and go without a migration.
 */
final class JdbcEventConfigurationRepository implements EventConfigurationRepository {
  private static final String FIND =
      "SELECT enabled, creation_date, last_modified_date FROM event_configurations"
          + " WHERE account_id = ? AND region = ?";
  private static final String SAVE =
      "INSERT INTO event_configurations (account_id, region, enabled, creation_date,"
          + " last_modified_date) VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (account_id, region) DO UPDATE SET enabled = excluded.enabled,"
          + " creation_date = excluded.creation_date,"
          + " last_modified_date = excluded.last_modified_date";

  private final Jdbc jdbc;

  JdbcEventConfigurationRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<EventConfigurations> find(Scope scope) {
    return jdbc.read(
        "The event configurations",
        connection ->
            Jdbc.queryOne(
                connection,
                FIND,
                JdbcEventConfigurationRepository::toConfigurations,
                scope.account().value(),
                scope.region().value()));
  }

  @Override
  public void save(Scope scope, EventConfigurations configurations) {
    Map<String, Boolean> enabled = new TreeMap<>();
    configurations.enabled().forEach((type, on) -> enabled.put(type.name(), on));
    jdbc.write(
        "The event configurations",
        connection ->
            Jdbc.update(
                connection,
                SAVE,
                scope.account().value(),
                scope.region().value(),
                StoreJson.write(enabled),
                Instants.format(configurations.creationDate()),
                Instants.format(configurations.lastModifiedDate())));
  }

  private static EventConfigurations toConfigurations(ResultSet row) throws SQLException {
    Map<String, Boolean> stored = StoreJson.readBooleanMap(row.getString("enabled"));
    Map<EventType, Boolean> enabled = new EnumMap<>(EventType.class);
    for (EventType type : EventType.values()) {
      enabled.put(type, Boolean.TRUE.equals(stored.get(type.name())));
    }
    return new EventConfigurations(
        enabled,
        Instants.parse(row.getString("creation_date")),
        Instants.parse(row.getString("last_modified_date")));
  }
}
