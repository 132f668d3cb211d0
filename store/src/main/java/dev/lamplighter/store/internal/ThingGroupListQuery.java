package dev.lamplighter.store.internal;

import dev.lamplighter.core.tenancy.Scope;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of ListThingGroups for one filter, always a keyset range over an index in name order:
 *
 * <ul>
 *   <li>all groups of the scope: the primary key;
 *   <li>the root groups: {@code thing_groups_by_parent} with no parent;
 *   <li>the children of a parent: {@code thing_groups_by_parent};
 *   <li>every descendant of a parent: the range of {@code thing_groups_by_path} below the parent's
 *       path, which comes in path order, so the matching names are sorted before the page limit
 *       applies. The sort reads only that index (it holds the name), and only the page's rows are
 *       then read by primary key. That costs a sort of the whole subtree per page, which is cheap
 *       for the few thousand groups a hierarchy holds and never reads another hierarchy. Keeping
 *       descendants in name order would take a row per (ancestor, descendant) pair, up to six more
 *       rows per group, for no gain at that size.
 * </ul>
 *
 * <p>A name prefix is a range of the name in each case.
 *
 * @param sql the statement
 * @param params its parameters in order
 */
record ThingGroupListQuery(String sql, List<Object> params) {
  static final String COLUMNS =
      "g.name, g.group_id, g.ancestors, g.description, g.attributes, g.version, g.created_at,"
          + " g.index_name, g.query_string, g.query_version, g.dynamic_status";

  /** Every group of the scope. */
  static ThingGroupListQuery all(Scope scope, String namePrefix, String afterName, int limit) {
    List<Object> params = scopeParams(scope);
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(COLUMNS)
            .append(" FROM thing_groups g WHERE g.account_id = ? AND g.region = ?");
    return page(sql, params, "g.name", namePrefix, afterName, limit);
  }

  /** The dynamic groups of the scope: the partial index {@code thing_groups_dynamic}. */
  static ThingGroupListQuery dynamic(Scope scope, String afterName, int limit) {
    List<Object> params = scopeParams(scope);
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(COLUMNS)
            .append(" FROM thing_groups g WHERE g.account_id = ? AND g.region = ?")
            .append(" AND g.query_string IS NOT NULL");
    return page(sql, params, "g.name", null, afterName, limit);
  }

  /** The groups without a parent: the roots of hierarchies, and every dynamic group. */
  static ThingGroupListQuery roots(
      Dialect dialect, Scope scope, String namePrefix, String afterName, int limit) {
    List<Object> params = scopeParams(scope);
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(COLUMNS)
            .append(" FROM thing_groups g")
            .append(dialect.useIndex("thing_groups_by_parent"))
            .append(" WHERE g.account_id = ? AND g.region = ? AND g.parent_name IS NULL");
    return page(sql, params, "g.name", namePrefix, afterName, limit);
  }

  /** The groups whose parent is {@code parentName}. */
  static ThingGroupListQuery children(
      Dialect dialect,
      Scope scope,
      String parentName,
      String namePrefix,
      String afterName,
      int limit) {
    List<Object> params = scopeParams(scope);
    params.add(parentName);
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(COLUMNS)
            .append(" FROM thing_groups g")
            .append(dialect.useIndex("thing_groups_by_parent"))
            .append(" WHERE g.account_id = ? AND g.region = ? AND g.parent_name = ?");
    return page(sql, params, "g.name", namePrefix, afterName, limit);
  }

  /** The groups below the one whose path is {@code parentPath}, at any depth. */
  static ThingGroupListQuery descendants(
      Dialect dialect,
      Scope scope,
      String parentPath,
      String namePrefix,
      String afterName,
      int limit) {
    List<Object> params = scopeParams(scope);
    params.addAll(scopeParams(scope));
    params.add(parentPath);
    params.add(Prefixes.upperBound(parentPath).orElseThrow());
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(COLUMNS)
            .append(" FROM thing_groups g WHERE g.account_id = ? AND g.region = ? AND g.name IN (")
            .append("SELECT d.name FROM thing_groups d")
            .append(dialect.useIndex("thing_groups_by_path"))
            .append(" WHERE d.account_id = ? AND d.region = ? AND d.path > ? AND d.path < ?");
    NameRange.append(sql, params, "d.name", namePrefix, afterName);
    sql.append(" ORDER BY d.name LIMIT ?) ORDER BY g.name");
    params.add(limit);
    return new ThingGroupListQuery(sql.toString(), List.copyOf(params));
  }

  private static ThingGroupListQuery page(
      StringBuilder sql,
      List<Object> params,
      String nameColumn,
      String namePrefix,
      String afterName,
      int limit) {
    NameRange.append(sql, params, nameColumn, namePrefix, afterName);
    sql.append(" ORDER BY ").append(nameColumn).append(" LIMIT ?");
    params.add(limit);
    return new ThingGroupListQuery(sql.toString(), List.copyOf(params));
  }

  private static List<Object> scopeParams(Scope scope) {
    List<Object> params = new ArrayList<>();
    params.add(scope.account().value());
    params.add(scope.region().value());
    return params;
  }

  Object[] paramArray() {
    return params.toArray();
  }
}
