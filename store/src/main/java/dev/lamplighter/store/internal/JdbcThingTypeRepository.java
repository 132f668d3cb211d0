package dev.lamplighter.store.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.PropagatingAttribute;
import dev.lamplighter.registry.ThingType;
import dev.lamplighter.registry.spi.ThingTypeRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Thing types, one row each; the searchable and propagating attributes are JSON arrays in their own
 * columns (never filtered on).
 */
final class JdbcThingTypeRepository implements ThingTypeRepository {
  private static final String COLUMNS =
      "name, thing_type_id, description, searchable_attributes, propagating_attributes,"
          + " deprecated_at, created_at";
  private static final String FIND =
      "SELECT " + COLUMNS + " FROM thing_types WHERE account_id = ? AND region = ? AND name = ?";
  private static final String INSERT =
      "INSERT INTO thing_types (account_id, region, "
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (account_id, region, name) DO NOTHING";
  private static final String UPDATE =
      "UPDATE thing_types SET thing_type_id = ?, description = ?, searchable_attributes = ?,"
          + " propagating_attributes = ?, deprecated_at = ?, created_at = ?"
          + " WHERE account_id = ? AND region = ? AND name = ?";
  private static final String DELETE =
      "DELETE FROM thing_types WHERE account_id = ? AND region = ? AND name = ?";
  private static final String LIST =
      "SELECT " + COLUMNS + " FROM thing_types WHERE account_id = ? AND region = ?";

  // JSON member names of a propagating attribute; the row format, not the domain record's.
  private static final String USER_PROPERTY_KEY = "userPropertyKey";
  private static final String THING_ATTRIBUTE = "thingAttribute";
  private static final String CONNECTION_ATTRIBUTE = "connectionAttribute";

  private final Jdbc jdbc;

  JdbcThingTypeRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<ThingType> find(Scope scope, String name) {
    return jdbc.read(
        resource(name),
        connection ->
            Jdbc.queryOne(
                connection,
                FIND,
                JdbcThingTypeRepository::toType,
                scope.account().value(),
                scope.region().value(),
                name));
  }

  @Override
  public void insert(Scope scope, ThingType type) {
    jdbc.write(
        resource(type.name()),
        connection -> {
          int inserted =
              Jdbc.update(
                  connection,
                  INSERT,
                  scope.account().value(),
                  scope.region().value(),
                  type.name(),
                  type.thingTypeId(),
                  type.description(),
                  StoreJson.write(type.searchableAttributes()),
                  writePropagating(type.propagatingAttributes()),
                  Instants.format(type.deprecatedAt()),
                  Instants.format(type.createdAt()));
          if (inserted == 0) {
            throw SqlErrors.alreadyExists(resource(type.name()));
          }
          return null;
        });
  }

  @Override
  public boolean update(Scope scope, ThingType type) {
    return jdbc.write(
        resource(type.name()),
        connection ->
            Jdbc.update(
                    connection,
                    UPDATE,
                    type.thingTypeId(),
                    type.description(),
                    StoreJson.write(type.searchableAttributes()),
                    writePropagating(type.propagatingAttributes()),
                    Instants.format(type.deprecatedAt()),
                    Instants.format(type.createdAt()),
                    scope.account().value(),
                    scope.region().value(),
                    type.name())
                > 0);
  }

  @Override
  public boolean delete(Scope scope, String name) {
    return jdbc.write(
        resource(name),
        connection ->
            Jdbc.update(connection, DELETE, scope.account().value(), scope.region().value(), name)
                > 0);
  }

  @Override
  public List<ThingType> list(Scope scope, String name, String afterName, int limit) {
    StringBuilder sql = new StringBuilder(LIST);
    List<Object> params = new ArrayList<>(List.of(scope.account().value(), scope.region().value()));
    if (name != null) {
      sql.append(" AND name = ?");
      params.add(name);
    }
    if (afterName != null) {
      sql.append(" AND name > ?");
      params.add(afterName);
    }
    sql.append(" ORDER BY name LIMIT ?");
    params.add(limit);
    return jdbc.read(
        "Thing types",
        connection ->
            Jdbc.query(
                connection, sql.toString(), JdbcThingTypeRepository::toType, params.toArray()));
  }

  private static String writePropagating(List<PropagatingAttribute> attributes) {
    List<Map<String, String>> rows = new ArrayList<>(attributes.size());
    for (PropagatingAttribute attribute : attributes) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put(USER_PROPERTY_KEY, attribute.userPropertyKey());
      row.put(THING_ATTRIBUTE, attribute.thingAttribute());
      row.put(CONNECTION_ATTRIBUTE, attribute.connectionAttribute());
      rows.add(row);
    }
    return StoreJson.write(rows);
  }

  private static List<PropagatingAttribute> readPropagating(String json) {
    return StoreJson.readMapList(json).stream()
        .map(
            row ->
                new PropagatingAttribute(
                    row.get(USER_PROPERTY_KEY),
                    row.get(THING_ATTRIBUTE),
                    row.get(CONNECTION_ATTRIBUTE)))
        .toList();
  }

  private static ThingType toType(ResultSet row) throws SQLException {
    return new ThingType(
        row.getString("name"),
        row.getString("thing_type_id"),
        row.getString("description"),
        StoreJson.readStringList(row.getString("searchable_attributes")),
        readPropagating(row.getString("propagating_attributes")),
        Instants.parse(row.getString("deprecated_at")),
        Instants.parse(row.getString("created_at")));
  }

  private static String resource(String name) {
    return "Thing type " + name;
  }
}
