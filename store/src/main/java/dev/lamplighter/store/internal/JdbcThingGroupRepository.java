package dev.lamplighter.store.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.DynamicGroupDefinition;
import dev.lamplighter.registry.DynamicGroupStatus;
import dev.lamplighter.registry.ThingGroup;
import dev.lamplighter.registry.ThingGroupQuery;
import dev.lamplighter.registry.spi.ThingGroupRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Thing groups, one row each. A group's place in its hierarchy never changes, so besides its
 * ancestors (a JSON array, root first) the row keeps what the listings search: the parent's name
 * and the materialized path {@code /root/.../name/} (group names cannot contain {@code /}). A
 * dynamic group is a root whose row also holds its query and status; those columns are null for a
 * static group. The schema refuses a group whose parent is missing and the deletion of a group that
 * still has children or members.
 */
final class JdbcThingGroupRepository implements ThingGroupRepository {
  private static final String FIND =
      "SELECT "
          + ThingGroupListQuery.COLUMNS
          + " FROM thing_groups g WHERE g.account_id = ? AND g.region = ? AND g.name = ?";
  private static final String FIND_PATH =
      "SELECT path FROM thing_groups WHERE account_id = ? AND region = ? AND name = ?";
  private static final String INSERT =
      "INSERT INTO thing_groups (account_id, region, name, group_id, parent_name, root_name,"
          + " ancestors, path, description, attributes, version, created_at, index_name,"
          + " query_string, query_version, dynamic_status)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (account_id, region, name) DO NOTHING";
  private static final String UPDATE =
      "UPDATE thing_groups SET description = ?, attributes = ?, version = ?, index_name = ?,"
          + " query_string = ?, query_version = ?, dynamic_status = ?"
          + " WHERE account_id = ? AND region = ? AND name = ? AND version = ?"
          // A group never changes kind: a static group stays without a query, and the reverse.
          + " AND (query_string IS NULL) = ?";
  private static final String DELETE =
      "DELETE FROM thing_groups WHERE account_id = ? AND region = ? AND name = ? AND version = ?";
  static final String COUNT_DYNAMIC =
      "SELECT COUNT(*) FROM thing_groups"
          + " WHERE account_id = ? AND region = ? AND query_string IS NOT NULL";
  static final String COUNT_CHILDREN =
      "SELECT COUNT(*) FROM thing_groups WHERE account_id = ? AND region = ? AND parent_name = ?";

  private final Jdbc jdbc;

  JdbcThingGroupRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<ThingGroup> find(Scope scope, String name) {
    return jdbc.read(
        resource(name),
        connection ->
            Jdbc.queryOne(
                connection,
                FIND,
                JdbcThingGroupRepository::toGroup,
                scope.account().value(),
                scope.region().value(),
                name));
  }

  @Override
  public void insert(Scope scope, ThingGroup group) {
    DynamicGroupDefinition dynamic = group.dynamic();
    jdbc.write(
        resource(group.name()),
        connection -> {
          int inserted =
              Jdbc.update(
                  connection,
                  INSERT,
                  scope.account().value(),
                  scope.region().value(),
                  group.name(),
                  group.groupId(),
                  group.parentName(),
                  group.rootName(),
                  StoreJson.write(group.ancestors()),
                  path(group),
                  group.description(),
                  StoreJson.write(group.attributes()),
                  group.version(),
                  Instants.format(group.createdAt()),
                  dynamic == null ? null : dynamic.indexName(),
                  dynamic == null ? null : dynamic.queryString(),
                  dynamic == null ? null : dynamic.queryVersion(),
                  dynamic == null ? null : dynamic.status().name());
          if (inserted == 0) {
            throw SqlErrors.alreadyExists(resource(group.name()));
          }
          return null;
        });
  }

  @Override
  public boolean update(Scope scope, ThingGroup group, long expectedVersion) {
    DynamicGroupDefinition dynamic = group.dynamic();
    return jdbc.write(
        resource(group.name()),
        connection ->
            Jdbc.update(
                    connection,
                    UPDATE,
                    group.description(),
                    StoreJson.write(group.attributes()),
                    group.version(),
                    dynamic == null ? null : dynamic.indexName(),
                    dynamic == null ? null : dynamic.queryString(),
                    dynamic == null ? null : dynamic.queryVersion(),
                    dynamic == null ? null : dynamic.status().name(),
                    scope.account().value(),
                    scope.region().value(),
                    group.name(),
                    expectedVersion,
                    dynamic == null)
                > 0);
  }

