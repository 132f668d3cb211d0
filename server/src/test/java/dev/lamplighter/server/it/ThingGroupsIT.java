package dev.lamplighter.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.DynamicThingGroupService;
import dev.lamplighter.registry.NewDynamicThingGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iot.model.DescribeThingGroupResponse;
import software.amazon.awssdk.services.iot.model.DynamicGroupStatus;
import software.amazon.awssdk.services.iot.model.GroupNameAndArn;
import software.amazon.awssdk.services.iot.model.InvalidRequestException;
import software.amazon.awssdk.services.iot.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.iot.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iot.model.VersionConflictException;

/**
 * Thing groups, their hierarchy and their members, through the AWS SDK for Java v2. Dynamic groups
 * are defined through the registry directly, as the fleet index does, and then met through the
 * static operations.
 */
class ThingGroupsIT {
  private static final Scope ROOT_SCOPE = Scope.of(TestServer.ROOT_ACCOUNT, "eu-west-1");
  private static TestServer server;
  private static IotClient iot;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    iot = server.iot();
  }

  @AfterAll
  static void stop() {
    iot.close();
    server.close();
  }

  @Test
  void nestedGroup_isDescribedWithItsPathFromTheRoot() {
    iot.createThingGroup(b -> b.thingGroupName("Italy"));
    iot.createThingGroup(b -> b.thingGroupName("Piedmont").parentGroupName("Italy"));
    String arn =
        iot.createThingGroup(
                b ->
                    b.thingGroupName("Turin")
                        .parentGroupName("Piedmont")
                        .thingGroupProperties(
                            p ->
                                p.thingGroupDescription("City of Turin")
                                    .attributePayload(a -> a.attributes(Map.of("zone", "north")))))
            .thingGroupArn();

    DescribeThingGroupResponse turin = iot.describeThingGroup(b -> b.thingGroupName("Turin"));

    assertThat(arn).isEqualTo("arn:aws:iot:eu-west-1:111122223333:thinggroup/Turin");
    assertThat(turin.thingGroupArn()).isEqualTo(arn);
    assertThat(turin.version()).isEqualTo(1L);
    assertThat(turin.thingGroupProperties().thingGroupDescription()).isEqualTo("City of Turin");
    assertThat(turin.thingGroupProperties().attributePayload().attributes())
        .containsExactly(Map.entry("zone", "north"));
    assertThat(turin.thingGroupMetadata().parentGroupName()).isEqualTo("Piedmont");
    assertThat(turin.thingGroupMetadata().rootToParentThingGroups())
        .extracting(GroupNameAndArn::groupName)
        .containsExactly("Italy", "Piedmont");
    assertThat(turin.thingGroupMetadata().creationDate()).isNotNull();
  }

  @Test
  void sevenLevels_areAllowed_anEighthIsRefused() {
    List<String> chain = new ArrayList<>();
    for (int level = 1; level <= 7; level++) {
      String name = "L" + level;
      String parent = level == 1 ? null : "L" + (level - 1);
      iot.createThingGroup(b -> b.thingGroupName(name).parentGroupName(parent));
      chain.add(name);
    }

    assertThatThrownBy(
            () -> iot.createThingGroup(b -> b.thingGroupName("L8").parentGroupName("L7")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("at most 7");
    assertThatThrownBy(() -> iot.describeThingGroup(b -> b.thingGroupName("L8")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(
            iot.describeThingGroup(b -> b.thingGroupName("L7"))
                .thingGroupMetadata()
                .rootToParentThingGroups())
        .extracting(GroupNameAndArn::groupName)
        .containsExactlyElementsOf(chain.subList(0, 6));
  }

  @Test
  void unknownParent_andOwnParent_areRefused() {
    assertThatThrownBy(
            () -> iot.createThingGroup(b -> b.thingGroupName("Orphan").parentGroupName("Nobody")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Nobody");
    assertThatThrownBy(
            () -> iot.createThingGroup(b -> b.thingGroupName("Selfish").parentGroupName("Selfish")))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void createThingGroup_again_sameConfiguration_succeeds_otherwise_conflicts() {
    String id = iot.createThingGroup(b -> b.thingGroupName("Again")).thingGroupId();

    assertThat(iot.createThingGroup(b -> b.thingGroupName("Again")).thingGroupId()).isEqualTo(id);
    assertThatThrownBy(
            () ->
                iot.createThingGroup(
                    b ->
                        b.thingGroupName("Again")
                            .thingGroupProperties(p -> p.thingGroupDescription("x"))))
        .isInstanceOf(ResourceAlreadyExistsException.class)
        .hasMessageStartingWith(
            "Thing Group Again already exists in current account with different properties"
                + " (Service");
  }

  @Test
  void updateThingGroup_withEmptyAttributesReplacing_leavesNoAttributePayload() {
    iot.createThingGroup(b -> b.thingGroupName("Bare"));

    iot.updateThingGroup(
        b ->
            b.thingGroupName("Bare")
                .thingGroupProperties(
                    p -> p.attributePayload(a -> a.attributes(Map.of()).merge(false))));

    DescribeThingGroupResponse bare = iot.describeThingGroup(b -> b.thingGroupName("Bare"));
    assertThat(bare.version()).isEqualTo(2L);
    assertThat(bare.thingGroupProperties().attributePayload()).isNull();

    iot.createThingGroup(
        b ->
            b.thingGroupName("Emptied")
                .thingGroupProperties(
                    p -> p.attributePayload(a -> a.attributes(Map.of("k", "v")))));
    iot.updateThingGroup(
        b ->
            b.thingGroupName("Emptied")
                .thingGroupProperties(
                    p -> p.attributePayload(a -> a.attributes(Map.of()).merge(false))));
    assertThat(
            iot.describeThingGroup(b -> b.thingGroupName("Emptied"))
                .thingGroupProperties()
                .attributePayload())
        .isNull();
  }

  @Test
  void updateThingGroup_mergesAttributes_andRefusesAStaleVersion() {
    iot.createThingGroup(
        b ->
            b.thingGroupName("Upd")
                .thingGroupProperties(
                    p -> p.attributePayload(a -> a.attributes(Map.of("a", "1")))));

    long version =
        iot.updateThingGroup(
                b ->
                    b.thingGroupName("Upd")
                        .expectedVersion(1L)
                        .thingGroupProperties(
                            p ->
                                p.attributePayload(
                                    a -> a.attributes(Map.of("b", "2")).merge(true))))
            .version();

    assertThat(version).isEqualTo(2L);
    assertThat(
            iot.describeThingGroup(b -> b.thingGroupName("Upd"))
                .thingGroupProperties()
                .attributePayload()
                .attributes())
        .containsExactlyInAnyOrderEntriesOf(Map.of("a", "1", "b", "2"));
    assertThatThrownBy(
            () ->
                iot.updateThingGroup(
                    b ->
                        b.thingGroupName("Upd")
                            .expectedVersion(1L)
                            .thingGroupProperties(p -> p.thingGroupDescription("late"))))
        .isInstanceOf(VersionConflictException.class);
    assertThat(iot.describeThingGroup(b -> b.thingGroupName("Upd")).version()).isEqualTo(2L);
  }

  @Test
  void membersAreListedDirectlyAndRecursively_inNameOrder_acrossPages() {
    iot.createThingGroup(b -> b.thingGroupName("Region"));
    iot.createThingGroup(b -> b.thingGroupName("CityA").parentGroupName("Region"));
    iot.createThingGroup(b -> b.thingGroupName("CityB").parentGroupName("Region"));
    for (String thing : List.of("m-3", "m-1", "m-2", "m-5", "m-4")) {
      iot.createThing(b -> b.thingName(thing));
    }
    iot.addThingToThingGroup(b -> b.thingGroupName("Region").thingName("m-5"));
    iot.addThingToThingGroup(b -> b.thingGroupName("CityA").thingName("m-1"));
    iot.addThingToThingGroup(b -> b.thingGroupName("CityA").thingName("m-3"));
    iot.addThingToThingGroup(b -> b.thingGroupName("CityB").thingName("m-2"));
    String cityBArn = iot.describeThingGroup(b -> b.thingGroupName("CityB")).thingGroupArn();
    String thingArn = iot.describeThing(b -> b.thingName("m-4")).thingArn();
    iot.addThingToThingGroup(b -> b.thingGroupArn(cityBArn).thingArn(thingArn));

    assertThat(iot.listThingsInThingGroup(b -> b.thingGroupName("Region")).things())
        .containsExactly("m-5");
    assertThat(
            iot
                .listThingsInThingGroupPaginator(
                    b -> b.thingGroupName("Region").recursive(true).maxResults(2))
                .things()
                .stream()
                .toList())
        .containsExactly("m-1", "m-2", "m-3", "m-4", "m-5");
    assertThat(iot.listThingsInThingGroup(b -> b.thingGroupName("CityB")).things())
        .containsExactly("m-2", "m-4");
    assertThat(iot.listThingGroupsForThing(b -> b.thingName("m-4")).thingGroups())
        .singleElement()
        .satisfies(g -> assertThat(g.groupArn()).isEqualTo(cityBArn));
  }

  @Test
  void aThing_isInAtMostOneGroupOfAHierarchy() {
    iot.createThingGroup(b -> b.thingGroupName("H-root"));
    iot.createThingGroup(b -> b.thingGroupName("H-left").parentGroupName("H-root"));
    iot.createThingGroup(b -> b.thingGroupName("H-right").parentGroupName("H-root"));
    iot.createThingGroup(b -> b.thingGroupName("Other-root"));
    iot.createThing(b -> b.thingName("h-thing"));
    iot.addThingToThingGroup(b -> b.thingGroupName("H-left").thingName("h-thing"));

    assertThatThrownBy(
            () -> iot.addThingToThingGroup(b -> b.thingGroupName("H-right").thingName("h-thing")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("same hierarchy");
    assertThatThrownBy(
            () -> iot.addThingToThingGroup(b -> b.thingGroupName("H-root").thingName("h-thing")))
        .isInstanceOf(InvalidRequestException.class);
    iot.addThingToThingGroup(b -> b.thingGroupName("Other-root").thingName("h-thing"));
    iot.addThingToThingGroup(b -> b.thingGroupName("H-left").thingName("h-thing"));

    assertThat(iot.listThingGroupsForThing(b -> b.thingName("h-thing")).thingGroups())
        .extracting(GroupNameAndArn::groupName)
        .containsExactly("H-left", "Other-root");
  }

  @Test
  void aThing_isInAtMostTenGroups() {
    iot.createThing(b -> b.thingName("popular"));
    for (int i = 0; i < 10; i++) {
      String group = "Ten-" + i;
      iot.createThingGroup(b -> b.thingGroupName(group));
      iot.addThingToThingGroup(b -> b.thingGroupName(group).thingName("popular"));
    }
    iot.createThingGroup(b -> b.thingGroupName("Ten-10"));

    assertThatThrownBy(
            () -> iot.addThingToThingGroup(b -> b.thingGroupName("Ten-10").thingName("popular")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("10");
    assertThat(iot.listThingGroupsForThingPaginator(b -> b.thingName("popular")).thingGroups())
        .hasSize(10);
  }

  @Test
  void updateThingGroupsForThing_movesAtomically() {
    iot.createThingGroup(b -> b.thingGroupName("Move-from"));
    iot.createThingGroup(b -> b.thingGroupName("Move-to"));
    iot.createThing(b -> b.thingName("mover"));
    iot.addThingToThingGroup(b -> b.thingGroupName("Move-from").thingName("mover"));

    assertThatThrownBy(
            () ->
                iot.updateThingGroupsForThing(
                    b ->
                        b.thingName("mover")
                            .thingGroupsToRemove("Move-from")
                            .thingGroupsToAdd("Nope")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThat(iot.listThingGroupsForThing(b -> b.thingName("mover")).thingGroups())
        .extracting(GroupNameAndArn::groupName)
        .containsExactly("Move-from");

    iot.updateThingGroupsForThing(
        b -> b.thingName("mover").thingGroupsToRemove("Move-from").thingGroupsToAdd("Move-to"));
    assertThat(iot.listThingGroupsForThing(b -> b.thingName("mover")).thingGroups())
        .extracting(GroupNameAndArn::groupName)
        .containsExactly("Move-to");
  }

  @Test
  void listThingGroups_recursiveHasNoDefault_falseStopsAtTheFirstLevel_andPrefixAppliesOnTop() {
    iot.createThingGroup(b -> b.thingGroupName("Tree"));
    iot.createThingGroup(b -> b.thingGroupName("Tree-a").parentGroupName("Tree"));
    iot.createThingGroup(b -> b.thingGroupName("Tree-b").parentGroupName("Tree"));
    iot.createThingGroup(b -> b.thingGroupName("Tree-a-1").parentGroupName("Tree-a"));
    iot.createThingGroup(b -> b.thingGroupName("Tree-a-1-x").parentGroupName("Tree-a-1"));

    // AWS: parentGroup alone, or with recursive=true, lists every descendant.
    assertThat(groups(iot.listThingGroups(b -> b.parentGroup("Tree")).thingGroups()))
        .containsExactly("Tree-a", "Tree-a-1", "Tree-a-1-x", "Tree-b");
    assertThat(
            groups(
                iot
                    .listThingGroupsPaginator(
                        b -> b.parentGroup("Tree").recursive(true).maxResults(1))
                    .thingGroups()
                    .stream()
                    .toList()))
        .containsExactly("Tree-a", "Tree-a-1", "Tree-a-1-x", "Tree-b");
    // recursive=false: the direct children only.
    assertThat(
            groups(iot.listThingGroups(b -> b.parentGroup("Tree").recursive(false)).thingGroups()))
        .containsExactly("Tree-a", "Tree-b");
    assertThat(
            groups(
                iot.listThingGroups(b -> b.parentGroup("Tree-a").recursive(false)).thingGroups()))
        .containsExactly("Tree-a-1");
    // namePrefixFilter on top of each.
    assertThat(
            groups(
                iot.listThingGroups(b -> b.parentGroup("Tree").namePrefixFilter("Tree-a"))
                    .thingGroups()))
        .containsExactly("Tree-a", "Tree-a-1", "Tree-a-1-x");
    assertThat(
            groups(
                iot.listThingGroups(
                        b -> b.parentGroup("Tree").namePrefixFilter("Tree-a").recursive(false))
                    .thingGroups()))
        .containsExactly("Tree-a");
    // Without parentGroup: every group, or with recursive=false the roots only.
    assertThat(groups(iot.listThingGroups(b -> b.namePrefixFilter("Tree")).thingGroups()))
        .containsExactly("Tree", "Tree-a", "Tree-a-1", "Tree-a-1-x", "Tree-b");
    assertThat(
            groups(
                iot.listThingGroups(b -> b.namePrefixFilter("Tree").recursive(true)).thingGroups()))
        .containsExactly("Tree", "Tree-a", "Tree-a-1", "Tree-a-1-x", "Tree-b");
    assertThat(
            groups(
                iot.listThingGroups(b -> b.namePrefixFilter("Tree").recursive(false))
                    .thingGroups()))
        .containsExactly("Tree");
    assertThat(groups(iot.listThingGroups(b -> b.recursive(false)).thingGroups()))
        .contains("Tree")
        .doesNotContain("Tree-a", "Tree-a-1", "Tree-a-1-x", "Tree-b");
    assertThatThrownBy(() -> iot.listThingGroups(b -> b.parentGroup("NoTree")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  @Test
  void deleteThingGroup_isRefusedWithChildren_andRemovesMembershipsAndTags() {
    iot.createThingGroup(b -> b.thingGroupName("Parent"));
    iot.createThingGroup(b -> b.thingGroupName("Child").parentGroupName("Parent"));
    iot.createThing(b -> b.thingName("member-of-child"));
    iot.addThingToThingGroup(b -> b.thingGroupName("Child").thingName("member-of-child"));
    String childArn = iot.describeThingGroup(b -> b.thingGroupName("Child")).thingGroupArn();
    iot.tagResource(b -> b.resourceArn(childArn).tags(t -> t.key("k").value("v")));

    assertThatThrownBy(() -> iot.deleteThingGroup(b -> b.thingGroupName("Parent")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("child");
    iot.deleteThingGroup(b -> b.thingGroupName("Child"));

    assertThat(iot.listThingGroupsForThing(b -> b.thingName("member-of-child")).thingGroups())
        .isEmpty();
    assertThat(iot.listThingsInThingGroup(b -> b.thingGroupName("Parent").recursive(true)).things())
        .isEmpty();
    iot.createThingGroup(b -> b.thingGroupName("Child").parentGroupName("Parent"));
    assertThat(iot.listTagsForResource(b -> b.resourceArn(childArn)).tags()).isEmpty();
    iot.deleteThingGroup(b -> b.thingGroupName("Child"));
    iot.deleteThingGroup(b -> b.thingGroupName("Parent"));
    iot.deleteThingGroup(b -> b.thingGroupName("Parent"));
  }

  @Test
  void deletingAThing_removesItFromItsGroups() {
    iot.createThingGroup(b -> b.thingGroupName("Keeps"));
    iot.createThing(b -> b.thingName("leaving"));
    iot.addThingToThingGroup(b -> b.thingGroupName("Keeps").thingName("leaving"));

    iot.deleteThing(b -> b.thingName("leaving"));

    assertThat(iot.listThingsInThingGroup(b -> b.thingGroupName("Keeps")).things()).isEmpty();
    iot.createThing(b -> b.thingName("leaving"));
    assertThat(iot.listThingGroupsForThing(b -> b.thingName("leaving")).thingGroups()).isEmpty();
  }

  @Test
  void membershipOfUnknownThingsOrGroups_isResourceNotFound_andAnArnOfAnotherType_isInvalid() {
    iot.createThingGroup(b -> b.thingGroupName("Known"));
    iot.createThing(b -> b.thingName("known-thing"));

    assertThatThrownBy(
            () ->
                iot.addThingToThingGroup(b -> b.thingGroupName("Unknown").thingName("known-thing")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () -> iot.addThingToThingGroup(b -> b.thingGroupName("Known").thingName("ghost")))
        .isInstanceOf(ResourceNotFoundException.class);
    assertThatThrownBy(
            () ->
                iot.addThingToThingGroup(
                    b ->
                        b.thingGroupArn("arn:aws:iot:eu-west-1:111122223333:thing/known-thing")
                            .thingName("known-thing")))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> iot.addThingToThingGroup(b -> b.thingName("known-thing")))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> iot.listThingsInThingGroup(b -> b.thingGroupName("Unknown")))
        .isInstanceOf(ResourceNotFoundException.class);
  }

  private static List<String> groups(List<GroupNameAndArn> groups) {
    return groups.stream().map(GroupNameAndArn::groupName).toList();
  }

  private static DynamicThingGroupService dynamicGroups() {
    return server.server().backend().registry().dynamicThingGroups();
  }

  /** A dynamic group as the fleet index creates it, with the given things as its members. */
  private static void createDynamicGroup(String name, String query, List<String> members) {
    dynamicGroups()
        .create(
            ROOT_SCOPE, new NewDynamicThingGroup(name, "by query", null, null, null, query, null));
    dynamicGroups().changeMembers(ROOT_SCOPE, name, members, List.of());
  }

  @Test
  void dynamicGroup_isDescribedWithItsQuery_andListedLikeAStaticRoot() {
    // Both things match the group's query, so the index, which listings of a dynamic group wait
    // for, agrees with the members recorded here.
    for (String thing : List.of("dyn-warm-1", "dyn-warm-2")) {
      iot.createThing(
          b ->
              b.thingName(thing)
                  .attributePayload(p -> p.attributes(java.util.Map.of("temperature", "80"))));
    }
    iot.createThingGroup(b -> b.thingGroupName("Dyn-static"));
    iot.addThingToThingGroup(b -> b.thingGroupName("Dyn-static").thingName("dyn-warm-1"));
    createDynamicGroup(
        "Dyn-warm", "attributes.temperature>75", List.of("dyn-warm-2", "dyn-warm-1"));

    DescribeThingGroupResponse warm = iot.describeThingGroup(b -> b.thingGroupName("Dyn-warm"));
    DescribeThingGroupResponse plain = iot.describeThingGroup(b -> b.thingGroupName("Dyn-static"));

    assertThat(warm.queryString()).isEqualTo("attributes.temperature>75");
    assertThat(warm.indexName()).isEqualTo("AWS_Things");
    assertThat(warm.queryVersion()).isEqualTo("2017-09-30");
    // BUILDING until the index has evaluated the query, which it may already have done.
    assertThat(warm.status()).isIn(DynamicGroupStatus.BUILDING, DynamicGroupStatus.ACTIVE);
    assertThat(warm.thingGroupProperties().thingGroupDescription()).isEqualTo("by query");
    assertThat(warm.thingGroupMetadata().parentGroupName()).isNull();
    assertThat(plain.queryString()).isNull();
    assertThat(plain.status()).isNull();
    assertThat(iot.listThingGroups(b -> b.namePrefixFilter("Dyn-")).thingGroups())
        .extracting(GroupNameAndArn::groupName)
        .containsExactly("Dyn-static", "Dyn-warm");
    assertThat(iot.listThingsInThingGroup(b -> b.thingGroupName("Dyn-warm")).things())
        .containsExactly("dyn-warm-1", "dyn-warm-2");
    assertThat(iot.listThingGroupsForThing(b -> b.thingName("dyn-warm-1")).thingGroups())
        .extracting(GroupNameAndArn::groupName, GroupNameAndArn::groupArn)
        .containsExactly(
            tuple("Dyn-static", "arn:aws:iot:eu-west-1:111122223333:thinggroup/Dyn-static"),
            tuple("Dyn-warm", "arn:aws:iot:eu-west-1:111122223333:thinggroup/Dyn-warm"));

    iot.deleteThing(b -> b.thingName("dyn-warm-2"));

    assertThat(iot.listThingsInThingGroup(b -> b.thingGroupName("Dyn-warm")).things())
        .containsExactly("dyn-warm-1");
  }

  @Test
  void staticOperations_onADynamicGroup_areInvalidRequests() {
    iot.createThing(b -> b.thingName("dyn-refused"));
    // A query dyn-refused does not match: any membership it got could only come from a static
    // operation, which must have been refused.
    createDynamicGroup("Dyn-refusing", "thingName:nobody-*", List.of());
    String arn = "arn:aws:iot:eu-west-1:111122223333:thinggroup/Dyn-refusing";
    String message =
        "This operation does not support dynamic thing groups. Thing group arn: " + arn;
    iot.createPolicy(b -> b.policyName("DynRefused").policyDocument(Policies.CONNECT_ANY));

    List<ThrowingCallable> calls =
        List.of(
            () ->
                iot.addThingToThingGroup(
                    b -> b.thingGroupName("Dyn-refusing").thingName("dyn-refused")),
            () -> iot.removeThingFromThingGroup(b -> b.thingGroupArn(arn).thingName("dyn-refused")),
            () ->
                iot.updateThingGroupsForThing(
                    b -> b.thingName("dyn-refused").thingGroupsToAdd("Dyn-refusing")),
            () ->
                iot.updateThingGroup(
                    b ->
                        b.thingGroupName("Dyn-refusing")
                            .thingGroupProperties(p -> p.thingGroupDescription("changed"))),
            () -> iot.deleteThingGroup(b -> b.thingGroupName("Dyn-refusing")));
    for (ThrowingCallable call : calls) {
      assertThatThrownBy(call)
          .isInstanceOfSatisfying(
              InvalidRequestException.class,
              e -> assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message));
    }
    assertThatThrownBy(
            () ->
                iot.createThingGroup(
                    b -> b.thingGroupName("Dyn-child").parentGroupName("Dyn-refusing")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Dyn-refusing");
    assertThatThrownBy(() -> iot.attachPolicy(b -> b.policyName("DynRefused").target(arn)))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("Dyn-refusing");
    assertThat(iot.describeThingGroup(b -> b.thingGroupName("Dyn-refusing")).version())
        .isEqualTo(1L);
    assertThat(iot.listThingGroupsForThing(b -> b.thingName("dyn-refused")).thingGroups())
        .isEmpty();
  }

  @Test
  void aThingAtTenGroups_leavesADynamicGroup_onlyWhenOverrideDynamicGroupsIsSet() {
    iot.createThing(b -> b.thingName("dyn-crowded"));
    for (int i = 0; i < 9; i++) {
      String group = "Crowd-" + i;
      iot.createThingGroup(b -> b.thingGroupName(group));
      iot.addThingToThingGroup(b -> b.thingGroupName(group).thingName("dyn-crowded"));
    }
    createDynamicGroup("Crowd-dynamic", "thingName:dyn-crowded", List.of("dyn-crowded"));
    iot.createThingGroup(b -> b.thingGroupName("Crowd-9"));
    iot.createThingGroup(b -> b.thingGroupName("Crowd-10"));

    assertThatThrownBy(
            () ->
                iot.addThingToThingGroup(b -> b.thingGroupName("Crowd-9").thingName("dyn-crowded")))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("overrideDynamicGroups");
    iot.updateThingGroupsForThing(
        b -> b.thingName("dyn-crowded").thingGroupsToAdd("Crowd-9").overrideDynamicGroups(true));

    assertThat(iot.listThingGroupsForThing(b -> b.thingName("dyn-crowded")).thingGroups())
        .extracting(GroupNameAndArn::groupName)
        .hasSize(10)
        .contains("Crowd-9")
        .doesNotContain("Crowd-dynamic");
    assertThatThrownBy(
            () ->
                iot.addThingToThingGroup(
                    b ->
                        b.thingGroupName("Crowd-10")
                            .thingName("dyn-crowded")
                            .overrideDynamicGroups(true)))
        .isInstanceOf(InvalidRequestException.class);
  }
}
