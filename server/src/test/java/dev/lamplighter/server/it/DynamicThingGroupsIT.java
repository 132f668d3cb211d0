package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.CreateDynamicThingGroupResponse;
import software.amazon.awssdk.services.iot.model.DescribeThingGroupResponse;
import software.amazon.awssdk.services.iot.model.DynamicGroupStatus;
import software.amazon.awssdk.services.iot.model.GroupNameAndArn;
import software.amazon.awssdk.services.iot.model.InvalidQueryException;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.VersionConflictException;

/**
 * Dynamic thing groups through the AWS SDK for Java v2: "all street lights running an old firmware"
 * follows the fleet as things are created, updated and deleted.
 */
class DynamicThingGroupsIT {
  /** Membership follows a change within a second; the wait allows for a slow build machine. */
  private static final Duration CONVERGES = Duration.ofSeconds(5);

  private static final String OLD_FIRMWARE =
      "thingTypeName:StreetLight AND attributes.firmware:1.*";

  private static TestServer server;
  private static IotClient iot;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    iot = server.iot();
    iot.createThingType(b -> b.thingTypeName("StreetLight"));
    createLight("light-a", "1.4.2");
    createLight("light-b", "2.1.0");
    createLight("light-c", "1.0.0");
  }

  @AfterAll
  static void stop() {
    iot.close();
    server.close();
  }

  @Test
  void oldFirmwareGroup_followsCreatesUpdatesAndDeletes() {
    CreateDynamicThingGroupResponse created =
        iot.createDynamicThingGroup(
            b ->
                b.thingGroupName("old-firmware-lights")
                    .queryString(OLD_FIRMWARE)
                    .thingGroupProperties(p -> p.thingGroupDescription("Street lights on 1.x")));
    assertThat(created.indexName()).isEqualTo("AWS_Things");
    assertThat(created.queryVersion()).isEqualTo("2017-09-30");
    assertThat(created.queryString()).isEqualTo(OLD_FIRMWARE);

    awaitMembers("old-firmware-lights", "light-a", "light-c");
    DescribeThingGroupResponse described =
        iot.describeThingGroup(b -> b.thingGroupName("old-firmware-lights"));
    assertThat(described.status()).isEqualTo(DynamicGroupStatus.ACTIVE);
    assertThat(described.queryString()).isEqualTo(OLD_FIRMWARE);
    assertThat(described.indexName()).isEqualTo("AWS_Things");

    createLight("light-d", "1.9.9");
    awaitMembers("old-firmware-lights", "light-a", "light-c", "light-d");

    setFirmware("light-a", "2.2.0");
    setFirmware("light-b", "1.1.0");
    awaitMembers("old-firmware-lights", "light-b", "light-c", "light-d");
    assertThat(groupsOf("light-b")).contains("old-firmware-lights");
    assertThat(groupsOf("light-a")).doesNotContain("old-firmware-lights");

    iot.deleteThing(b -> b.thingName("light-d"));
    awaitMembers("old-firmware-lights", "light-b", "light-c");

    iot.deleteDynamicThingGroup(b -> b.thingGroupName("old-firmware-lights"));
    assertThat(groupsOf("light-b")).doesNotContain("old-firmware-lights");
  }

  @Test
  void newQuery_rebuildsTheMembership() {
    iot.createDynamicThingGroup(
        b -> b.thingGroupName("light-c-only").queryString("thingName:light-c"));
    awaitMembers("light-c-only", "light-c");

    long version =
        iot.updateDynamicThingGroup(
                b ->
                    b.thingGroupName("light-c-only")
                        .thingGroupProperties(p -> p.thingGroupDescription("b and c"))
                        .queryString("thingName:light-c OR thingName:light-b")
                        .expectedVersion(1L))
            .version();

    assertThat(version).isEqualTo(2L);
    awaitMembers("light-c-only", "light-b", "light-c");
    assertThatThrownBy(
            () ->
                iot.updateDynamicThingGroup(
                    b ->
                        b.thingGroupName("light-c-only")
                            .thingGroupProperties(p -> p.thingGroupDescription("a"))
                            .queryString("thingName:light-a")
                            .expectedVersion(1L)))
        .isInstanceOf(VersionConflictException.class);
    iot.deleteDynamicThingGroup(b -> b.thingGroupName("light-c-only"));
  }

  @Test
  void thingsCannotBeAddedByHand_norCanTheGroupHaveChildren() {
    iot.createDynamicThingGroup(b -> b.thingGroupName("by-query").queryString("thingName:light-c"));

    assertThatThrownBy(
            () -> iot.addThingToThingGroup(b -> b.thingGroupName("by-query").thingName("light-b")))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(
            () -> iot.createThingGroup(b -> b.thingGroupName("child").parentGroupName("by-query")))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(
            () ->
                iot.createDynamicThingGroup(
                    b -> b.thingGroupName("by-query").queryString("thingName:x")))
        .isInstanceOf(ResourceAlreadyExistsException.class);
    iot.deleteDynamicThingGroup(b -> b.thingGroupName("by-query"));
  }

  @Test
  void badQueries_areRefused_andNoGroupIsCreated() {
    assertThatThrownBy(
            () ->
                iot.createDynamicThingGroup(
                    b -> b.thingGroupName("broken").queryString("(thingName:a")))
        .isInstanceOf(InvalidQueryException.class);
    assertThatThrownBy(
            () ->
                iot.createDynamicThingGroup(
                    b ->
                        b.thingGroupName("broken")
                            .queryString("thingName:a")
                            .indexName("AWS_ThingGroups")))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(
            () ->
                iot.createDynamicThingGroup(
                    b ->
                        b.thingGroupName("broken")
                            .queryString("thingName:a")
                            .queryVersion("2020-01-01")))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(iot.listThingGroups().thingGroups())
        .extracting(GroupNameAndArn::groupName)
        .doesNotContain("broken");
  }

  private static void createLight(String name, String firmware) {
    iot.createThing(
        b ->
            b.thingName(name)
                .thingTypeName("StreetLight")
                .attributePayload(a -> a.attributes(Map.of("firmware", firmware))));
  }

  private static void setFirmware(String name, String firmware) {
    iot.updateThing(
        b ->
            b.thingName(name)
                .attributePayload(a -> a.attributes(Map.of("firmware", firmware)).merge(true)));
  }

  private static void awaitMembers(String group, String... things) {
    await()
        .atMost(CONVERGES)
        .pollInterval(Duration.ofMillis(50))
        .untilAsserted(
            () ->
                assertThat(iot.listThingsInThingGroup(b -> b.thingGroupName(group)).things())
                    .containsExactlyInAnyOrder(things));
  }

  private static List<String> groupsOf(String thing) {
    return iot.listThingGroupsForThing(b -> b.thingName(thing)).thingGroups().stream()
        .map(GroupNameAndArn::groupName)
        .toList();
  }
}
