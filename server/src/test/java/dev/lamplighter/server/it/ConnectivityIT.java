package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import dev.lamplighter.server.it.MqttDevices.Device;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.ThingConnectivity;
import software.amazon.awssdk.services.iot.model.ThingDocument;

/**
 * Connectivity status in the fleet index: a real device connecting and disconnecting over mutual
 * TLS shows up in SearchIndex and in a dynamic thing group defined on {@code
 * connectivity.connected}, as AWS IoT fleet indexing shows it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectivityIT {
  private static final Duration CONVERGES = Duration.ofSeconds(15);

  private TestServer server;
  private MqttDevices devices;
  private IotClient iot;

  @BeforeAll
  void start() {
    server = TestServer.start();
    devices = new MqttDevices(server);
    iot = devices.iot();
    devices.createPolicy("own-topics", Policies.OWN_TOPICS);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void connectAndDisconnect_areSearchable_andMoveTheThingInAndOutOfADynamicGroup() {
    Device lamp = devices.register("lamp-online", "own-topics");
    devices.register("lamp-never-connected", "own-topics");
    iot.createDynamicThingGroup(
        b -> b.thingGroupName("connected-lamps").queryString("connectivity.connected:true"));
    awaitSearchable("thingName:lamp-never-connected");
    assertThat(search("connectivity.connected:true")).isEmpty();

    long beforeConnect = System.currentTimeMillis();
    Mqtt3BlockingClient client = devices.v3(lamp);
    client.connect();

    ThingConnectivity connected =
        awaitOnly("connectivity.connected:true", "lamp-online").connectivity();
    assertThat(connected.connected()).isTrue();
    assertThat(connected.timestamp()).isBetween(beforeConnect, System.currentTimeMillis());
    assertThat(connected.disconnectReason()).isNull();
    awaitMembers("connected-lamps", "lamp-online");

    client.disconnect();

    ThingConnectivity disconnected =
        awaitOnly("connectivity.connected:false", "lamp-online").connectivity();
    assertThat(disconnected.connected()).isFalse();
    assertThat(disconnected.timestamp()).isGreaterThanOrEqualTo(connected.timestamp());
    assertThat(disconnected.disconnectReason()).isEqualTo("CLIENT_INITIATED_DISCONNECT");
    assertThat(search("connectivity.disconnectReason:CLIENT_INITIATED_DISCONNECT"))
        .extracting(ThingDocument::thingName)
        .containsExactly("lamp-online");
    assertThat(search("connectivity.connected:true")).isEmpty();
    awaitMembers("connected-lamps");
  }

  private List<ThingDocument> search(String query) {
    return iot.searchIndex(b -> b.queryString(query)).things();
  }

  private void awaitSearchable(String query) {
    await()
        .atMost(CONVERGES)
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(() -> assertThat(search(query)).hasSize(1));
  }

  /** Waits until {@code query} finds exactly {@code thingName}, and returns its document. */
  private ThingDocument awaitOnly(String query, String thingName) {
    return await()
        .atMost(CONVERGES)
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> search(query),
            things -> things.size() == 1 && things.get(0).thingName().equals(thingName))
        .get(0);
  }

  private void awaitMembers(String group, String... things) {
    await()
        .atMost(CONVERGES)
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () ->
                assertThat(iot.listThingsInThingGroup(b -> b.thingGroupName(group)).things())
                    .containsExactlyInAnyOrder(things));
  }
}
