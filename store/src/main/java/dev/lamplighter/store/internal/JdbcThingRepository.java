package dev.lamplighter.store.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.Thing;
import dev.lamplighter.registry.ThingQuery;
import dev.lamplighter.registry.spi.ThingRepository;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Things. A thing is one row of {@code things}, its attributes kept there as a JSON object so that
 * {@link #find} is one primary-key lookup; the same attributes are also rows of {@code
 * thing_attributes}, rewritten with every insert and update (and deleted with the thing by a
 * cascading foreign key), which serve the attribute filters of {@link #list}.
 *
 * <p>The billing group column is written by {@link #insert}, {@link #setBillingGroup} and {@link
 * #clearBillingGroup} only. {@link #update} keeps it: billing group membership is not part of the
 * version, so an update that read the thing before a concurrent {@link #setBillingGroup} would
 * otherwise pass its version check and silently undo it.
 */
final class JdbcThingRepository implements ThingRepository {
  private static final String FIND =
      "SELECT "
          + ThingListQuery.COLUMNS
          + " FROM things t WHERE t.account_id = ? AND t.region = ? AND t.name = ?";
  private static final String INSERT =
      "INSERT INTO things (account_id, region, name, thing_id, type_name, attributes, version,"
          + " billing_group_name, created_at, modified_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (account_id, region, name) DO NOTHING";
  // Not the billing group: that has writers of its own, which leave the version alone.
  private static final String UPDATE =
      "UPDATE things SET thing_id = ?, type_name = ?, attributes = ?, version = ?,"
          + " created_at = ?, modified_at = ?"
          + " WHERE account_id = ? AND region = ? AND name = ? AND version = ?";
  private static final String SET_BILLING_GROUP =
      "UPDATE things SET billing_group_name = ? WHERE account_id = ? AND region = ? AND name = ?";
  static final String CLEAR_BILLING_GROUP =
      "UPDATE things SET billing_group_name = NULL"
          + " WHERE account_id = ? AND region = ? AND billing_group_name = ?";
  private static final String DELETE =
      "DELETE FROM things WHERE account_id = ? AND region = ? AND name = ? AND version = ?";
  private static final String INSERT_ATTRIBUTE =
      "INSERT INTO thing_attributes (account_id, region, thing_name, attr_name, attr_value)"
          + " VALUES (?, ?, ?, ?, ?)";
  private static final String DELETE_ATTRIBUTES =
      "DELETE FROM thing_attributes WHERE account_id = ? AND region = ? AND thing_name = ?";
  static final String HAS_PRINCIPALS =
      "SELECT 1 FROM thing_principals WHERE account_id = ? AND region = ? AND thing_name = ? LIMIT 1";
  static final String EXISTS_WITH_TYPE =
      "SELECT 1 FROM things WHERE account_id = ? AND region = ? AND type_name = ? LIMIT 1";

  private final Jdbc jdbc;

  JdbcThingRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Thing> find(Scope scope, String name) {
    return jdbc.read(
        resource(name),
        connection ->
            Jdbc.queryOne(
                connection,
                FIND,
                JdbcThingRepository::toThing,
                scope.account().value(),
                scope.region().value(),
                name));
  }

  @Override
  public void insert(Scope scope, Thing thing) {
    jdbc.write(
        resource(thing.name()),
        connection -> {
          int inserted =
              Jdbc.update(
                  connection,
                  INSERT,
                  scope.account().value(),
                  scope.region().value(),
                  thing.name(),
                  thing.thingId(),
                  thing.typeName(),
                  StoreJson.write(thing.attributes()),
                  thing.version(),
                  thing.billingGroupName(),
                  Instants.format(thing.createdAt()),
                  Instants.format(thing.modifiedAt()));
          if (inserted == 0) {
            throw SqlErrors.alreadyExists(resource(thing.name()));
          }
          insertAttributes(connection, scope, thing);
          return null;
        });
  }

  @Override
  public boolean update(Scope scope, Thing thing, long expectedVersion) {
    return jdbc.write(
        resource(thing.name()),
        connection -> {
          int updated =
              Jdbc.update(
                  connection,
                  UPDATE,
                  thing.thingId(),
                  thing.typeName(),
                  StoreJson.write(thing.attributes()),
                  thing.version(),
                  Instants.format(thing.createdAt()),
                  Instants.format(thing.modifiedAt()),
                  scope.account().value(),
                  scope.region().value(),
                  thing.name(),
                  expectedVersion);
          if (updated == 0) {
            return false;
          }
          Jdbc.update(
              connection,
              DELETE_ATTRIBUTES,
              scope.account().value(),
              scope.region().value(),
              thing.name());
          insertAttributes(connection, scope, thing);
          return true;
        });
  }

  @Override
  public boolean delete(Scope scope, String name, long expectedVersion) {
    // thing_attributes rows go with the thing: ON DELETE CASCADE.
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
  public List<Thing> list(Scope scope, ThingQuery query, String afterName, int limit) {
    ThingListQuery sql = ThingListQuery.of(jdbc.dialect(), scope, query, afterName, limit);
    return jdbc.read(
        "Things",
        connection ->
            Jdbc.query(connection, sql.sql(), JdbcThingRepository::toThing, sql.paramArray()));
  }

  /** Answered from {@code thing_principals}, whose primary key leads with the thing. */
  @Override
  public boolean hasPrincipals(Scope scope, String thingName) {
    return jdbc.read(
        "Principals of thing " + thingName,
        connection ->
            Jdbc.queryOne(
                    connection,
                    HAS_PRINCIPALS,
                    row -> row.getInt(1),
                    scope.account().value(),
                    scope.region().value(),
                    thingName)
                .isPresent());
  }

  @Override
  public boolean existsWithType(Scope scope, String typeName) {
    return jdbc.read(
        "Things of type " + typeName,
        connection ->
            !Jdbc.query(
                    connection,
                    EXISTS_WITH_TYPE,
                    row -> row.getInt(1),
                    scope.account().value(),
                    scope.region().value(),
                    typeName)
                .isEmpty());
  }

  @Override
  public boolean setBillingGroup(Scope scope, String thingName, String billingGroupName) {
    return jdbc.write(
        resource(thingName),
        connection ->
            Jdbc.update(
                    connection,
                    SET_BILLING_GROUP,
                    billingGroupName,
                    scope.account().value(),
                    scope.region().value(),
                    thingName)
                > 0);
  }

  @Override
  public void clearBillingGroup(Scope scope, String billingGroupName) {
    jdbc.write(
        "Things in billing group " + billingGroupName,
        connection ->
            Jdbc.update(
                connection,
                CLEAR_BILLING_GROUP,
                scope.account().value(),
                scope.region().value(),
                billingGroupName));
  }

  private static void insertAttributes(Connection connection, Scope scope, Thing thing)
      throws SQLException {
    List<Object[]> rows = new ArrayList<>(thing.attributes().size());
    for (Map.Entry<String, String> attribute : thing.attributes().entrySet()) {
      rows.add(
          new Object[] {
            scope.account().value(),
            scope.region().value(),
            thing.name(),
            attribute.getKey(),
            attribute.getValue()
          });
    }
    Jdbc.batch(connection, INSERT_ATTRIBUTE, rows);
  }

  private static Thing toThing(ResultSet row) throws SQLException {
    return new Thing(
        row.getString("name"),
        row.getString("thing_id"),
        row.getString("type_name"),
        StoreJson.readStringMap(row.getString("attributes")),
        row.getLong("version"),
        row.getString("billing_group_name"),
        Instants.parse(row.getString("created_at")),
        Instants.parse(row.getString("modified_at")));
  }

  private static String resource(String name) {
    return "Thing " + name;
  }
}
