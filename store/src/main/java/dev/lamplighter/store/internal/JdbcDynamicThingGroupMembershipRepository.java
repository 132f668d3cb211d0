package dev.lamplighter.store.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.spi.DynamicThingGroupMembershipRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Memberships of dynamic thing groups, one row each in {@code dynamic_thing_group_members}. The
 * fleet index records membership in batches of any size, so the batch methods work in chunks of
 * {@value #CHUNK} names, each one statement with an {@code IN} list; a short last chunk is padded
 * with nulls (which match nothing) so that every chunk runs the same cached statement.
 */
final class JdbcDynamicThingGroupMembershipRepository
    implements DynamicThingGroupMembershipRepository {
  static final int CHUNK = 100;
  private static final String IN_CHUNK = "(" + Jdbc.placeholders(CHUNK) + ")";

  /** The things of a chunk that exist, each with its static and dynamic group counts. */
  static final String GROUP_COUNTS =
      "SELECT t.name,"
          + " (SELECT COUNT(*) FROM thing_group_members m WHERE m.account_id = t.account_id"
          + " AND m.region = t.region AND m.thing_name = t.name)"
          + " + (SELECT COUNT(*) FROM dynamic_thing_group_members d WHERE d.account_id ="
          + " t.account_id AND d.region = t.region AND d.thing_name = t.name)"
          + " FROM things t WHERE t.account_id = ? AND t.region = ? AND t.name IN "
          + IN_CHUNK;

  static final String MEMBERS_AMONG =
      "SELECT thing_name FROM dynamic_thing_group_members"
          + " WHERE account_id = ? AND region = ? AND group_name = ? AND thing_name IN "
          + IN_CHUNK;

  /** The things of a chunk that exist and are not members yet. */
  static final String JOINING =
      "SELECT t.name FROM things t WHERE t.account_id = ? AND t.region = ? AND t.name IN "
          + IN_CHUNK
          + " AND NOT EXISTS (SELECT 1 FROM dynamic_thing_group_members d"
          + " WHERE d.account_id = t.account_id AND d.region = t.region AND d.group_name = ?"
          + " AND d.thing_name = t.name)";

  private static final String INSERT =
      "INSERT INTO dynamic_thing_group_members (account_id, region, group_name, thing_name)"
          + " VALUES (?, ?, ?, ?)";
  static final String DELETE_CHUNK =
      "DELETE FROM dynamic_thing_group_members"
          + " WHERE account_id = ? AND region = ? AND group_name = ? AND thing_name IN "
          + IN_CHUNK;
  static final String GROUPS_OF =
      "SELECT group_name FROM dynamic_thing_group_members"
          + " WHERE account_id = ? AND region = ? AND thing_name = ? ORDER BY group_name";
  private static final String THINGS =
      "SELECT thing_name FROM dynamic_thing_group_members"
          + " WHERE account_id = ? AND region = ? AND group_name = ?"
          + " ORDER BY thing_name LIMIT ?";
  static final String THINGS_AFTER =
      "SELECT thing_name FROM dynamic_thing_group_members"
          + " WHERE account_id = ? AND region = ? AND group_name = ? AND thing_name > ?"
          + " ORDER BY thing_name LIMIT ?";
  static final String REMOVE_THING =
      "DELETE FROM dynamic_thing_group_members"
          + " WHERE account_id = ? AND region = ? AND thing_name = ?";
  static final String REMOVE_GROUP =
      "DELETE FROM dynamic_thing_group_members"
          + " WHERE account_id = ? AND region = ? AND group_name = ?";

  private final Jdbc jdbc;

  JdbcDynamicThingGroupMembershipRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<String, Integer> groupCounts(Scope scope, Collection<String> thingNames) {
    return jdbc.read(
        "Thing groups of things",
        connection -> {
          Map<String, Integer> counts = new HashMap<>();
          for (List<String> chunk : chunks(thingNames)) {
            Jdbc.query(
                connection,
                GROUP_COUNTS,
                row -> counts.put(row.getString(1), row.getInt(2)),
                params(scope, List.of(), chunk, List.of()));
          }
          return counts;
        });
  }

  @Override
  public List<String> membersAmong(Scope scope, String groupName, Collection<String> thingNames) {
    return jdbc.read(
        "Members of dynamic thing group " + groupName,
        connection -> membersAmong(connection, scope, groupName, thingNames));
  }

  @Override
  public List<String> add(Scope scope, String groupName, Collection<String> thingNames) {
    return jdbc.write(
        "Members of dynamic thing group " + groupName,
        connection -> {
          List<String> joining = new ArrayList<>();
          for (List<String> chunk : chunks(thingNames)) {
            joining.addAll(
                Jdbc.query(
                    connection,
                    JOINING,
                    row -> row.getString(1),
                    params(scope, List.of(), chunk, List.of(groupName))));
          }
          List<Object[]> rows = new ArrayList<>(joining.size());
          for (String thing : joining) {
            rows.add(
                new Object[] {scope.account().value(), scope.region().value(), groupName, thing});
          }
          Jdbc.batch(connection, INSERT, rows);
          return List.copyOf(new TreeSet<>(joining));
        });
  }

  @Override
  public List<String> remove(Scope scope, String groupName, Collection<String> thingNames) {
    return jdbc.write(
        "Members of dynamic thing group " + groupName,
        connection -> {
          List<String> members = membersAmong(connection, scope, groupName, thingNames);
          for (List<String> chunk : chunks(members)) {
            Jdbc.update(
                connection, DELETE_CHUNK, params(scope, List.of(groupName), chunk, List.of()));
          }
          return members;
        });
  }

  @Override
  public List<String> groupsOf(Scope scope, String thingName) {
    return jdbc.read(
        "Dynamic thing groups of thing " + thingName,
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
  public List<String> things(Scope scope, String groupName, String afterThing, int limit) {
    return jdbc.read(
        "Things in dynamic thing group " + groupName,
        connection ->
            afterThing == null
                ? Jdbc.query(
                    connection,
                    THINGS,
                    row -> row.getString(1),
                    scope.account().value(),
                    scope.region().value(),
                    groupName,
                    limit)
                : Jdbc.query(
                    connection,
                    THINGS_AFTER,
                    row -> row.getString(1),
                    scope.account().value(),
                    scope.region().value(),
                    groupName,
                    afterThing,
                    limit));
  }

  @Override
  public void removeThing(Scope scope, String thingName) {
    jdbc.write(
        "Dynamic thing group memberships of thing " + thingName,
        connection ->
            Jdbc.update(
                connection,
                REMOVE_THING,
                scope.account().value(),
                scope.region().value(),
                thingName));
  }

  @Override
  public void removeGroup(Scope scope, String groupName) {
    jdbc.write(
        "Members of dynamic thing group " + groupName,
        connection ->
            Jdbc.update(
                connection,
                REMOVE_GROUP,
                scope.account().value(),
                scope.region().value(),
                groupName));
  }

  private static List<String> membersAmong(
      Connection connection, Scope scope, String groupName, Collection<String> thingNames)
      throws SQLException {
    TreeSet<String> members = new TreeSet<>();
    for (List<String> chunk : chunks(thingNames)) {
      members.addAll(
          Jdbc.query(
              connection,
              MEMBERS_AMONG,
              row -> row.getString(1),
              params(scope, List.of(groupName), chunk, List.of())));
    }
    return List.copyOf(members);
  }

  /** The distinct names in chunks of {@value #CHUNK}, the last one padded with nulls. */
  static List<List<String>> chunks(Collection<String> names) {
    List<String> distinct = new ArrayList<>(new TreeSet<>(names));
    List<List<String>> chunks = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += CHUNK) {
      List<String> chunk =
          new ArrayList<>(distinct.subList(from, Math.min(from + CHUNK, distinct.size())));
      while (chunk.size() < CHUNK) {
        chunk.add(null);
      }
      chunks.add(chunk);
    }
    return chunks;
  }

  /**
   * Scope, then {@code before}, the chunk, and {@code after}: the order of the statements' markers.
   */
  private static Object[] params(
      Scope scope, List<String> before, List<String> chunk, List<String> after) {
    List<Object> params = new ArrayList<>(2 + before.size() + chunk.size() + after.size());
    params.add(scope.account().value());
    params.add(scope.region().value());
    params.addAll(before);
    params.addAll(chunk);
    params.addAll(after);
    return params.toArray();
  }
}
