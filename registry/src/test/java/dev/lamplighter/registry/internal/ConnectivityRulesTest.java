package dev.lamplighter.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.registry.MqttConnection;
import dev.lamplighter.registry.ThingConnectivity;
import org.junit.jupiter.api.Test;

class ConnectivityRulesTest {
  private static final MqttConnection FIRST = new MqttConnection(1_000, 1);
  private static final MqttConnection SECOND = new MqttConnection(2_000, 2);

  @Test
  void anyReport_replacesNothingStored() {
    assertThat(ConnectivityRules.replaces(ThingConnectivity.connected(FIRST), null)).isTrue();
    assertThat(
            ConnectivityRules.replaces(
                ThingConnectivity.disconnected(FIRST, 1_500, "CONNECTION_LOST"), null))
        .isTrue();
  }

  @Test
  void disconnectOfTheStoredConnection_replacesItsConnect() {
    assertThat(
            ConnectivityRules.replaces(
                ThingConnectivity.disconnected(FIRST, 1_500, "CLIENT_INITIATED_DISCONNECT"),
                ThingConnectivity.connected(FIRST)))
        .isTrue();
  }

  @Test
  void lateDisconnectOfAnOlderConnection_doesNotReplaceANewerConnect() {
    // A client id taken over: the old connection's DUPLICATE_CLIENTID arrives after, and later
    // than, the new connection's connect.
    assertThat(
            ConnectivityRules.replaces(
                ThingConnectivity.disconnected(FIRST, 2_500, "DUPLICATE_CLIENTID"),
                ThingConnectivity.connected(SECOND)))
        .isFalse();
  }

  @Test
  void connectOfANewerConnection_replacesADisconnectOrAnOlderConnect() {
    assertThat(
            ConnectivityRules.replaces(
                ThingConnectivity.connected(SECOND),
                ThingConnectivity.disconnected(FIRST, 1_500, "CONNECTION_LOST")))
        .isTrue();
    assertThat(
            ConnectivityRules.replaces(
                ThingConnectivity.connected(SECOND), ThingConnectivity.connected(FIRST)))
        .isTrue();
  }

  @Test
  void sameConnection_connectAgainOrAfterItsDisconnect_changesNothing() {
    ThingConnectivity connected = ThingConnectivity.connected(FIRST);
    ThingConnectivity disconnected =
        ThingConnectivity.disconnected(FIRST, 1_500, "CONNECTION_LOST");

    assertThat(ConnectivityRules.replaces(connected, connected)).isFalse();
    assertThat(ConnectivityRules.replaces(connected, disconnected)).isFalse();
    assertThat(ConnectivityRules.replaces(disconnected, disconnected)).isFalse();
  }

  @Test
  void afterABrokerRestart_aLaterConnectionWins_evenWithALowerVersion() {
    MqttConnection afterRestart = new MqttConnection(5_000, 1);
    MqttConnection beforeRestart = new MqttConnection(2_000, 7);

    assertThat(
            ConnectivityRules.replaces(
                ThingConnectivity.connected(afterRestart),
                ThingConnectivity.connected(beforeRestart)))
        .isTrue();
  }

  @Test
  void connectionsAcceptedInTheSameMillisecond_areOrderedByVersion() {
    MqttConnection older = new MqttConnection(1_000, 3);
    MqttConnection newer = new MqttConnection(1_000, 4);

    assertThat(
            ConnectivityRules.replaces(
                ThingConnectivity.disconnected(older, 1_000, "DUPLICATE_CLIENTID"),
                ThingConnectivity.connected(newer)))
        .isFalse();
  }
}
