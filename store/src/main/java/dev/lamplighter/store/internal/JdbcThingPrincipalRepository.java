package dev.lamplighter.store.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.principals.ThingPrincipal;
import dev.lamplighter.security.principals.ThingPrincipalType;
import dev.lamplighter.security.spi.ThingPrincipalRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Principals attached to things, one row per (thing, principal ARN). A thing's principals are a
 * range of the primary key in ARN order; a principal's things a range of {@code
 * thing_principals_by_principal} in name order. A foreign key to {@code things} (no cascade) makes
 * attaching to a missing thing, or deleting a thing that still has principals, fail.
 */
final class JdbcThingPrincipalRepository implements ThingPrincipalRepository {
  private static final String COLUMNS = "thing_name, principal_arn, type, attached_at";
  private static final String ATTACH =
      "INSERT INTO thing_principals (account_id, region, "
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (account_id, region, thing_name, principal_arn) DO NOTHING";
  private static final String DETACH =
      "DELETE FROM thing_principals"
          + " WHERE account_id = ? AND region = ? AND thing_name = ? AND principal_arn = ?";

  private final Jdbc jdbc;

  JdbcThingPrincipalRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean attach(Scope scope, ThingPrincipal attachment) {
    return jdbc.write(
        resource(attachment.thingName(), attachment.principal()),
        connection ->
            Jdbc.update(
                    connection,
                    ATTACH,
                    scope.account().value(),
                    scope.region().value(),
                    attachment.thingName(),
                    attachment.principal(),
                    attachment.type().name(),
                    Instants.format(attachment.attachedAt()))
                > 0);
  }

  @Override
  public boolean detach(Scope scope, String thingName, String principalArn) {
    return jdbc.write(
        resource(thingName, principalArn),
        connection ->
            Jdbc.update(
                    connection,
                    DETACH,
                    scope.account().value(),
                    scope.region().value(),
                    thingName,
                    principalArn)
                > 0);
  }

  @Override
  public List<ThingPrincipal> principalsOf(Scope scope, String thingName, String after, int limit) {
    return page(
        "Principals of thing " + thingName,
        principalsSql(after != null),
        scope,
        thingName,
        after,
        limit);
  }

  @Override
  public List<ThingPrincipal> thingsOf(Scope scope, String principalArn, String after, int limit) {
    return page(
        "Things of principal " + principalArn,
        thingsSql(jdbc.dialect(), after != null),
        scope,
        principalArn,
        after,
        limit);
  }

  /** A page of a thing's principals in ARN order: a range of the primary key. */
  static String principalsSql(boolean hasAfter) {
    return "SELECT "
        + COLUMNS
        + " FROM thing_principals WHERE account_id = ? AND region = ? AND thing_name = ?"
        + (hasAfter ? " AND principal_arn > ?" : "")
        + " ORDER BY principal_arn LIMIT ?";
  }

  /**
   * A page of a principal's things in name order: a range of the principal index, which SQLite is
   * told to use (unprompted, it would walk the primary key because it matches the ORDER BY).
   */
  static String thingsSql(Dialect dialect, boolean hasAfter) {
    return "SELECT "
        + COLUMNS
        + " FROM thing_principals"
        + dialect.useIndex("thing_principals_by_principal")
        + " WHERE account_id = ? AND region = ? AND principal_arn = ?"
        + (hasAfter ? " AND thing_name > ?" : "")
        + " ORDER BY thing_name LIMIT ?";
  }

  private List<ThingPrincipal> page(
      String resource, String sql, Scope scope, String key, String after, int limit) {
    List<Object> params = new ArrayList<>(5);
    params.add(scope.account().value());
    params.add(scope.region().value());
    params.add(key);
    if (after != null) {
      params.add(after);
    }
    params.add(limit);
    return jdbc.read(
        resource,
        connection ->
            Jdbc.query(
                connection, sql, JdbcThingPrincipalRepository::toPrincipal, params.toArray()));
  }

  private static ThingPrincipal toPrincipal(ResultSet row) throws SQLException {
    return new ThingPrincipal(
        row.getString("thing_name"),
        row.getString("principal_arn"),
        ThingPrincipalType.valueOf(row.getString("type")),
        Instants.parse(row.getString("attached_at")));
  }

  private static String resource(String thingName, String principalArn) {
    return "Principal " + principalArn + " of thing " + thingName;
  }
}
