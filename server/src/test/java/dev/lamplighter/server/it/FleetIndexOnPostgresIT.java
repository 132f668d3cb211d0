package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.lamplighter.testkit.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.GroupNameAndArn;
import software.amazon.awssdk.services.iot.model.ThingDocument;

/**
 * Two server nodes on one PostgreSQL database: each keeps its own fleet index, fed from the shared
 * change log, so a write through either node is searchable on both, and dynamic groups follow
 * writes made anywhere.
 */
class FleetIndexOnPostgresIT {
  private static final Duration CONVERGES = Duration.ofSeconds(10);

  private static TestServer nodeA;
  private static TestServer nodeB;
  private static IotClient iotA;
  private static IotClient iotB;

  @BeforeAll
  static void startTwoNodes() throws Exception {
    EmbeddedPostgres postgres = EmbeddedPostgres.shared();
    try (Connection admin = DriverManager.getConnection(postgres.jdbcUrl("postgres"));
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE fleet_index_two_nodes TEMPLATE template0 ENCODING 'UTF8'");
    }
    Map<String, String> flags = Map.of("store-url", postgres.jdbcUrl("fleet_index_two_nodes"));
    // Nodes of one store share its master key, as they share its sealed secrets.
    Map<String, String> environment =
        Map.of("LAMPLIGHTER_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    nodeA = TestServer.start(flags, environment);
    nodeB = TestServer.start(flags, environment);
    iotA = nodeA.iot();
    iotB = nodeB.iot();
  }

  @AfterAll
  static void stop() {
    iotA.close();
    iotB.close();
    nodeA.close();
    nodeB.close();
  }

  @Test
  void writesOnOneNode_areSearchableOnBoth_andDynamicGroupsFollowThem() {
    iotA.createThing(
        b -> b.thingName("lamp-a").attributePayload(a -> a.attributes(Map.of("firmware", "1.0"))));
    iotB.createThing(
        b -> b.thingName("lamp-b").attributePayload(a -> a.attributes(Map.of("firmware", "2.0"))));

    for (IotClient node : List.of(iotA, iotB)) {
      await()
          .atMost(CONVERGES)
          .untilAsserted(
              () ->
                  assertThat(search(node, "attributes.firmware:*"))
                      .containsExactly("lamp-a", "lamp-b"));
    }

    iotB.createDynamicThingGroup(
        b -> b.thingGroupName("old-firmware").queryString("attributes.firmware:1.*"));
    iotA.updateThing(
        b ->
            b.thingName("lamp-b")
                .attributePayload(a -> a.attributes(Map.of("firmware", "1.5")).merge(true)));

    await()
        .atMost(CONVERGES)
        .untilAsserted(
            () ->
                assertThat(
                        iotA.listThingsInThingGroup(b -> b.thingGroupName("old-firmware")).things())
                    .containsExactlyInAnyOrder("lamp-a", "lamp-b"));
    for (IotClient node : List.of(iotA, iotB)) {
      await()
          .atMost(CONVERGES)
          .untilAsserted(
              () ->
                  assertThat(search(node, "thingGroupNames:old-firmware"))
                      .containsExactly("lamp-a", "lamp-b"));
    }
    assertThat(
            iotB.listThingGroupsForThing(b -> b.thingName("lamp-b")).thingGroups().stream()
                .map(GroupNameAndArn::groupName))
        .containsExactly("old-firmware");
  }

  private static List<String> search(IotClient iot, String query) {
    return iot.searchIndex(b -> b.queryString(query)).things().stream()
        .map(ThingDocument::thingName)
        .toList();
  }
}
