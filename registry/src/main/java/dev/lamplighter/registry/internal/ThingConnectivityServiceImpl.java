package dev.lamplighter.registry.internal;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.MqttConnection;
import dev.lamplighter.registry.ThingConnectivity;
import dev.lamplighter.registry.ThingConnectivityService;
import dev.lamplighter.registry.spi.RegistryPorts;
import java.util.Objects;
import java.util.Optional;

/**
 * Records connectivity reports: in one transaction, reads the stored state, keeps it when the
 * report is stale ({@link ConnectivityRules}), otherwise stores the new state and logs it. The
 * write is conditional on the state read, so two nodes reporting the same thing at once cannot
 * leave the older report stored; the loser reads again and decides again.
 */
public final class ThingConnectivityServiceImpl implements ThingConnectivityService {
  /** Each lost race means another report was stored meanwhile; a few rounds always settle it. */
  private static final int ATTEMPTS = 5;

  private final RegistryPorts ports;

  public ThingConnectivityServiceImpl(RegistryPorts ports) {
    this.ports = ports;
  }

  @Override
  public Optional<ThingConnectivity> describe(Scope scope, String thingName) {
    return ports.thingConnectivity().find(scope, thingName);
  }

  @Override
  public boolean recordConnected(Scope scope, String thingName, MqttConnection connection) {
    Objects.requireNonNull(connection, "connection");
    return record(scope, thingName, ThingConnectivity.connected(connection));
  }

  @Override
  public boolean recordDisconnected(
      Scope scope,
      String thingName,
      MqttConnection connection,
      long disconnectedAt,
      String reason) {
    Objects.requireNonNull(connection, "connection");
    return record(
        scope, thingName, ThingConnectivity.disconnected(connection, disconnectedAt, reason));
  }

  private boolean record(Scope scope, String thingName, ThingConnectivity next) {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(thingName, "thingName");
    return ports
        .transactions()
        .inTransaction(
            () -> {
              if (ports.things().find(scope, thingName).isEmpty()) {
                // AWS keeps connectivity for things only; any other client id is not tracked.
                return false;
              }
              for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                ThingConnectivity stored =
                    ports.thingConnectivity().find(scope, thingName).orElse(null);
                if (!ConnectivityRules.replaces(next, stored)) {
                  return false;
                }
                if (ports.thingConnectivity().replace(scope, thingName, stored, next)) {
                  ports
                      .changeLog()
                      .append(
                          new ChangeRecord(
                              scope,
                              ResourceType.THING,
                              thingName,
                              next.connected() ? ChangeKind.CONNECTED : ChangeKind.DISCONNECTED,
                              next));
                  return true;
                }
                if (ports.things().find(scope, thingName).isEmpty()) {
                  return false;
                }
              }
              throw new IllegalStateException(
                  "The connectivity of thing "
                      + thingName
                      + " kept changing while it was being recorded");
            });
  }
}
