package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.GroupNameAndArn;
import software.amazon.awssdk.services.iot.model.Tag;

/**
 * The street-light fleet's organisation, built as an operator would and read back exactly: a thing
 * type, a static group per purpose, nested groups for geography, and a billing group per city whose
 * CITY and ENVIRONMENT tags drive cost allocation.
 */
class StreetLightFleetIT {
  private static TestServer server;
  private static IotClient iot;

  @BeforeAll
  static void buildTheFleet() {
    server = TestServer.start();
    iot = server.iot();
    iot.createThingType(
        b ->
            b.thingTypeName("StreetLight")
                .thingTypeProperties(
                    p ->
                        p.thingTypeDescription("LED street light")
                            .searchableAttributes("city", "model")));
    iot.createThingGroup(b -> b.thingGroupName("street-lights"));
    iot.createThingGroup(b -> b.thingGroupName("Italy"));
    iot.createThingGroup(b -> b.thingGroupName("Piedmont").parentGroupName("Italy"));
    iot.createThingGroup(b -> b.thingGroupName("Lombardy").parentGroupName("Italy"));
    iot.createThingGroup(b -> b.thingGroupName("Turin").parentGroupName("Piedmont"));
    iot.createThingGroup(b -> b.thingGroupName("Milan").parentGroupName("Lombardy"));
    for (String city : List.of("Turin", "Milan")) {
      iot.createBillingGroup(
          b ->
              b.billingGroupName("billing-" + city)
                  .tags(tag("CITY", city), tag("ENVIRONMENT", "production")));
      for (int i = 1; i <= 3; i++) {
        String name = city.toLowerCase(java.util.Locale.ROOT) + "-lamp-" + i;
        iot.createThing(
            b ->
                b.thingName(name)
                    .thingTypeName("StreetLight")
                    .billingGroupName("billing-" + city)
                    .attributePayload(a -> a.attributes(Map.of("city", city, "model", "LX-200"))));
        iot.updateThingGroupsForThing(
            b -> b.thingName(name).thingGroupsToAdd("street-lights", city));
      }
    }
  }

  @AfterAll
  static void stop() {
    iot.close();
    server.close();
  }

  @Test
  void geography_readsBackAsBuilt() {
    assertThat(iot.listThingsInThingGroup(b -> b.thingGroupName("Italy").recursive(true)).things())
        .containsExactly(
            "milan-lamp-1",
            "milan-lamp-2",
            "milan-lamp-3",
            "turin-lamp-1",
            "turin-lamp-2",
            "turin-lamp-3");
    assertThat(
            iot.listThingsInThingGroup(b -> b.thingGroupName("Piedmont").recursive(true)).things())
        .containsExactly("turin-lamp-1", "turin-lamp-2", "turin-lamp-3");
    assertThat(
            iot.listThingGroups(b -> b.parentGroup("Italy").recursive(true)).thingGroups().stream()
                .map(GroupNameAndArn::groupName))
        .containsExactly("Lombardy", "Milan", "Piedmont", "Turin");
    assertThat(
            iot.describeThingGroup(b -> b.thingGroupName("Turin"))
                .thingGroupMetadata()
                .rootToParentThingGroups())
        .extracting(GroupNameAndArn::groupName)
        .containsExactly("Italy", "Piedmont");
  }

  @Test
  void purposeGroup_holdsEveryLight() {
    assertThat(iot.listThingsInThingGroup(b -> b.thingGroupName("street-lights")).things())
        .hasSize(6);
    assertThat(iot.listThingGroupsForThing(b -> b.thingName("turin-lamp-1")).thingGroups())
        .extracting(GroupNameAndArn::groupName)
        .containsExactly("Turin", "street-lights");
  }

  @Test
  void billingGroups_carryTheirCostAllocationTags_andTheirCitysLights() {
    for (String city : List.of("Turin", "Milan")) {
      String arn =
          iot.describeBillingGroup(b -> b.billingGroupName("billing-" + city)).billingGroupArn();
      assertThat(iot.listTagsForResource(b -> b.resourceArn(arn)).tags())
          .extracting(t -> t.key() + "=" + t.value())
          .containsExactly("CITY=" + city, "ENVIRONMENT=production");
      assertThat(iot.listThingsInBillingGroup(b -> b.billingGroupName("billing-" + city)).things())
          .hasSize(3)
          .allSatisfy(name -> assertThat(name).startsWith(city.toLowerCase(java.util.Locale.ROOT)));
    }
    assertThat(iot.describeThing(b -> b.thingName("milan-lamp-2")).billingGroupName())
        .isEqualTo("billing-Milan");
  }

  @Test
  void thingType_andAttributes_readBack() {
    assertThat(
            iot.listThings(
                    b ->
                        b.thingTypeName("StreetLight")
                            .attributeName("city")
                            .attributeValue("Turin"))
                .things())
        .hasSize(3)
        .allSatisfy(t -> assertThat(t.attributes()).containsEntry("model", "LX-200"));
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }
}