  @Override
  public boolean delete(Scope scope, String name, long expectedVersion) {
    return jdbc.write(
        resource(name),
        connection ->
            Jdbc.update(
                    connection,
                    DELETE,
                    scope.account().value(),
                    scope.region().value(),
                    name,
                    expectedVersion)
                > 0);
  }

  @Override
  public int countChildren(Scope scope, String name) {
    return jdbc.read(
        "Children of thing group " + name,
        connection ->
            Jdbc.queryOne(
                    connection,
                    COUNT_CHILDREN,
                    row -> row.getInt(1),
                    scope.account().value(),
                    scope.region().value(),
                    name)
                .orElse(0));
  }

  @Override
  public int countDynamic(Scope scope) {
    return jdbc.read(
        "Dynamic thing groups",
        connection ->
            Jdbc.queryOne(
                    connection,
                    COUNT_DYNAMIC,
                    row -> row.getInt(1),
                    scope.account().value(),
                    scope.region().value())
                .orElse(0));
  }

  @Override
  public List<ThingGroup> listDynamic(Scope scope, String afterName, int limit) {
    ThingGroupListQuery sql = ThingGroupListQuery.dynamic(scope, afterName, limit);
    return jdbc.read(
        "Dynamic thing groups",
        connection ->
            Jdbc.query(connection, sql.sql(), JdbcThingGroupRepository::toGroup, sql.paramArray()));
  }

  @Override
  public List<ThingGroup> list(Scope scope, ThingGroupQuery query, String afterName, int limit) {
    Dialect dialect = jdbc.dialect();
    return jdbc.read(
        "Thing groups",
        connection -> {
          ThingGroupListQuery sql;
          if (query.parentName() == null && query.recursive()) {
            sql = ThingGroupListQuery.all(scope, query.namePrefix(), afterName, limit);
          } else if (query.parentName() == null) {
            sql = ThingGroupListQuery.roots(dialect, scope, query.namePrefix(), afterName, limit);
          } else if (!query.recursive()) {
            sql =
                ThingGroupListQuery.children(
                    dialect, scope, query.parentName(), query.namePrefix(), afterName, limit);
          } else {
            Optional<String> parentPath =
                Jdbc.queryOne(
                    connection,
                    FIND_PATH,
                    row -> row.getString(1),
                    scope.account().value(),
                    scope.region().value(),
                    query.parentName());
            if (parentPath.isEmpty()) {
              return List.of();
            }
            sql =
                ThingGroupListQuery.descendants(
                    dialect, scope, parentPath.get(), query.namePrefix(), afterName, limit);
          }
          return Jdbc.query(
              connection, sql.sql(), JdbcThingGroupRepository::toGroup, sql.paramArray());
        });
  }

  /**
   * The group's materialized path: {@code /root/child/name/}, {@code /name/} for a root.
   *
   * @throws IllegalArgumentException when a name contains {@code /}, which the registry's name
   *     pattern excludes and the path cannot hold
   */
  static String path(ThingGroup group) {
    StringBuilder path = new StringBuilder("/");
    for (String ancestor : group.ancestors()) {
      path.append(segment(ancestor)).append('/');
    }
    return path.append(segment(group.name())).append('/').toString();
  }

  private static String segment(String name) {
    if (name.isEmpty() || name.indexOf('/') >= 0) {
      throw new IllegalArgumentException("not a thing group name: " + name);
    }
    return name;
  }

  private static ThingGroup toGroup(ResultSet row) throws SQLException {
    String queryString = row.getString("query_string");
    DynamicGroupDefinition dynamic =
        queryString == null
            ? null
            : new DynamicGroupDefinition(
                row.getString("index_name"),
                queryString,
                row.getString("query_version"),
                DynamicGroupStatus.valueOf(row.getString("dynamic_status")));
    return new ThingGroup(
        row.getString("name"),
        row.getString("group_id"),
        StoreJson.readStringList(row.getString("ancestors")),
        row.getString("description"),
        StoreJson.readStringMap(row.getString("attributes")),
        row.getLong("version"),
        Instants.parse(row.getString("created_at")),
        dynamic);
  }

  private static String resource(String name) {
    return "Thing group " + name;
  }
}
