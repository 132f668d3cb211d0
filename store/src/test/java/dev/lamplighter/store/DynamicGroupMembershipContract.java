package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.DynamicMembershipChange;
import dev.lamplighter.registry.DynamicThingGroupService;
import dev.lamplighter.registry.GroupMembership;
import dev.lamplighter.registry.NewDynamicThingGroup;
import dev.lamplighter.registry.NewThing;
import dev.lamplighter.registry.NewThingGroup;
import dev.lamplighter.registry.Registry;
import dev.lamplighter.registry.ThingGroupService;
import dev.lamplighter.security.MasterKey;
import dev.lamplighter.security.Security;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Membership of dynamic thing groups through the registry on the store: what the fleet index
 * records, how the static listings and deletions see it, and AWS's limit of 10 groups per thing
 * across both kinds.
 */
abstract class DynamicGroupMembershipContract extends ContractSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DynamicThingGroupService dynamicGroups() {
    return registry().dynamicThingGroups();
  }

  private ThingGroupService groups() {
    return registry().thingGroups();
  }

  private void createDynamic(Scope scope, String name) {
    dynamicGroups()
        .create(scope, new NewDynamicThingGroup(name, null, null, null, null, "thingName:*", null));
  }

  private void createThings(Scope scope, String... names) {
    for (String name : names) {
      registry().things().create(scope, new NewThing(name, null, null, null));
    }
  }

  /** Static root groups {@code prefix-0}, {@code prefix-1}, ..., each with the thing in it. */
  private void putInStaticGroups(Scope scope, String thing, String prefix, int count) {
    for (int i = 0; i < count; i++) {
      groups().create(scope, new NewThingGroup(prefix + "-" + i, null, null, null, null));
      groups().addThing(scope, prefix + "-" + i, thing, false);
    }
  }

  private List<String> groupsOf(Scope scope, String thing) {
    return groups().listGroupsForThing(scope, thing, PageRequest.first(100)).items();
  }

  private List<String> thingsIn(Scope scope, String group) {
    return groups().listThings(scope, group, false, PageRequest.first(100)).items();
  }

  private List<ChangeEvent> logOf(Scope scope, long after) {
    return logAfter(after).stream().filter(event -> event.scope().equals(scope)).toList();
  }

  private static String thingNameIn(ChangeEvent event) {
    try {
      JsonNode state = JSON.readTree(event.stateJson());
      return state.get("thingName").asText() + "@" + state.get("groupName").asText();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void changeMembers_recordsOnlyRealChanges_loggedAsStaticMembershipsAre() {
    Scope scope = newScope();
    createDynamic(scope, "warm");
    createThings(scope, "lamp-1", "lamp-2", "lamp-3");
    long head = logHead();

    DynamicMembershipChange first =
        dynamicGroups()
            .changeMembers(scope, "warm", List.of("lamp-2", "ghost", "lamp-1"), List.of());
    DynamicMembershipChange second =
        dynamicGroups()
            .changeMembers(scope, "warm", List.of("lamp-3", "lamp-1"), List.of("lamp-2", "lamp-9"));

    assertThat(first.added()).containsExactly("lamp-1", "lamp-2");
    assertThat(first.removed()).isEmpty();
    assertThat(second.added()).containsExactly("lamp-3");
    assertThat(second.removed()).containsExactly("lamp-2");
    assertThat(second.refused()).isEmpty();
    assertThat(thingsIn(scope, "warm")).containsExactly("lamp-1", "lamp-3");
    assertThat(groups().listThings(scope, "warm", true, PageRequest.first(100)).items())
        .containsExactly("lamp-1", "lamp-3");
    assertThat(dynamicGroups().listMembers(scope, "warm", PageRequest.first(1)).items())
        .containsExactly("lamp-1");
    List<ChangeEvent> log = logOf(scope, head);
    assertThat(log)
        .extracting(ChangeEvent::type, ChangeEvent::name, ChangeEvent::kind)
        .containsExactly(
            tuple(ResourceType.THING_GROUP, "warm", ChangeKind.MEMBER_ADDED),
            tuple(ResourceType.THING_GROUP, "warm", ChangeKind.MEMBER_ADDED),
            tuple(ResourceType.THING_GROUP, "warm", ChangeKind.MEMBER_REMOVED),
            tuple(ResourceType.THING_GROUP, "warm", ChangeKind.MEMBER_ADDED));
    assertThat(log)
        .extracting(DynamicGroupMembershipContract::thingNameIn)
        .containsExactly("lamp-1@warm", "lamp-2@warm", "lamp-2@warm", "lamp-3@warm");
  }

  @Test
  void listGroupsForThing_mergesStaticAndDynamicGroups_inNameOrder() {
    Scope scope = newScope();
    createThings(scope, "lamp-1");
    createDynamic(scope, "b-dynamic");
    createDynamic(scope, "d-dynamic");
    groups().create(scope, new NewThingGroup("a-static", null, null, null, null));
    groups().create(scope, new NewThingGroup("c-static", null, null, null, null));
    groups().addThing(scope, "c-static", "lamp-1", false);
    groups().addThing(scope, "a-static", "lamp-1", false);
    dynamicGroups().changeMembers(scope, "d-dynamic", List.of("lamp-1"), List.of());
    dynamicGroups().changeMembers(scope, "b-dynamic", List.of("lamp-1"), List.of());

    assertThat(groupsOf(scope, "lamp-1"))
        .containsExactly("a-static", "b-dynamic", "c-static", "d-dynamic");
    Page<String> firstPage = groups().listGroupsForThing(scope, "lamp-1", PageRequest.first(3));
    assertThat(firstPage.items()).containsExactly("a-static", "b-dynamic", "c-static");
    assertThat(
            groups()
                .listGroupsForThing(
                    scope, "lamp-1", PageRequest.after(firstPage.next().orElseThrow(), 3))
                .items())
        .containsExactly("d-dynamic");
  }

  @Test
  void aThingInTenStaticGroups_isLeftOutOfADynamicGroup() {
    Scope scope = newScope();
    createThings(scope, "lamp-1", "lamp-2");
    putInStaticGroups(scope, "lamp-1", "static", 10);
    createDynamic(scope, "warm");

    DynamicMembershipChange change =
        dynamicGroups().changeMembers(scope, "warm", List.of("lamp-1", "lamp-2"), List.of());

    assertThat(change.added()).containsExactly("lamp-2");
    assertThat(change.refused()).containsExactly("lamp-1");
    assertThat(change.displaced()).isEmpty();
    assertThat(thingsIn(scope, "warm")).containsExactly("lamp-2");
  }

  /** AWS's order of precedence: an older dynamic group wins the place of a newer one. */
  @Test
  void anOlderDynamicGroup_takesThePlaceOfTheNewest_butANewerOneIsLeftOut() {
    Scope scope = newScope();
    createThings(scope, "lamp-1");
    putInStaticGroups(scope, "lamp-1", "static", 8);
    createDynamic(scope, "oldest");
    clock().advance(Duration.ofSeconds(1));
    createDynamic(scope, "middle");
    clock().advance(Duration.ofSeconds(1));
    createDynamic(scope, "newest");
    dynamicGroups().changeMembers(scope, "middle", List.of("lamp-1"), List.of());
    dynamicGroups().changeMembers(scope, "newest", List.of("lamp-1"), List.of());
    long head = logHead();

    DynamicMembershipChange older =
        dynamicGroups().changeMembers(scope, "oldest", List.of("lamp-1"), List.of());
    DynamicMembershipChange newer =
        dynamicGroups().changeMembers(scope, "newest", List.of("lamp-1"), List.of());

    assertThat(older.added()).containsExactly("lamp-1");
    assertThat(older.displaced()).containsExactly(new GroupMembership("lamp-1", "newest"));
    assertThat(newer.added()).isEmpty();
    assertThat(newer.refused()).containsExactly("lamp-1");
    assertThat(groupsOf(scope, "lamp-1")).contains("oldest", "middle").doesNotContain("newest");
    assertThat(logOf(scope, head))
        .extracting(ChangeEvent::name, ChangeEvent::kind)
        .containsExactly(
            tuple("newest", ChangeKind.MEMBER_REMOVED), tuple("oldest", ChangeKind.MEMBER_ADDED));
  }

  @Test
  void staticAdd_atTheLimit_takesTheThingOutOfItsNewestDynamicGroup_onlyWhenAskedTo() {
    Scope scope = newScope();
    createThings(scope, "lamp-1");
    putInStaticGroups(scope, "lamp-1", "static", 8);
    createDynamic(scope, "older");
    clock().advance(Duration.ofSeconds(1));
    createDynamic(scope, "newer");
    dynamicGroups().changeMembers(scope, "newer", List.of("lamp-1"), List.of());
    dynamicGroups().changeMembers(scope, "older", List.of("lamp-1"), List.of());
    groups().create(scope, new NewThingGroup("ninth", null, null, null, null));

    assertThatThrownBy(() -> groups().addThing(scope, "ninth", "lamp-1", false))
        .isInstanceOfSatisfying(
            ServiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
        .hasMessageContaining("overrideDynamicGroups");
    long head = logHead();
    groups().addThing(scope, "ninth", "lamp-1", true);

    assertThat(groupsOf(scope, "lamp-1")).hasSize(10).contains("ninth", "older");
    assertThat(thingsIn(scope, "newer")).isEmpty();
    assertThat(logOf(scope, head))
        .extracting(ChangeEvent::name, ChangeEvent::kind)
        .containsExactly(
            tuple("newer", ChangeKind.MEMBER_REMOVED), tuple("ninth", ChangeKind.MEMBER_ADDED));
  }

  @Test
  void staticAdd_toAThingInTenStaticGroups_isRefused_evenWithOverride() {
    Scope scope = newScope();
    createThings(scope, "lamp-1");
    putInStaticGroups(scope, "lamp-1", "static", 10);
    groups().create(scope, new NewThingGroup("eleventh", null, null, null, null));

    assertThatThrownBy(() -> groups().addThing(scope, "eleventh", "lamp-1", true))
        .isInstanceOfSatisfying(
            ServiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    assertThat(groupsOf(scope, "lamp-1")).hasSize(10).doesNotContain("eleventh");
  }

  @Test
  void deleteThing_endsItsDynamicMemberships_inTheSameTransaction() {
    Scope scope = newScope();
    createThings(scope, "lamp-1", "lamp-2");
    createDynamic(scope, "warm");
    createDynamic(scope, "cold");
    dynamicGroups().changeMembers(scope, "warm", List.of("lamp-1", "lamp-2"), List.of());
    dynamicGroups().changeMembers(scope, "cold", List.of("lamp-1"), List.of());

    registry().things().delete(scope, "lamp-1", null);

    assertThat(thingsIn(scope, "warm")).containsExactly("lamp-2");
    assertThat(thingsIn(scope, "cold")).isEmpty();
    createThings(scope, "lamp-1");
    assertThat(groupsOf(scope, "lamp-1")).isEmpty();
  }

  /** A fleet-index batch the size of a large fleet is recorded in one call. */
  @Test
  void changeMembers_ofALargeBatch_recordsEveryThing() {
    Scope scope = newScope();
    createDynamic(scope, "all");
    List<String> names =
        IntStream.range(0, 450).mapToObj(i -> String.format(Locale.ROOT, "lamp-%03d", i)).toList();
    insertThings(scope, names);

    DynamicMembershipChange change = dynamicGroups().changeMembers(scope, "all", names, List.of());
    DynamicMembershipChange removal =
        dynamicGroups().changeMembers(scope, "all", List.of(), names.subList(0, 300));

    assertThat(change.added()).containsExactlyElementsOf(names);
    assertThat(removal.removed()).containsExactlyElementsOf(names.subList(0, 300));
    List<String> members = new ArrayList<>();
    PageRequest page = PageRequest.first(100);
    while (true) {
      Page<String> next = dynamicGroups().listMembers(scope, "all", page);
      members.addAll(next.items());
      if (next.next().isEmpty()) {
        break;
      }
      page = PageRequest.after(next.next().get(), 100);
    }
    assertThat(members).containsExactlyElementsOf(names.subList(300, 450));
  }

  /** AWS: dynamic thing groups cannot have policies applied to them. */
  @Test
  void attachPolicy_toADynamicGroup_isRefused() {
    Scope scope = newScope();
    Registry registry = registry();
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    Security security =
        Security.create(
            store().securityPorts(),
            MasterKey.fromBase64(Base64.getEncoder().encodeToString(key)),
            clock(),
            IdSource.secure(),
            new SecureRandom(),
            registry);
    createDynamic(scope, "warm");
    groups().create(scope, new NewThingGroup("lights", null, null, null, null));
    security
        .policies()
        .create(
            scope,
            "allow-all",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"iot:*\",\"Resource\":\"*\"}]}",
            List.of());
    String warm = Arn.of(scope, ResourceType.THING_GROUP, "warm").toString();
    String lights = Arn.of(scope, ResourceType.THING_GROUP, "lights").toString();

    assertThatThrownBy(() -> security.policies().attach(scope, "allow-all", warm))
        .isInstanceOfSatisfying(
            ServiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
        .hasMessageContaining("warm");
    security.policies().attach(scope, "allow-all", lights);
  }
}
