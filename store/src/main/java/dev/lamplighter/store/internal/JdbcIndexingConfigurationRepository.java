package dev.lamplighter.store.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.index.IndexField;
import dev.lamplighter.index.IndexingConfiguration;
import dev.lamplighter.index.IndexingConfiguration.ConnectivityIndexingMode;
import dev.lamplighter.index.IndexingConfiguration.GroupIndexingMode;
import dev.lamplighter.index.IndexingConfiguration.ThingIndexingMode;
import dev.lamplighter.index.spi.IndexingConfigurationRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row per scope; custom fields as a JSON list of {@code {"name", "type"}}, the named shadow
 * filter as a JSON list of names.
 */
final class JdbcIndexingConfigurationRepository implements IndexingConfigurationRepository {
  private static final String COLUMNS =
      "thing_indexing_mode, thing_connectivity_indexing_mode, device_defender_indexing_mode,"
          + " named_shadow_indexing_mode, thing_custom_fields, thing_group_indexing_mode,"
          + " thing_group_custom_fields, named_shadow_names";
  private static final String FIND =
      "SELECT " + COLUMNS + " FROM indexing_configurations WHERE account_id = ? AND region = ?";
  private static final String PUT =
      "INSERT INTO indexing_configurations (account_id, region, "
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, region) DO UPDATE SET"
          + " thing_indexing_mode = excluded.thing_indexing_mode,"
          + " thing_connectivity_indexing_mode = excluded.thing_connectivity_indexing_mode,"
          + " device_defender_indexing_mode = excluded.device_defender_indexing_mode,"
          + " named_shadow_indexing_mode = excluded.named_shadow_indexing_mode,"
          + " thing_custom_fields = excluded.thing_custom_fields,"
          + " thing_group_indexing_mode = excluded.thing_group_indexing_mode,"
          + " thing_group_custom_fields = excluded.thing_group_custom_fields,"
          + " named_shadow_names = excluded.named_shadow_names";

  private final Jdbc jdbc;

  JdbcIndexingConfigurationRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<IndexingConfiguration> find(Scope scope) {
    return jdbc.read(
        "The indexing configuration",
        connection ->
            Jdbc.queryOne(
                connection,
                FIND,
                JdbcIndexingConfigurationRepository::toConfiguration,
                scope.account().value(),
                scope.region().value()));
  }

  @Override
  public void put(Scope scope, IndexingConfiguration configuration) {
    jdbc.write(
        "The indexing configuration",
        connection ->
            Jdbc.update(
                connection,
                PUT,
                scope.account().value(),
                scope.region().value(),
                configuration.thingIndexingMode().name(),
                configuration.thingConnectivityIndexingMode().name(),
                configuration.deviceDefenderIndexingMode(),
                configuration.namedShadowIndexingMode(),
                StoreJson.write(fieldRows(configuration.thingCustomFields())),
                configuration.thingGroupIndexingMode().name(),
                StoreJson.write(fieldRows(configuration.thingGroupCustomFields())),
                StoreJson.write(configuration.namedShadowNames())));
  }

  private static IndexingConfiguration toConfiguration(ResultSet row) throws SQLException {
    return new IndexingConfiguration(
        ThingIndexingMode.valueOf(row.getString("thing_indexing_mode")),
        ConnectivityIndexingMode.valueOf(row.getString("thing_connectivity_indexing_mode")),
        row.getString("device_defender_indexing_mode"),
        row.getString("named_shadow_indexing_mode"),
        fields(row.getString("thing_custom_fields")),
        GroupIndexingMode.valueOf(row.getString("thing_group_indexing_mode")),
        fields(row.getString("thing_group_custom_fields")),
        StoreJson.readStringList(row.getString("named_shadow_names")));
  }

  private static List<Map<String, String>> fieldRows(List<IndexField> fields) {
    return fields.stream()
        .map(field -> Map.of("name", field.name(), "type", field.type().name()))
        .toList();
  }

  private static List<IndexField> fields(String json) {
    return StoreJson.readMapList(json).stream()
        .map(row -> new IndexField(row.get("name"), IndexField.FieldType.valueOf(row.get("type"))))
        .toList();
  }
}
