package dev.lamplighter.store.internal;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.shadow.ShadowId;
import dev.lamplighter.shadow.spi.ShadowRepository;
import dev.lamplighter.shadow.spi.StoredShadow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * One row per shadow in {@code shadows}, the classic shadow under the empty name. {@link #write} is
 * a compare-and-set on the version the caller read: an insert that finds a row, or an update that
 * finds another version, changes nothing and reports false.
 */
final class JdbcShadowRepository implements ShadowRepository {
  private static final String CLASSIC = "";
  private static final String COLUMNS =
      "thing_name, shadow_name, version, state_json, metadata_json, updated_at, deleted";
  private static final String FIND =
      "SELECT "
          + COLUMNS
          + " FROM shadows WHERE account_id = ? AND region = ? AND thing_name = ?"
          + " AND shadow_name = ?";
  private static final String INSERT =
      "INSERT INTO shadows (account_id, region, thing_name, shadow_name, version, state_json,"
          + " metadata_json, updated_at, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (account_id, region, thing_name, shadow_name) DO NOTHING";
  private static final String UPDATE =
      "UPDATE shadows SET version = ?, state_json = ?, metadata_json = ?, updated_at = ?,"
          + " deleted = ? WHERE account_id = ? AND region = ? AND thing_name = ?"
          + " AND shadow_name = ? AND version = ?";
  private static final String NAMES_FIRST =
      "SELECT shadow_name FROM shadows WHERE account_id = ? AND region = ? AND thing_name = ?"
          + " AND shadow_name > '' AND deleted = FALSE ORDER BY shadow_name LIMIT ?";
  private static final String NAMES_AFTER =
      "SELECT shadow_name FROM shadows WHERE account_id = ? AND region = ? AND thing_name = ?"
          + " AND shadow_name > ? AND deleted = FALSE ORDER BY shadow_name LIMIT ?";
  private static final String LIVE =
      "SELECT "
          + COLUMNS
          + " FROM shadows WHERE account_id = ? AND region = ? AND thing_name = ?"
          + " AND deleted = FALSE ORDER BY shadow_name";

  private final Jdbc jdbc;

  JdbcShadowRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<StoredShadow> find(Scope scope, ShadowId id) {
    return jdbc.read(
        resource(id),
        connection ->
            Jdbc.queryOne(
                connection,
                FIND,
                JdbcShadowRepository::toShadow,
                scope.account().value(),
                scope.region().value(),
                id.thingName(),
                name(id)));
  }

  @Override
  public boolean write(Scope scope, StoredShadow next, Long expectedVersion) {
    ShadowId id = next.id();
    return jdbc.write(
        resource(id),
        connection -> {
          if (expectedVersion == null) {
            return Jdbc.update(
                    connection,
                    INSERT,
                    scope.account().value(),
                    scope.region().value(),
                    id.thingName(),
                    name(id),
                    next.version(),
                    next.stateJson(),
                    next.metadataJson(),
                    next.timestamp(),
                    next.deleted())
                == 1;
          }
          return Jdbc.update(
                  connection,
                  UPDATE,
                  next.version(),
                  next.stateJson(),
                  next.metadataJson(),
                  next.timestamp(),
                  next.deleted(),
                  scope.account().value(),
                  scope.region().value(),
                  id.thingName(),
                  name(id),
                  expectedVersion)
              == 1;
        });
  }

  @Override
  public Page<String> namedShadows(Scope scope, String thingName, PageRequest page) {
    String account = scope.account().value();
    String region = scope.region().value();
    int fetch = page.limit() + 1;
    List<String> fetched =
        jdbc.read(
            "The named shadows of thing " + thingName,
            connection ->
                page.after().isPresent()
                    ? Jdbc.query(
                        connection,
                        NAMES_AFTER,
                        row -> row.getString(1),
                        account,
                        region,
                        thingName,
                        page.after().get(),
                        fetch)
                    : Jdbc.query(
                        connection,
                        NAMES_FIRST,
                        row -> row.getString(1),
                        account,
                        region,
                        thingName,
                        fetch));
    return Page.fromLookahead(fetched, page.limit(), name -> name);
  }

  @Override
  public List<StoredShadow> live(Scope scope, String thingName) {
    return jdbc.read(
        "The shadows of thing " + thingName,
        connection ->
            Jdbc.query(
                connection,
                LIVE,
                JdbcShadowRepository::toShadow,
                scope.account().value(),
                scope.region().value(),
                thingName));
  }

  private static String name(ShadowId id) {
    return id.isClassic() ? CLASSIC : id.shadowName();
  }

  private static StoredShadow toShadow(ResultSet row) throws SQLException {
    String shadowName = row.getString("shadow_name");
    return new StoredShadow(
        new ShadowId(row.getString("thing_name"), shadowName.isEmpty() ? null : shadowName),
        row.getString("state_json"),
        row.getString("metadata_json"),
        row.getLong("version"),
        row.getLong("updated_at"),
        row.getBoolean("deleted"));
  }

  private static String resource(ShadowId id) {
    return "The shadow " + id.displayName() + " of thing " + id.thingName();
  }
}
