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
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.DynamicGroupStatus;
import dev.lamplighter.registry.DynamicThingGroupService;
import dev.lamplighter.registry.DynamicThingGroupUpdate;
import dev.lamplighter.registry.NewDynamicThingGroup;
import dev.lamplighter.registry.NewThing;
import dev.lamplighter.registry.NewThingGroup;
import dev.lamplighter.registry.Tag;
import dev.lamplighter.registry.ThingGroup;
import dev.lamplighter.registry.ThingGroupQuery;
import dev.lamplighter.registry.ThingGroupService;
import dev.lamplighter.registry.ThingGroupUpdate;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The registry's dynamic thing groups on the store: their definitions and status, the AWS rules
 * that keep them out of the static operations, and their change log entries.
 */
abstract class DynamicThingGroupServiceContract extends ContractSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DynamicThingGroupService dynamicGroups() {
    return registry().dynamicThingGroups();
  }

  private ThingGroupService groups() {
    return registry().thingGroups();
  }

  private ThingGroup createDynamic(Scope scope, String name, String query) {
    return dynamicGroups()
        .create(scope, new NewDynamicThingGroup(name, null, null, null, null, query, null));
  }

  private List<ChangeEvent> logOf(Scope scope, long after) {
    return logAfter(after).stream().filter(event -> event.scope().equals(scope)).toList();
  }

  private static void assertRefused(ThrowingCallable call, ErrorCode code, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo(code))
        .hasMessageContaining(message);
  }

  private static String arn(Scope scope, String name) {
    return Arn.of(scope, ResourceType.THING_GROUP, name).toString();
  }

  @Test
  void create_makesARootGroupInStatusBuilding_withTheDefaultIndexAndQueryVersion() {
    Scope scope = newScope();
    long head = logHead();

    ThingGroup created =
        dynamicGroups()
            .create(
                scope,
                new NewDynamicThingGroup(
                    "warm",
                    "warm lamps",
                    Map.of("zone", "north"),
                    List.of(new Tag("team", "ops")),
                    null,
                    "attributes.temperature>75",
                    null));

    assertThat(created.dynamic().indexName()).isEqualTo("AWS_Things");
    assertThat(created.dynamic().queryVersion()).isEqualTo("2017-09-30");
    assertThat(created.dynamic().status()).isEqualTo(DynamicGroupStatus.BUILDING);
    assertThat(created.ancestors()).isEmpty();
    assertThat(created.version()).isEqualTo(1);
    assertThat(groups().describe(scope, "warm")).isEqualTo(created);
    assertThat(registry().tags().list(scope, arn(scope, "warm"), PageRequest.first(10)).items())
        .containsExactly(new Tag("team", "ops"));
    List<ChangeEvent> log = logOf(scope, head);
    assertThat(log)
        .extracting(ChangeEvent::type, ChangeEvent::name, ChangeEvent::kind)
        .containsExactly(tuple(ResourceType.THING_GROUP, "warm", ChangeKind.CREATED));
    JsonNode state = readJson(log.get(0).stateJson());
    assertThat(state.at("/dynamic/queryString").asText()).isEqualTo("attributes.temperature>75");
    assertThat(state.at("/dynamic/status").asText()).isEqualTo("BUILDING");
  }

  @Test
  void create_again_returnsTheGroup_butAnotherQueryOrAStaticGroupsName_isTaken() {
    Scope scope = newScope();
    ThingGroup first = createDynamic(scope, "warm", "attributes.temperature>75");
    groups().create(scope, new NewThingGroup("lights", null, null, null, null));

    assertThat(createDynamic(scope, "warm", "attributes.temperature>75")).isEqualTo(first);
    assertRefused(
        () -> createDynamic(scope, "warm", "attributes.temperature>80"),
        ErrorCode.RESOURCE_ALREADY_EXISTS,
        "warm");
    assertRefused(
        () -> createDynamic(scope, "lights", "attributes.temperature>75"),
        ErrorCode.RESOURCE_ALREADY_EXISTS,
        "lights");
    assertRefused(
        () -> groups().create(scope, new NewThingGroup("warm", null, null, null, null)),
        ErrorCode.RESOURCE_ALREADY_EXISTS,
        "warm");
  }

  @Test
  void create_beyondTheQuotaOfDynamicGroups_isRefused_whileStaticGroupsDoNotCount() {
    Scope scope = newScope();
    groups().create(scope, new NewThingGroup("lights", null, null, null, null));
    for (int i = 0; i < DynamicThingGroupService.MAX_DYNAMIC_GROUPS; i++) {
      createDynamic(scope, "dyn-" + i, "attributes.n:" + i);
    }

    assertRefused(
        () -> createDynamic(scope, "one-more", "attributes.n:x"), ErrorCode.LIMIT_EXCEEDED, "100");
    assertThat(createDynamic(scope, "dyn-7", "attributes.n:7").name()).isEqualTo("dyn-7");
    dynamicGroups().delete(scope, "dyn-0", null);
    assertThat(createDynamic(scope, "one-more", "attributes.n:x").name()).isEqualTo("one-more");
    assertThat(createDynamic(newScope(), "dyn-0", "attributes.n:0").name()).isEqualTo("dyn-0");
  }

  @Test
  void create_withABlankQuery_isRefused() {
    Scope scope = newScope();

    assertRefused(() -> createDynamic(scope, "warm", " "), ErrorCode.INVALID_REQUEST, "query");
    assertThat(dynamicGroups().list(scope, PageRequest.first(10)).items()).isEmpty();
  }

  @Test
  void aDynamicGroup_cannotBeAParent() {
    Scope scope = newScope();
    createDynamic(scope, "warm", "attributes.temperature>75");

    assertRefused(
        () -> groups().create(scope, new NewThingGroup("warm-room", "warm", null, null, null)),
        ErrorCode.INVALID_REQUEST,
        "warm");
    assertThat(groups().list(scope, ThingGroupQuery.all(), PageRequest.first(10)).items())
        .extracting(ThingGroup::name)
        .containsExactly("warm");
  }

  /** AWS: "This operation does not support dynamic thing groups. Thing group arn: ...". */
  @Test
  void staticOperations_refuseADynamicGroup_inAwsWords() {
    Scope scope = newScope();
    createDynamic(scope, "warm", "attributes.temperature>75");
    registry().things().create(scope, newThing("lamp-1"));
    String message =
        "This operation does not support dynamic thing groups. Thing group arn: "
            + arn(scope, "warm");
    long head = logHead();

    assertRefused(
        () -> groups().addThing(scope, "warm", "lamp-1", false),
        ErrorCode.INVALID_REQUEST,
        message);
    assertRefused(
        () -> groups().addThing(scope, "warm", "lamp-1", true), ErrorCode.INVALID_REQUEST, message);
    assertRefused(
        () -> groups().removeThing(scope, "warm", "lamp-1"), ErrorCode.INVALID_REQUEST, message);
    assertRefused(
        () -> groups().updateGroupsForThing(scope, "lamp-1", List.of("warm"), List.of(), false),
        ErrorCode.INVALID_REQUEST,
        message);
    assertRefused(
        () -> groups().updateGroupsForThing(scope, "lamp-1", List.of(), List.of("warm"), false),
        ErrorCode.INVALID_REQUEST,
        message);
    assertRefused(
        () ->
            groups()
                .update(scope, new ThingGroupUpdate("warm", "new", Map.of("a", "b"), false, null)),
        ErrorCode.INVALID_REQUEST,
        message);
    assertRefused(() -> groups().delete(scope, "warm", null), ErrorCode.INVALID_REQUEST, message);

    assertThat(groups().describe(scope, "warm").version()).isEqualTo(1);
    assertThat(logOf(scope, head)).isEmpty();
  }

  @Test
  void dynamicOperations_refuseAStaticGroup() {
    Scope scope = newScope();
    groups().create(scope, new NewThingGroup("lights", null, null, null, null));
    String message =
        "This operation does not support static thing groups. Thing group arn: "
            + arn(scope, "lights");

    assertRefused(
        () ->
            dynamicGroups()
                .update(
                    scope,
                    new DynamicThingGroupUpdate(
                        "lights", "new", null, false, null, null, "a:b", null)),
        ErrorCode.INVALID_REQUEST,
        message);
    assertRefused(
        () -> dynamicGroups().delete(scope, "lights", null), ErrorCode.INVALID_REQUEST, message);
    assertRefused(
        () -> dynamicGroups().setStatus(scope, "lights", DynamicGroupStatus.ACTIVE, null),
        ErrorCode.INVALID_REQUEST,
        message);
    assertRefused(
        () -> dynamicGroups().changeMembers(scope, "lights", List.of("lamp-1"), List.of()),
        ErrorCode.INVALID_REQUEST,
        message);
    assertRefused(
        () -> dynamicGroups().listMembers(scope, "lights", PageRequest.first(10)),
        ErrorCode.INVALID_REQUEST,
        message);
    assertRefused(
        () -> dynamicGroups().changeMembers(scope, "ghost", List.of("lamp-1"), List.of()),
        ErrorCode.RESOURCE_NOT_FOUND,
        "ghost");
    assertThat(groups().describe(scope, "lights").dynamic()).isNull();
  }

  @Test
  void update_ofTheQuery_rebuilds_whileDescriptionAndAttributesAlone_keepTheStatus() {
    Scope scope = newScope();
    createDynamic(scope, "warm", "attributes.temperature>75");
    dynamicGroups().setStatus(scope, "warm", DynamicGroupStatus.ACTIVE, 1L);
    long head = logHead();

    ThingGroup described =
        dynamicGroups()
            .update(
                scope,
                new DynamicThingGroupUpdate(
                    "warm", "warm lamps", Map.of("zone", "north"), true, 1L, null, null, null));
    ThingGroup requeried =
        dynamicGroups()
            .update(
                scope,
                new DynamicThingGroupUpdate(
                    "warm", null, null, false, null, null, "attributes.temperature>80", null));

    assertThat(described.version()).isEqualTo(2);
    assertThat(described.dynamic().status()).isEqualTo(DynamicGroupStatus.ACTIVE);
    assertThat(requeried.version()).isEqualTo(3);
    assertThat(requeried.description()).isEqualTo("warm lamps");
    assertThat(requeried.attributes()).isEqualTo(Map.of("zone", "north"));
    assertThat(requeried.dynamic().queryString()).isEqualTo("attributes.temperature>80");
    assertThat(requeried.dynamic().status()).isEqualTo(DynamicGroupStatus.REBUILDING);
    assertThat(groups().describe(scope, "warm")).isEqualTo(requeried);
    assertThat(logOf(scope, head))
        .extracting(ChangeEvent::kind)
        .containsExactly(ChangeKind.UPDATED, ChangeKind.UPDATED);
    assertRefused(
        () ->
            dynamicGroups()
                .update(
                    scope,
                    new DynamicThingGroupUpdate("warm", "x", null, false, 2L, null, null, null)),
        ErrorCode.VERSION_CONFLICT,
        "warm");
  }

  /** A computation for an older version of the query must not mark the newer one ACTIVE. */
  @Test
  void setStatus_keepsTheVersion_andRefusesAStaleExpectedVersion() {
    Scope scope = newScope();
    createDynamic(scope, "warm", "attributes.temperature>75");
    dynamicGroups()
        .update(
            scope, new DynamicThingGroupUpdate("warm", null, null, false, null, null, "a:b", null));
    long head = logHead();

    assertRefused(
        () -> dynamicGroups().setStatus(scope, "warm", DynamicGroupStatus.ACTIVE, 1L),
        ErrorCode.VERSION_CONFLICT,
        "warm");
    ThingGroup active = dynamicGroups().setStatus(scope, "warm", DynamicGroupStatus.ACTIVE, 2L);
    ThingGroup again = dynamicGroups().setStatus(scope, "warm", DynamicGroupStatus.ACTIVE, null);

    assertThat(active.version()).isEqualTo(2);
    assertThat(active.dynamic().status()).isEqualTo(DynamicGroupStatus.ACTIVE);
    assertThat(again).isEqualTo(active);
    assertThat(groups().describe(scope, "warm")).isEqualTo(active);
    List<ChangeEvent> log = logOf(scope, head);
    assertThat(log).extracting(ChangeEvent::kind).containsExactly(ChangeKind.UPDATED);
    assertThat(readJson(log.get(0).stateJson()).at("/dynamic/status").asText()).isEqualTo("ACTIVE");
  }

  @Test
  void delete_endsMembershipsAndTags_withOneDeletedEntry() {
    Scope scope = newScope();
    dynamicGroups()
        .create(
            scope,
            new NewDynamicThingGroup(
                "warm", null, null, List.of(new Tag("team", "ops")), null, "a:b", null));
    registry().things().create(scope, newThing("lamp-1"));
    dynamicGroups().changeMembers(scope, "warm", List.of("lamp-1"), List.of());
    long head = logHead();

    dynamicGroups().delete(scope, "warm", 1L);
    dynamicGroups().delete(scope, "warm", null);

    assertRefused(() -> groups().describe(scope, "warm"), ErrorCode.RESOURCE_NOT_FOUND, "warm");
    assertThat(groups().listGroupsForThing(scope, "lamp-1", PageRequest.first(10)).items())
        .isEmpty();
    // Through the port: the tag service answers not found for a resource that is gone.
    assertThat(store().registryPorts().tags().find(Arn.of(scope, ResourceType.THING_GROUP, "warm")))
        .isEmpty();
    assertThat(logOf(scope, head))
        .extracting(ChangeEvent::name, ChangeEvent::kind)
        .containsExactly(tuple("warm", ChangeKind.DELETED));
  }

  @Test
  void list_listsOnlyDynamicGroups_pageByPage() {
    Scope scope = newScope();
    groups().create(scope, new NewThingGroup("b-static", null, null, null, null));
    createDynamic(scope, "c", "a:c");
    createDynamic(scope, "a", "a:a");
    createDynamic(scope, "b", "a:b");

    Page<ThingGroup> first = dynamicGroups().list(scope, PageRequest.first(2));
    Page<ThingGroup> second =
        dynamicGroups().list(scope, PageRequest.after(first.next().orElseThrow(), 2));

    assertThat(first.items()).extracting(ThingGroup::name).containsExactly("a", "b");
    assertThat(second.items()).extracting(ThingGroup::name).containsExactly("c");
    assertThat(second.next()).isEmpty();
    assertThat(groups().list(scope, ThingGroupQuery.all(), PageRequest.first(10)).items())
        .extracting(ThingGroup::name)
        .containsExactly("a", "b", "b-static", "c");
  }

  private static NewThing newThing(String name) {
    return new NewThing(name, null, null, null);
  }

  private static JsonNode readJson(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
