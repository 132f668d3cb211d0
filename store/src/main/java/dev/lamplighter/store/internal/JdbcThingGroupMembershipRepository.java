package dev.lamplighter.store.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.ThingGroup;
import dev.lamplighter.registry.spi.ThingGroupMembershipRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Memberships of static thing groups, kept twice: {@code thing_group_members} holds the direct
 * memberships, and {@code thing_group_closure} one row per group a thing is in, directly or below
 * it (the direct group and each of its ancestors). A thing is in at most one group of a hierarchy,
 * so each closure row belongs to exactly one direct membership and is written and deleted with it.
 *
 * <p>Reads are single primary key ranges: the members of a group from {@code thing_group_members},
 * the members of its whole subtree from {@code thing_group_closure}, both in thing-name order. The
 * groups' ancestors come from the {@link ThingGroup} the caller passes; only {@link #removeThing},
 * which knows the thing alone, reads them from {@code thing_groups}.
 */
final class JdbcThingGroupMembershipRepository implements ThingGroupMembershipRepository {
  /**
   * Inserts the membership unless the thing is in the group's hierarchy already, which its closure
   * row of the hierarchy's root tells.
   */
  private static final String ADD =
      "INSERT INTO thing_group_members (account_id, region, group_name, thing_name)"
          + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM thing_group_closure"
          + " WHERE account_id = ? AND region = ? AND ancestor_name = ? AND thing_name = ?)"
          + " ON CONFLICT (account_id, region, group_name, thing_name) DO NOTHING";

  private static final String IS_MEMBER =
      "SELECT 1 FROM thing_group_members"
          + " WHERE account_id = ? AND region = ? AND group_name = ? AND thing_name = ?";
  private static final String REMOVE =
      "DELETE FROM thing_group_members"
          + " WHERE account_id = ? AND region = ? AND group_name = ? AND thing_name = ?";
  static final String GROUPS_OF =
      "SELECT group_name FROM thing_group_members"
          + " WHERE account_id = ? AND region = ? AND thing_name = ? ORDER BY group_name";
  private static final String DIRECT_GROUPS =
      "SELECT g.name, g.ancestors FROM thing_group_members m JOIN thing_groups g"
          + " ON g.account_id = m.account_id AND g.region = m.region AND g.name = m.group_name"
          + " WHERE m.account_id = ? AND m.region = ? AND m.thing_name = ?";
  private static final String REMOVE_THING =
      "DELETE FROM thing_group_members WHERE account_id = ? AND region = ? AND thing_name = ?";
  private static final String REMOVE_GROUP =
      "DELETE FROM thing_group_members WHERE account_id = ? AND region = ? AND group_name = ?";

  private final Jdbc jdbc;

  JdbcThingGroupMembershipRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @throws IllegalStateException when the thing is in another group of the same hierarchy, which
   *     the registry must prevent; nothing is written then
   */
  @Override
  public void add(Scope scope, ThingGroup group, String thingName) {
    String account = scope.account().value();
    String region = scope.region().value();
    jdbc.write(
        resource(group.name(), thingName),
        connection -> {
          int added =
              Jdbc.update(
                  connection,
                  ADD,
                  account,
                  region,
                  group.name(),
                  thingName,
                  account,
                  region,
                  group.rootName(),
                  thingName);
          if (added == 0) {
            boolean member =
                Jdbc.queryOne(
                        connection,
                        IS_MEMBER,
                        row -> row.getInt(1),
                        account,
                        region,
                        group.name(),
                        thingName)
                    .isPresent();
            if (member) {
              return null;
            }
            throw new IllegalStateException(
                "Thing "
                    + thingName
                    + " is already in another group of the hierarchy of "
                    + group.rootName());
          }
          List<String> groups = group.selfAndAncestors();
          List<Object> params = new ArrayList<>(groups.size() * 4);
          for (String ancestor : groups) {
            params.add(account);
            params.add(region);
            params.add(ancestor);
            params.add(thingName);
          }
          Jdbc.update(connection, insertClosure(groups.size()), params.toArray());
          return null;
        });
  }

  @Override
  public boolean remove(Scope scope, ThingGroup group, String thingName) {
    String account = scope.account().value();
    String region = scope.region().value();
    return jdbc.write(
        resource(group.name(), thingName),
        connection -> {
          if (Jdbc.update(connection, REMOVE, account, region, group.name(), thingName) == 0) {
            return false;
          }
          deleteClosure(connection, scope, thingName, group.selfAndAncestors());
          return true;
        });
  }

