package dev.lamplighter.registry.internal;

import dev.lamplighter.registry.MqttConnection;
import dev.lamplighter.registry.ThingConnectivity;
import java.util.Comparator;

/**
 * Which connectivity report wins. A report about a newer connection replaces the stored state; a
 * report about an older one is stale. About the same connection, only its disconnect changes
 * anything: a second connect, or a connect reported after its disconnect, changes nothing.
 */
final class ConnectivityRules {
  /** Newer connections sort last: later acceptance first, then the broker's connection number. */
  static final Comparator<MqttConnection> AGE =
      Comparator.comparingLong(MqttConnection::connectedAt)
          .thenComparingLong(MqttConnection::version);

  private ConnectivityRules() {}

  /** Whether {@code next} replaces {@code stored} (null when there is none). */
  static boolean replaces(ThingConnectivity next, ThingConnectivity stored) {
    if (stored == null) {
      return true;
    }
    int age = AGE.compare(next.connection(), stored.connection());
    if (age != 0) {
      return age > 0;
    }
    return stored.connected() && !next.connected();
  }
}
