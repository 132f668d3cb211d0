package dev.lamplighter.store.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.ThingQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of ListThings for one filter, always a keyset range over an index:
 *
 * <ul>
 *   <li>no attribute filter: {@code things} by primary key, or by {@code things_by_type} when a
 *       type is given, already in name order;
 *   <li>an attribute filter: {@code thing_attributes_by_value} (name, then the exact value or the
 *       prefix as a range), joined to {@code things} by primary key; an exact value comes back in
 *       name order, a prefix or a bare attribute name needs a sort of the matches.
 * </ul>
 *
 * @param sql the statement
 * @param params its parameters in order
 */
record ThingListQuery(String sql, List<Object> params) {
  static final String COLUMNS =
      "t.name, t.thing_id, t.type_name, t.attributes, t.version, t.billing_group_name,"
          + " t.created_at, t.modified_at";

  static ThingListQuery of(
      Dialect dialect, Scope scope, ThingQuery query, String afterName, int limit) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS);
    String nameColumn;
    params.add(scope.account().value());
    params.add(scope.region().value());
    if (query.attributeName() == null) {
      nameColumn = "t.name";
      sql.append(" FROM things t WHERE t.account_id = ? AND t.region = ?");
    } else {
      nameColumn = "a.thing_name";
      sql.append(" FROM thing_attributes a")
          .append(dialect.useIndex("thing_attributes_by_value"))
          .append(" JOIN things t")
          .append(" ON t.account_id = a.account_id AND t.region = a.region")
          .append(" AND t.name = a.thing_name")
          .append(" WHERE a.account_id = ? AND a.region = ? AND a.attr_name = ?");
      params.add(query.attributeName());
      if (query.attributeValue() != null && !query.valuePrefix()) {
        sql.append(" AND a.attr_value = ?");
        params.add(query.attributeValue());
      } else if (query.attributeValue() != null) {
        sql.append(" AND a.attr_value >= ?");
        params.add(query.attributeValue());
        Optional<String> upper = Prefixes.upperBound(query.attributeValue());
        if (upper.isPresent()) {
          sql.append(" AND a.attr_value < ?");
          params.add(upper.get());
        }
      }
    }
    if (query.typeName() != null) {
      sql.append(" AND t.type_name = ?");
      params.add(query.typeName());
    }
    if (afterName != null) {
      sql.append(" AND ").append(nameColumn).append(" > ?");
      params.add(afterName);
    }
    sql.append(" ORDER BY ").append(nameColumn).append(" LIMIT ?");
    params.add(limit);
    return new ThingListQuery(sql.toString(), List.copyOf(params));
  }

  Object[] paramArray() {
    return params.toArray();
  }
}
