package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.FieldType;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.ThingDocument;
import software.amazon.awssdk.services.iot.model.ThingGroupIndexingMode;
import software.amazon.awssdk.services.iot.model.ThingIndexingMode;

/**
 * UpdateIndexingConfiguration through the AWS SDK for Java v2: indexing is on by default, OFF is
 * honoured, turning it on again re-indexes the fleet, and custom fields change how values match.
 */
class IndexingConfigurationIT {
  private static final Duration SEARCHABLE = Duration.ofSeconds(10);

  private TestServer server;
  private IotClient iot;

  @BeforeEach
  void start() {
    server = TestServer.start();
    iot = server.iot();
    for (int i = 1; i <= 3; i++) {
      String name = "Lamp-" + i;
      String level = Integer.toString(i * 5);
      iot.createThing(
          b -> b.thingName(name).attributePayload(a -> a.attributes(Map.of("level", level))));
    }
    await().atMost(SEARCHABLE).until(() -> search("attributes.level:*").size() == 3);
  }

  @AfterEach
  void stop() {
    iot.close();
    server.close();
  }

  @Test
  void byDefault_registryAndConnectivityAndGroupsAreIndexed() {
    var configuration = iot.getIndexingConfiguration();
    assertThat(configuration.thingIndexingConfiguration().thingIndexingMode())
        .isEqualTo(ThingIndexingMode.REGISTRY);
    assertThat(configuration.thingIndexingConfiguration().thingConnectivityIndexingModeAsString())
        .isEqualTo("STATUS");
    assertThat(configuration.thingGroupIndexingConfiguration().thingGroupIndexingMode())
        .isEqualTo(ThingGroupIndexingMode.ON);
  }

  @Test
  void thingIndexingOff_isHonoured_andOnAgainReindexesTheFleet() {
    iot.updateIndexingConfiguration(
        b -> b.thingIndexingConfiguration(t -> t.thingIndexingMode(ThingIndexingMode.OFF)));

    assertThatThrownBy(() -> search("attributes.level:*"))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(() -> iot.describeIndex(b -> b.indexName("AWS_Things")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(iot.listIndices().indexNames()).containsExactly("AWS_ThingGroups");
    iot.createThing(b -> b.thingName("Lamp-4"));

    iot.updateIndexingConfiguration(
        b -> b.thingIndexingConfiguration(t -> t.thingIndexingMode(ThingIndexingMode.REGISTRY)));

    await()
        .atMost(SEARCHABLE)
        .untilAsserted(
            () ->
                assertThat(search("thingName:lamp-*"))
                    .containsExactly("Lamp-1", "Lamp-2", "Lamp-3", "Lamp-4"));
  }

  @Test
  void theNamedShadowFilter_andShadowCustomFields_roundTrip() {
    iot.updateIndexingConfiguration(
        b ->
            b.thingIndexingConfiguration(
                t ->
                    t.thingIndexingMode(ThingIndexingMode.REGISTRY_AND_SHADOW)
                        .namedShadowIndexingMode("ON")
                        .filter(f -> f.namedShadowNames("battery", "$package"))
                        .customFields(
                            f -> f.name("shadow.reported.wattage").type(FieldType.NUMBER))));

    var things = iot.getIndexingConfiguration().thingIndexingConfiguration();
    assertThat(things.thingIndexingMode()).isEqualTo(ThingIndexingMode.REGISTRY_AND_SHADOW);
    assertThat(things.namedShadowIndexingModeAsString()).isEqualTo("ON");
    assertThat(things.filter().namedShadowNames()).containsExactly("battery", "$package");
    assertThat(things.customFields())
        .extracting(f -> f.name() + ":" + f.typeAsString())
        .containsExactly("shadow.reported.wattage:Number");
    assertThat(things.managedFields())
        .extracting(f -> f.name() + ":" + f.typeAsString())
        .contains(
            "shadow.hasDelta:Boolean",
            "shadow.version:Number",
            "shadow.name.*.hasDelta:Boolean",
            "shadow.name.*.version:Number");
    // Things without shadows have no shadow document, and shadow fields are known to queries.
    await()
        .atMost(SEARCHABLE)
        .untilAsserted(
            () ->
                assertThat(iot.searchIndex(b -> b.queryString("thingName:Lamp-1")).things())
                    .singleElement()
                    .satisfies(thing -> assertThat(thing.shadow()).isNull()));
    assertThat(search("shadow.name.battery.reported.level > 50")).isEmpty();

    assertThatThrownBy(
            () ->
                iot.updateIndexingConfiguration(
                    b ->
                        b.thingIndexingConfiguration(
                            t ->
                                t.thingIndexingMode(ThingIndexingMode.OFF)
                                    .namedShadowIndexingMode("ON")
                                    .filter(f -> f.namedShadowNames("battery")))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("namedShadowIndexingMode");
  }

  @Test
  void aNumberCustomField_makesComparisonsNumeric() {
    // As strings, "10" and "15" sort before "6".
    assertThat(search("attributes.level < 6")).containsExactly("Lamp-1", "Lamp-2", "Lamp-3");

    iot.updateIndexingConfiguration(
        b ->
            b.thingIndexingConfiguration(
                t ->
                    t.thingIndexingMode(ThingIndexingMode.REGISTRY)
                        .customFields(f -> f.name("attributes.level").type(FieldType.NUMBER))));

    await()
        .atMost(SEARCHABLE)
        .untilAsserted(() -> assertThat(search("attributes.level < 6")).containsExactly("Lamp-1"));
    assertThatThrownBy(
            () ->
                iot.updateIndexingConfiguration(
                    b ->
                        b.thingIndexingConfiguration(
                            t ->
                                t.thingIndexingMode(ThingIndexingMode.REGISTRY)
                                    .customFields(
                                        f -> f.name("attributes.level").type(FieldType.STRING)))))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("attributes.level");
  }

  @Test
  void thingIndexingCannotBeTurnedOff_whileDynamicGroupsExist() {
    iot.createDynamicThingGroup(b -> b.thingGroupName("bright").queryString("attributes.level:15"));

    assertThatThrownBy(
            () ->
                iot.updateIndexingConfiguration(
                    b ->
                        b.thingIndexingConfiguration(
                            t -> t.thingIndexingMode(ThingIndexingMode.OFF))))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(search("attributes.level:15")).containsExactly("Lamp-3");
  }

  @Test
  void searchIsCaseInsensitive_andSeesOnlyTheCallersRegion() {
    assertThat(search("thingName:LAMP-2")).containsExactly("Lamp-2");

    try (IotClient otherRegion =
        server.iot(TestServer.ROOT_KEY, TestServer.ROOT_SECRET, Region.US_EAST_1)) {
      assertThat(otherRegion.searchIndex(b -> b.queryString("thingName:lamp-*")).things())
          .isEmpty();
    }
  }

  private List<String> search(String query) {
    return iot.searchIndex(b -> b.queryString(query)).things().stream()
        .map(ThingDocument::thingName)
        .toList();
  }
}
