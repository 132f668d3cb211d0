package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.DynamicGroupDefinition;
import dev.lamplighter.registry.DynamicGroupStatus;
import dev.lamplighter.registry.ThingGroup;
import dev.lamplighter.registry.ThingGroupQuery;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link dev.lamplighter.registry.spi.ThingGroupRepository} for dynamic groups:
 * rows of the same table as static groups, with their query and status.
 */
abstract class DynamicThingGroupRepositoryContract extends ContractSupport {

  private void insert(Scope scope, ThingGroup... groups) {
    tx(
        () -> {
          for (ThingGroup group : groups) {
            thingGroups().insert(scope, group);
          }
        });
  }

  private List<String> listDynamic(Scope scope, String after, int limit) {
    return thingGroups().listDynamic(scope, after, limit).stream().map(ThingGroup::name).toList();
  }

  private List<String> list(Scope scope, ThingGroupQuery query) {
    return thingGroups().list(scope, query, null, 1000).stream().map(ThingGroup::name).toList();
  }

  /** The group at its next version, with another query and status. */
  private static ThingGroup requeried(ThingGroup group, String queryString) {
    return new ThingGroup(
        group.name(),
        group.groupId(),
        group.ancestors(),
        "now requeried",
        Map.of("zone", "north"),
        group.version() + 1,
        group.createdAt(),
        new DynamicGroupDefinition(
            "AWS_Things", queryString, "2017-09-30", DynamicGroupStatus.REBUILDING));
  }

  @Test
  void insert_thenFind_returnsTheDefinition() {
    Scope scope = newScope();
    ThingGroup group = dynamicGroup("warm", "attributes.temperature>75");

    insert(scope, group);

    ThingGroup found = thingGroups().find(scope, "warm").orElseThrow();
    assertThat(found).isEqualTo(group);
    assertThat(found.dynamic().queryString()).isEqualTo("attributes.temperature>75");
    assertThat(found.dynamic().status()).isEqualTo(DynamicGroupStatus.BUILDING);
    assertThat(found.parentName()).isNull();
    assertThat(found.rootName()).isEqualTo("warm");
  }

  @Test
  void insert_ofADynamicGroupUnderAStaticGroupsName_isRefused() {
    Scope scope = newScope();
    ThingGroup existing = group("lights", List.of());
    insert(scope, existing);

    assertThatThrownBy(() -> insert(scope, dynamicGroup("lights", "thingName:lamp*")))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_ALREADY_EXISTS));
    assertThat(thingGroups().find(scope, "lights")).contains(existing);
  }

  @Test
  void update_replacesTheQueryAndStatus_atTheExpectedVersion() {
    Scope scope = newScope();
    ThingGroup group = dynamicGroup("warm", "attributes.temperature>75");
    insert(scope, group);
    ThingGroup updated = requeried(group, "attributes.temperature>80");

    assertThat(tx(() -> thingGroups().update(scope, updated, 1))).isTrue();
    assertThat(tx(() -> thingGroups().update(scope, requeried(updated, "x:y"), 1))).isFalse();

    assertThat(thingGroups().find(scope, "warm")).contains(updated);
  }

  /** The kind of a group is fixed: an update never turns a static group dynamic, or back. */
  @Test
  void update_thatWouldChangeTheKindOfAGroup_writesNothing() {
    Scope scope = newScope();
    ThingGroup staticGroup = group("lights", List.of());
    ThingGroup dynamic = dynamicGroup("warm", "attributes.temperature>75");
    insert(scope, staticGroup, dynamic);
    ThingGroup staticMadeDynamic =
        new ThingGroup(
            "lights",
            staticGroup.groupId(),
            List.of(),
            null,
            Map.of(),
            2,
            staticGroup.createdAt(),
            dynamic.dynamic());
    ThingGroup dynamicMadeStatic =
        new ThingGroup(
            "warm", dynamic.groupId(), List.of(), null, Map.of(), 2, dynamic.createdAt());

    assertThat(tx(() -> thingGroups().update(scope, staticMadeDynamic, 1))).isFalse();
    assertThat(tx(() -> thingGroups().update(scope, dynamicMadeStatic, 1))).isFalse();

    assertThat(thingGroups().find(scope, "lights")).contains(staticGroup);
    assertThat(thingGroups().find(scope, "warm")).contains(dynamic);
  }

  @Test
  void listThingGroups_listsDynamicGroupsAsRoots_besideStaticOnes() {
    Scope scope = newScope();
    ThingGroup site = group("site", List.of());
    insert(
        scope,
        site,
        childOf(site, "site-room"),
        dynamicGroup("site-warm", "attributes.temperature>75"),
        dynamicGroup("cold", "attributes.temperature<5"));

    assertThat(list(scope, ThingGroupQuery.all()))
        .containsExactly("cold", "site", "site-room", "site-warm");
    assertThat(list(scope, new ThingGroupQuery(null, "site-", true)))
        .containsExactly("site-room", "site-warm");
    assertThat(list(scope, new ThingGroupQuery(null, null, false)))
        .containsExactly("cold", "site", "site-warm");
    assertThat(list(scope, new ThingGroupQuery(null, "site-", false))).containsExactly("site-warm");
    assertThat(list(scope, new ThingGroupQuery("site", null, false))).containsExactly("site-room");
    assertThat(list(scope, new ThingGroupQuery("site", null, true))).containsExactly("site-room");
    assertThat(thingGroups().countChildren(scope, "site")).isEqualTo(1);
  }

  @Test
  void countDynamic_andListDynamic_coverOnlyTheScopesDynamicGroups_pageByPage() {
    Scope scope = newScope();
    Scope otherRegion = Scope.of(scope.account().value(), "us-east-1");
    List<String> names =
        IntStream.range(0, 7).mapToObj(i -> String.format(Locale.ROOT, "dyn-%02d", 6 - i)).toList();
    names.forEach(name -> insert(scope, dynamicGroup(name, "thingName:" + name)));
    insert(scope, group("a-static", List.of()), group("z-static", List.of()));
    insert(otherRegion, dynamicGroup("dyn-99", "thingName:x"));

    assertThat(thingGroups().countDynamic(scope)).isEqualTo(7);
    assertThat(thingGroups().countDynamic(otherRegion)).isEqualTo(1);
    assertThat(thingGroups().countDynamic(newScope())).isZero();
    assertThat(pages(after -> listDynamic(scope, after, 3), 3))
        .containsExactly(
            List.of("dyn-00", "dyn-01", "dyn-02"),
            List.of("dyn-03", "dyn-04", "dyn-05"),
            List.of("dyn-06"));
    assertThat(thingGroups().listDynamic(otherRegion, null, 10))
        .singleElement()
        .satisfies(group -> assertThat(group.dynamic().queryString()).isEqualTo("thingName:x"));
  }

  @Test
  void delete_removesADynamicGroupWithoutMembers() {
    Scope scope = newScope();
    insert(scope, dynamicGroup("warm", "attributes.temperature>75"));

    assertThat(tx(() -> thingGroups().delete(scope, "warm", 1))).isTrue();

    assertThat(thingGroups().find(scope, "warm")).isEmpty();
    assertThat(thingGroups().countDynamic(scope)).isZero();
  }
}
