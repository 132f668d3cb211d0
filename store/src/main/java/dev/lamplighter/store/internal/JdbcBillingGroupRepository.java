package dev.lamplighter.store.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.BillingGroup;
import dev.lamplighter.registry.spi.BillingGroupRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Billing groups, one row each. Which billing group a thing is in is a column of {@code things}
 * (written by {@link JdbcThingRepository#setBillingGroup}); {@link #things} reads it through the
 * partial index {@code things_by_billing_group}.
 */
final class JdbcBillingGroupRepository implements BillingGroupRepository {
  private static final String COLUMNS = "name, group_id, description, version, created_at";
  private static final String FIND =
      "SELECT " + COLUMNS + " FROM billing_groups WHERE account_id = ? AND region = ? AND name = ?";
  private static final String INSERT =
      "INSERT INTO billing_groups (account_id, region, "
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (account_id, region, name) DO NOTHING";
  private static final String UPDATE =
      "UPDATE billing_groups SET group_id = ?, description = ?, version = ?, created_at = ?"
          + " WHERE account_id = ? AND region = ? AND name = ? AND version = ?";
  private static final String DELETE =
      "DELETE FROM billing_groups"
          + " WHERE account_id = ? AND region = ? AND name = ? AND version = ?";

  private final Jdbc jdbc;

  JdbcBillingGroupRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<BillingGroup> find(Scope scope, String name) {
    return jdbc.read(
        resource(name),
        connection ->
            Jdbc.queryOne(
                connection,
                FIND,
                JdbcBillingGroupRepository::toGroup,
                scope.account().value(),
                scope.region().value(),
                name));
  }

  @Override
  public void insert(Scope scope, BillingGroup group) {
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
                  group.description(),
                  group.version(),
                  Instants.format(group.createdAt()));
          if (inserted == 0) {
            throw SqlErrors.alreadyExists(resource(group.name()));
          }
          return null;
        });
  }

  @Override
  public boolean update(Scope scope, BillingGroup group, long expectedVersion) {
    return jdbc.write(
        resource(group.name()),
        connection ->
            Jdbc.update(
                    connection,
                    UPDATE,
                    group.groupId(),
                    group.description(),
                    group.version(),
                    Instants.format(group.createdAt()),
                    scope.account().value(),
                    scope.region().value(),
                    group.name(),
                    expectedVersion)
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
  public List<BillingGroup> list(Scope scope, String namePrefix, String afterName, int limit) {
    List<Object> params = new ArrayList<>();
    params.add(scope.account().value());
    params.add(scope.region().value());
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(COLUMNS)
            .append(" FROM billing_groups WHERE account_id = ? AND region = ?");
    NameRange.append(sql, params, "name", namePrefix, afterName);
    sql.append(" ORDER BY name LIMIT ?");
    params.add(limit);
    return jdbc.read(
        "Billing groups",
        connection ->
            Jdbc.query(
                connection, sql.toString(), JdbcBillingGroupRepository::toGroup, params.toArray()));
  }

  @Override
  public List<String> things(Scope scope, String groupName, String afterThing, int limit) {
    List<Object> params = new ArrayList<>();
    params.add(scope.account().value());
    params.add(scope.region().value());
    params.add(groupName);
    if (afterThing != null) {
      params.add(afterThing);
    }
    params.add(limit);
    String sql = thingsSql(jdbc.dialect(), afterThing != null);
    return jdbc.read(
        "Things in billing group " + groupName,
        connection -> Jdbc.query(connection, sql, row -> row.getString(1), params.toArray()));
  }

  /** A page of the group's things, a range of {@code things_by_billing_group} in name order. */
  static String thingsSql(Dialect dialect, boolean hasAfter) {
    return "SELECT name FROM things"
        + dialect.useIndex("things_by_billing_group")
        + " WHERE account_id = ? AND region = ? AND billing_group_name = ?"
        + (hasAfter ? " AND name > ?" : "")
        + " ORDER BY name LIMIT ?";
  }

  private static BillingGroup toGroup(ResultSet row) throws SQLException {
    return new BillingGroup(
        row.getString("name"),
        row.getString("group_id"),
        row.getString("description"),
        row.getLong("version"),
        Instants.parse(row.getString("created_at")));
  }

  private static String resource(String name) {
    return "Billing group " + name;
  }
}
