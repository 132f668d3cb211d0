package dev.lamplighter.store.internal;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.tunnels.ConnectionStatus;
import dev.lamplighter.tunnels.DestinationConfig;
import dev.lamplighter.tunnels.spi.ScopedTunnel;
import dev.lamplighter.tunnels.spi.StoredTunnel;
import dev.lamplighter.tunnels.spi.StoredTunnelSide;
import dev.lamplighter.tunnels.spi.TunnelRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One row per tunnel in {@code tunnels}. {@link #update} is a compare-and-set on the version the
 * caller read. Tokens are found by hash over all scopes through the unique index of each side's
 * hash column; listings page newest first by {@code (created_at, tunnel_id)} after a {@link
 * CreationOrder.Cursor}.
 */
final class JdbcTunnelRepository implements TunnelRepository {
  private static final String COLUMNS =
      "account_id, region, tunnel_id, description, thing_name, services, tags,"
          + " max_lifetime_minutes, created_at, last_updated_at, closed_at, source_token_hash,"
          + " source_generation, source_spent, source_client_token, source_connection,"
          + " source_connection_at, destination_token_hash, destination_generation,"
          + " destination_spent, destination_client_token, destination_connection,"
          + " destination_connection_at, version";
  private static final String INSERT =
      "INSERT INTO tunnels ("
          + COLUMNS
          + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String FIND =
      "SELECT " + COLUMNS + " FROM tunnels WHERE account_id = ? AND region = ? AND tunnel_id = ?";
  private static final String BY_SOURCE_TOKEN =
      "SELECT " + COLUMNS + " FROM tunnels WHERE source_token_hash = ?";
  private static final String BY_DESTINATION_TOKEN =
      "SELECT " + COLUMNS + " FROM tunnels WHERE destination_token_hash = ?";
  private static final String BY_SOURCE_CLIENT =
      "SELECT " + COLUMNS + " FROM tunnels WHERE source_client_token = ?";
  private static final String BY_DESTINATION_CLIENT =
      "SELECT " + COLUMNS + " FROM tunnels WHERE destination_client_token = ?";
  private static final String UPDATE =
      "UPDATE tunnels SET description = ?, thing_name = ?, services = ?, tags = ?,"
          + " max_lifetime_minutes = ?, last_updated_at = ?, closed_at = ?,"
          + " source_token_hash = ?, source_generation = ?, source_spent = ?,"
          + " source_client_token = ?, source_connection = ?, source_connection_at = ?,"
          + " destination_token_hash = ?, destination_generation = ?, destination_spent = ?,"
          + " destination_client_token = ?, destination_connection = ?,"
          + " destination_connection_at = ?, version = ?"
          + " WHERE account_id = ? AND region = ? AND tunnel_id = ? AND version = ?";
  private static final String DELETE =
      "DELETE FROM tunnels WHERE account_id = ? AND region = ? AND tunnel_id = ?";

  private final Jdbc jdbc;

  JdbcTunnelRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void insert(Scope scope, StoredTunnel tunnel) {
    List<Object> params = new ArrayList<>();
    params.add(scope.account().value());
    params.add(scope.region().value());
    params.add(tunnel.tunnelId());
    addContent(params, tunnel);
    params.add(tunnel.version());
    // Content order is COLUMNS' order but for created_at, which only an insert writes.
    params.add(8, Instants.format(tunnel.createdAt()));
    jdbc.write(
        resource(tunnel.tunnelId()),
        connection -> Jdbc.update(connection, INSERT, params.toArray()));
  }

  @Override
  public Optional<StoredTunnel> find(Scope scope, String tunnelId) {
    return jdbc.read(
        resource(tunnelId),
        connection ->
            Jdbc.queryOne(
                connection,
                FIND,
                JdbcTunnelRepository::toTunnel,
                scope.account().value(),
                scope.region().value(),
                tunnelId));
  }

  @Override
  public Optional<ScopedTunnel> findByTokenHash(String tokenHash) {
    return jdbc.read(
        "The tunnel of an access token",
        connection -> {
          Optional<ScopedTunnel> source =
              Jdbc.queryOne(connection, BY_SOURCE_TOKEN, JdbcTunnelRepository::toScoped, tokenHash);
          return source.isPresent()
              ? source
              : Jdbc.queryOne(
                  connection, BY_DESTINATION_TOKEN, JdbcTunnelRepository::toScoped, tokenHash);
        });
  }

  @Override
  public List<ScopedTunnel> findByClientToken(String clientToken) {
    return jdbc.read(
        "The tunnels of a client token",
        connection -> {
          // A tunnel whose two sides are bound to the same client token is listed once.
          Map<String, ScopedTunnel> found = new LinkedHashMap<>();
          for (String sql : List.of(BY_SOURCE_CLIENT, BY_DESTINATION_CLIENT)) {
            for (ScopedTunnel tunnel :
                Jdbc.query(connection, sql, JdbcTunnelRepository::toScoped, clientToken)) {
              found.putIfAbsent(tunnel.scope() + "/" + tunnel.tunnel().tunnelId(), tunnel);
            }
          }
          return List.copyOf(found.values());
        });
  }

  @Override
  public boolean update(Scope scope, StoredTunnel next, long expectedVersion) {
    List<Object> params = new ArrayList<>();
    addContent(params, next);
    params.add(expectedVersion + 1);
    params.add(scope.account().value());
    params.add(scope.region().value());
    params.add(next.tunnelId());
    params.add(expectedVersion);
    return jdbc.write(
        resource(next.tunnelId()),
        connection -> Jdbc.update(connection, UPDATE, params.toArray()) == 1);
  }

  @Override
  public boolean delete(Scope scope, String tunnelId) {
    return jdbc.write(
        resource(tunnelId),
        connection ->
            Jdbc.update(
                    connection, DELETE, scope.account().value(), scope.region().value(), tunnelId)
                == 1);
  }

  @Override
  public Page<StoredTunnel> list(Scope scope, Optional<String> thingName, PageRequest page) {
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(COLUMNS)
            .append(" FROM tunnels WHERE account_id = ? AND region = ?");
    List<Object> params = new ArrayList<>();
    params.add(scope.account().value());
    params.add(scope.region().value());
    if (thingName.isPresent()) {
      sql.append(" AND thing_name = ?");
      params.add(thingName.get());
    }
    if (page.after().isPresent()) {
      CreationOrder.Cursor cursor = CreationOrder.Cursor.parse(page.after().get());
      sql.append(" AND (created_at, tunnel_id) < (?, ?)");
      params.add(cursor.createdAt());
      params.add(cursor.id());
    }
    sql.append(" ORDER BY created_at DESC, tunnel_id DESC LIMIT ?");
    params.add(page.limit() + 1);
    List<StoredTunnel> fetched =
        jdbc.read(
            "Tunnels",
            connection ->
                Jdbc.query(
                    connection, sql.toString(), JdbcTunnelRepository::toTunnel, params.toArray()));
    return Page.fromLookahead(fetched, page.limit(), TunnelRepository::cursorOf);
  }

  /** The columns from description to destination_connection_at, less created_at. */
  private static void addContent(List<Object> params, StoredTunnel tunnel) {
    DestinationConfig destination = tunnel.destination();
    params.add(tunnel.description());
    params.add(destination == null ? null : destination.thingName().orElse(null));
    params.add(destination == null ? null : StoreJson.write(destination.services()));
    params.add(writeTags(tunnel.tags()));
    params.add(tunnel.maxLifetimeMinutes());
    params.add(Instants.format(tunnel.lastUpdatedAt()));
    params.add(Instants.format(tunnel.closedAt()));
    addSide(params, tunnel.source());
    addSide(params, tunnel.destinationSide());
  }

  private static void addSide(List<Object> params, StoredTunnelSide side) {
    params.add(side.tokenHash());
    params.add(side.generation());
    params.add(side.spent());
    params.add(side.clientToken());
    params.add(side.connectionStatus().name());
    params.add(Instants.format(side.connectionUpdatedAt()));
  }

  /**
   * Tags as a list of {@code {key, value}}: the store's JSON sorts an object's keys, and the tags'
   * order is the order they were set in.
   */
  private static String writeTags(Map<String, String> tags) {
    List<Map<String, String>> entries = new ArrayList<>();
    tags.forEach((key, value) -> entries.add(Map.of("key", key, "value", value)));
    return StoreJson.write(entries);
  }

  private static Map<String, String> readTags(String json) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (Map<String, String> entry : StoreJson.readMapList(json)) {
      tags.put(entry.get("key"), entry.get("value"));
    }
    return tags;
  }

  private static ScopedTunnel toScoped(ResultSet row) throws SQLException {
    return new ScopedTunnel(
        Scope.of(row.getString("account_id"), row.getString("region")), toTunnel(row));
  }

  private static StoredTunnel toTunnel(ResultSet row) throws SQLException {
    String services = row.getString("services");
    DestinationConfig destination =
        services == null
            ? null
            : new DestinationConfig(
                Optional.ofNullable(row.getString("thing_name")),
                StoreJson.readStringList(services));
    return new StoredTunnel(
        row.getString("tunnel_id"),
        row.getString("description"),
        destination,
        readTags(row.getString("tags")),
        row.getInt("max_lifetime_minutes"),
        Instants.parse(row.getString("created_at")),
        Instants.parse(row.getString("last_updated_at")),
        Instants.parse(row.getString("closed_at")),
        side(row, "source_"),
        side(row, "destination_"),
        row.getLong("version"));
  }

  private static StoredTunnelSide side(ResultSet row, String prefix) throws SQLException {
    return new StoredTunnelSide(
        row.getString(prefix + "token_hash"),
        row.getInt(prefix + "generation"),
        row.getBoolean(prefix + "spent"),
        row.getString(prefix + "client_token"),
        ConnectionStatus.valueOf(row.getString(prefix + "connection")),
        Instants.parse(row.getString(prefix + "connection_at")));
  }

  private static String resource(String tunnelId) {
    return "Tunnel " + tunnelId;
  }
}
