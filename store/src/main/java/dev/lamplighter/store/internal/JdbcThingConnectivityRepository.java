package dev.lamplighter.store.internal;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.MqttConnection;
import dev.lamplighter.registry.ThingConnectivity;
import dev.lamplighter.registry.spi.ThingConnectivityRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One row per thing in {@code thing_connectivity}. {@link #replace} is a compare-and-set on the
 * connection and state the caller read: an insert that finds a row, or an update that finds another
 * one, changes nothing and reports false.
 */
final class JdbcThingConnectivityRepository implements ThingConnectivityRepository {
  private static final String FIND =
      "SELECT connected, changed_at_millis, disconnect_reason, connected_at_millis,"
          + " connection_version FROM thing_connectivity"
          + " WHERE account_id = ? AND region = ? AND thing_name = ?";
  private static final String INSERT =
      "INSERT INTO thing_connectivity (account_id, region, thing_name, connected,"
          + " changed_at_millis, disconnect_reason, connected_at_millis, connection_version)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT (account_id, region, thing_name) DO NOTHING";
  private static final String UPDATE =
      "UPDATE thing_connectivity SET connected = ?, changed_at_millis = ?, disconnect_reason = ?,"
          + " connected_at_millis = ?, connection_version = ?"
          + " WHERE account_id = ? AND region = ? AND thing_name = ? AND connected = ?"
          + " AND changed_at_millis = ? AND connected_at_millis = ? AND connection_version = ?";
  private static final String REMOVE =
      "DELETE FROM thing_connectivity WHERE account_id = ? AND region = ? AND thing_name = ?";

  private final Jdbc jdbc;

  JdbcThingConnectivityRepository(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<ThingConnectivity> find(Scope scope, String thingName) {
    return jdbc.read(
        resource(thingName),
        connection ->
            Jdbc.queryOne(
                connection,
                FIND,
                JdbcThingConnectivityRepository::toConnectivity,
                scope.account().value(),
                scope.region().value(),
                thingName));
  }

  @Override
  public boolean replace(
      Scope scope, String thingName, ThingConnectivity expected, ThingConnectivity next) {
    return jdbc.write(
        resource(thingName),
        connection -> {
          if (expected == null) {
            return Jdbc.update(
                    connection,
                    INSERT,
                    scope.account().value(),
                    scope.region().value(),
                    thingName,
                    next.connected(),
                    next.timestamp(),
                    next.disconnectReason(),
                    next.connection().connectedAt(),
                    next.connection().version())
                == 1;
          }
          return Jdbc.update(
                  connection,
                  UPDATE,
                  next.connected(),
                  next.timestamp(),
                  next.disconnectReason(),
                  next.connection().connectedAt(),
                  next.connection().version(),
                  scope.account().value(),
                  scope.region().value(),
                  thingName,
                  expected.connected(),
                  expected.timestamp(),
                  expected.connection().connectedAt(),
                  expected.connection().version())
              == 1;
        });
  }

  @Override
  public void remove(Scope scope, String thingName) {
    jdbc.write(
        resource(thingName),
        connection ->
            Jdbc.update(
                connection, REMOVE, scope.account().value(), scope.region().value(), thingName));
  }

  private static ThingConnectivity toConnectivity(ResultSet row) throws SQLException {
    return new ThingConnectivity(
        row.getBoolean("connected"),
        row.getLong("changed_at_millis"),
        row.getString("disconnect_reason"),
        new MqttConnection(row.getLong("connected_at_millis"), row.getLong("connection_version")));
  }

  private static String resource(String thingName) {
    return "The connectivity of thing " + thingName;
  }
}