  @Override
  public List<String> groupsOf(Scope scope, String thingName) {
    return jdbc.read(
        "Thing groups of thing " + thingName,
        connection ->
            Jdbc.query(
                connection,
                GROUPS_OF,
                row -> row.getString(1),
                scope.account().value(),
                scope.region().value(),
                thingName));
  }

  @Override
  public List<String> things(
      Scope scope, String groupName, boolean recursive, String afterThing, int limit) {
    List<Object> params = new ArrayList<>(5);
    params.add(scope.account().value());
    params.add(scope.region().value());
    params.add(groupName);
    if (afterThing != null) {
      params.add(afterThing);
    }
    params.add(limit);
    return jdbc.read(
        "Things in thing group " + groupName,
        connection ->
            Jdbc.query(
                connection,
                thingsSql(recursive, afterThing != null),
                row -> row.getString(1),
                params.toArray()));
  }

  @Override
  public void removeThing(Scope scope, String thingName) {
    String account = scope.account().value();
    String region = scope.region().value();
    jdbc.write(
        "Thing group memberships of thing " + thingName,
        connection -> {
          Set<String> groups = new LinkedHashSet<>();
          Jdbc.query(
              connection,
              DIRECT_GROUPS,
              row -> {
                groups.add(row.getString(1));
                groups.addAll(StoreJson.readStringList(row.getString(2)));
                return null;
              },
              account,
              region,
              thingName);
          if (groups.isEmpty()) {
            return null;
          }
          deleteClosure(connection, scope, thingName, List.copyOf(groups));
          Jdbc.update(connection, REMOVE_THING, account, region, thingName);
          return null;
        });
  }

  /**
   * Two set-based statements, whatever the number of members: the closure rows of the group and its
   * ancestors for the group's direct members, then the direct memberships.
   */
  @Override
  public void removeGroup(Scope scope, ThingGroup group) {
    String account = scope.account().value();
    String region = scope.region().value();
    List<String> groups = group.selfAndAncestors();
    List<Object> params = new ArrayList<>(groups.size() + 5);
    params.add(account);
    params.add(region);
    params.addAll(groups);
    params.add(account);
    params.add(region);
    params.add(group.name());
    jdbc.write(
        "Memberships of thing group " + group.name(),
        connection -> {
          Jdbc.update(connection, removeGroupClosure(groups.size()), params.toArray());
          Jdbc.update(connection, REMOVE_GROUP, account, region, group.name());
          return null;
        });
  }

  /**
   * A page of members in thing-name order: a range of the closure's primary key when {@code
   * recursive}, else of the direct memberships' primary key.
   */
  static String thingsSql(boolean recursive, boolean hasAfter) {
    String table = recursive ? "thing_group_closure" : "thing_group_members";
    String groupColumn = recursive ? "ancestor_name" : "group_name";
    return "SELECT thing_name FROM "
        + table
        + " WHERE account_id = ? AND region = ? AND "
        + groupColumn
        + " = ?"
        + (hasAfter ? " AND thing_name > ?" : "")
        + " ORDER BY thing_name LIMIT ?";
  }

  /** Deletes the thing's closure rows of {@code groups}, one primary key lookup each. */
  private static void deleteClosure(
      Connection connection, Scope scope, String thingName, List<String> groups)
      throws SQLException {
    List<Object> params = new ArrayList<>(groups.size() + 3);
    params.add(scope.account().value());
    params.add(scope.region().value());
    params.add(thingName);
    params.addAll(groups);
    Jdbc.update(
        connection,
        "DELETE FROM thing_group_closure WHERE account_id = ? AND region = ? AND thing_name = ?"
            + " AND ancestor_name IN ("
            + Jdbc.placeholders(groups.size())
            + ")",
        params.toArray());
  }

  private static String insertClosure(int rows) {
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO thing_group_closure (account_id, region, ancestor_name, thing_name)"
                + " VALUES ");
    for (int i = 0; i < rows; i++) {
      sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?)");
    }
    return sql.toString();
  }

  /** The closure rows of {@code groups} ancestors for the direct members of a group. */
  static String removeGroupClosure(int groups) {
    return "DELETE FROM thing_group_closure WHERE account_id = ? AND region = ?"
        + " AND ancestor_name IN ("
        + Jdbc.placeholders(groups)
        + ") AND thing_name IN (SELECT m.thing_name FROM thing_group_members m"
        + " WHERE m.account_id = ? AND m.region = ? AND m.group_name = ?)";
  }

  private static String resource(String groupName, String thingName) {
    return "Membership of thing " + thingName + " in thing group " + groupName;
  }
}
