package dev.lamplighter.store.internal;

import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.registry.spi.TagRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Tags, one row per (resource ARN, key), scoped by the ARN's account and region. */
final class JdbcTagRepository implements TagRepository {
  private static final String FIND =
      "SELECT tag_key, tag_value FROM tags"
          + " WHERE account_id = ? AND region = ? AND resource_arn = ? ORDER BY tag_key";
  private static final String PUT =
      "INSERT INTO tags (account_id, region, resource_arn, tag_key, tag_value)"
          + " VALUES (?, ?, ?, ?, ?)"
          + " ON CONFLICT (account_id, region, resource_arn, tag_key)"
          + " DO UPDATE SET tag_value = excluded.tag_value";
  private static final String REMOVE =
      "DELETE FROM tags WHERE account_id = ? AND region = ? AND resource_arn = ? AND tag_key = ?";
  private static final String REMOVE_ALL =
      "DELETE FROM tags WHERE account_id = ? AND region = ? AND resource_arn = ?";

  private final Jdbc jdbc;

  JdbcTagRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public SortedMap<String, String> find(Arn resource) {
    List<Map.Entry<String, String>> rows =
        jdbc.read(
            resource(resource),
            connection ->
                Jdbc.query(
                    connection,
                    FIND,
                    row -> Map.entry(row.getString("tag_key"), row.getString("tag_value")),
                    key(resource)));
    SortedMap<String, String> tags = new TreeMap<>();
    rows.forEach(row -> tags.put(row.getKey(), row.getValue()));
    return tags;
  }

  @Override
  public void put(Arn resource, Map<String, String> tags) {
    List<Object[]> rows = new ArrayList<>(tags.size());
    tags.forEach((key, value) -> rows.add(row(resource, key, value)));
    jdbc.write(
        resource(resource),
        connection -> {
          Jdbc.batch(connection, PUT, rows);
          return null;
        });
  }

  @Override
  public void remove(Arn resource, Collection<String> keys) {
    List<Object[]> rows = new ArrayList<>(keys.size());
    keys.forEach(key -> rows.add(row(resource, key)));
    jdbc.write(
        resource(resource),
        connection -> {
          Jdbc.batch(connection, REMOVE, rows);
          return null;
        });
  }

  @Override
  public void removeAll(Arn resource) {
    jdbc.write(
        resource(resource), connection -> Jdbc.update(connection, REMOVE_ALL, key(resource)));
  }

  private static Object[] key(Arn resource) {
    return new Object[] {
      resource.scope().account().value(), resource.scope().region().value(), resource.toString()
    };
  }

  private static Object[] row(Arn resource, Object... more) {
    Object[] key = key(resource);
    Object[] row = new Object[key.length + more.length];
    System.arraycopy(key, 0, row, 0, key.length);
    System.arraycopy(more, 0, row, key.length, more.length);
    return row;
  }

  private static String resource(Arn resource) {
    return "Tags of " + resource;
  }
}
