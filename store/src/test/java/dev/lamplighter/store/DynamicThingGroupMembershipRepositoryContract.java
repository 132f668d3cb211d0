package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.ThingGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.lamplighter.registry.spi.DynamicThingGroupMembershipRepository}. */
abstract class DynamicThingGroupMembershipRepositoryContract extends ContractSupport {

  private void insertGroups(Scope scope, ThingGroup... groups) {
    tx(
        () -> {
          for (ThingGroup group : groups) {
            thingGroups().insert(scope, group);
          }
        });
  }

  private List<String> add(Scope scope, String group, List<String> things) {
    return tx(() -> dynamicMemberships().add(scope, group, things));
  }

  private List<String> members(Scope scope, String group) {
    return dynamicMemberships().things(scope, group, null, 10_000);
  }

  private static List<String> numbered(String prefix, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> String.format(Locale.ROOT, "%s-%04d", prefix, i))
        .toList();
  }

  @Test
  void add_makesExistingThingsMembers_skippingUnknownThingsAndMembers() {
    Scope scope = newScope();
    insertGroups(scope, dynamicGroup("warm", "attributes.temperature>75"));
    insertThings(scope, List.of("lamp-1", "lamp-2", "lamp-3"));
    add(scope, "warm", List.of("lamp-2"));

    List<String> added =
        add(scope, "warm", List.of("lamp-3", "ghost", "lamp-2", "lamp-1", "lamp-3"));

    assertThat(added).containsExactly("lamp-1", "lamp-3");
    assertThat(members(scope, "warm")).containsExactly("lamp-1", "lamp-2", "lamp-3");
    assertThat(dynamicMemberships().groupsOf(scope, "lamp-1")).containsExactly("warm");
  }

  /** The fleet index records a whole query's matches at once: batches span many chunks. */
  @Test
  void batches_largerThanAChunk_addAndRemoveEveryName() {
    Scope scope = newScope();
    insertGroups(scope, dynamicGroup("all", "thingName:*"));
    List<String> names = numbered("lamp", 250);
    insertThings(scope, names);

    assertThat(add(scope, "all", names)).containsExactlyElementsOf(names);
    assertThat(members(scope, "all")).containsExactlyElementsOf(names);
    assertThat(dynamicMemberships().membersAmong(scope, "all", numbered("lamp", 300)))
        .containsExactlyElementsOf(names);

    List<String> removing = new ArrayList<>(names.subList(0, 201));
    removing.add("ghost");
    assertThat(tx(() -> dynamicMemberships().remove(scope, "all", removing)))
        .containsExactlyElementsOf(names.subList(0, 201));
    assertThat(members(scope, "all")).containsExactlyElementsOf(names.subList(201, 250));
  }

  @Test
  void groupCounts_countStaticAndDynamicMemberships_ofTheThingsThatExist() {
    Scope scope = newScope();
    ThingGroup site = group("site", List.of());
    ThingGroup room = childOf(site, "room");
    ThingGroup lights = group("lights", List.of());
    insertGroups(
        scope, site, room, lights, dynamicGroup("warm", "a:1"), dynamicGroup("cold", "a:2"));
    insertThings(scope, List.of("lamp-1", "lamp-2", "lamp-3"));
    tx(
        () -> {
          memberships().add(scope, room, "lamp-1");
          memberships().add(scope, lights, "lamp-1");
        });
    add(scope, "warm", List.of("lamp-1", "lamp-2"));
    add(scope, "cold", List.of("lamp-1"));

    assertThat(
            dynamicMemberships()
                .groupCounts(scope, List.of("lamp-1", "lamp-2", "lamp-3", "ghost", "lamp-1")))
        .isEqualTo(Map.of("lamp-1", 4, "lamp-2", 1, "lamp-3", 0));
  }

  @Test
  void membersAmong_answersOnlyForTheGroup() {
    Scope scope = newScope();
    insertGroups(scope, dynamicGroup("warm", "a:1"), dynamicGroup("cold", "a:2"));
    insertThings(scope, List.of("lamp-1", "lamp-2", "lamp-3"));
    add(scope, "warm", List.of("lamp-1", "lamp-3"));
    add(scope, "cold", List.of("lamp-2"));

    assertThat(
            dynamicMemberships()
                .membersAmong(scope, "warm", List.of("lamp-3", "lamp-2", "lamp-1", "ghost")))
        .containsExactly("lamp-1", "lamp-3");
    assertThat(dynamicMemberships().membersAmong(scope, "warm", List.of())).isEmpty();
  }

  @Test
  void things_listMembersPageByPage_inNameOrder() {
    Scope scope = newScope();
    insertGroups(scope, dynamicGroup("warm", "a:1"));
    insertThings(scope, List.of("e", "d", "c", "b", "a"));
    add(scope, "warm", List.of("e", "c", "a", "d", "b"));

    assertThat(pages(after -> dynamicMemberships().things(scope, "warm", after, 2), 2))
        .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
    assertThat(dynamicMemberships().things(scope, "warm", "bb", 10)).containsExactly("c", "d", "e");
    assertThat(dynamicMemberships().things(scope, "ghost", null, 10)).isEmpty();
  }

  @Test
  void groupsOf_listsTheThingsDynamicGroups_inNameOrder() {
    Scope scope = newScope();
    insertGroups(scope, dynamicGroup("warm", "a:1"), dynamicGroup("Cold", "a:2"));
    insertThings(scope, List.of("lamp-1", "lamp-2"));
    add(scope, "warm", List.of("lamp-1"));
    add(scope, "Cold", List.of("lamp-1"));

    assertThat(dynamicMemberships().groupsOf(scope, "lamp-1")).containsExactly("Cold", "warm");
    assertThat(dynamicMemberships().groupsOf(scope, "lamp-2")).isEmpty();
  }

  @Test
  void removeThing_endsItsDynamicMemberships_soTheThingCanBeDeleted() {
    Scope scope = newScope();
    insertGroups(scope, dynamicGroup("warm", "a:1"), dynamicGroup("cold", "a:2"));
    insertThings(scope, List.of("lamp-1", "lamp-2"));
    add(scope, "warm", List.of("lamp-1", "lamp-2"));
    add(scope, "cold", List.of("lamp-1"));

    boolean deleted =
        tx(
            () -> {
              dynamicMemberships().removeThing(scope, "lamp-1");
              return things().delete(scope, "lamp-1", 1);
            });

    assertThat(deleted).isTrue();
    assertThat(members(scope, "warm")).containsExactly("lamp-2");
    assertThat(members(scope, "cold")).isEmpty();
    insertThings(scope, List.of("lamp-1"));
    assertThat(dynamicMemberships().groupsOf(scope, "lamp-1")).isEmpty();
  }

  @Test
  void removeGroup_endsItsMemberships_soTheGroupCanBeDeleted() {
    Scope scope = newScope();
    insertGroups(scope, dynamicGroup("warm", "a:1"), dynamicGroup("cold", "a:2"));
    insertThings(scope, List.of("lamp-1", "lamp-2"));
    add(scope, "warm", List.of("lamp-1", "lamp-2"));
    add(scope, "cold", List.of("lamp-1"));

    boolean deleted =
        tx(
            () -> {
              dynamicMemberships().removeGroup(scope, "warm");
              return thingGroups().delete(scope, "warm", 1);
            });

    assertThat(deleted).isTrue();
    assertThat(dynamicMemberships().groupsOf(scope, "lamp-1")).containsExactly("cold");
    assertThat(dynamicMemberships().groupsOf(scope, "lamp-2")).isEmpty();
  }

  /** The store's own guards: the registry ends memberships before it deletes either side. */
  @Test
  void deletingAThingOrAGroup_thatStillHasDynamicMemberships_isRefused() {
    Scope scope = newScope();
    insertGroups(scope, dynamicGroup("warm", "a:1"));
    insertThings(scope, List.of("lamp-1"));
    add(scope, "warm", List.of("lamp-1"));

    assertThatThrownBy(() -> tx(() -> things().delete(scope, "lamp-1", 1)))
        .isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> tx(() -> thingGroups().delete(scope, "warm", 1)))
        .isInstanceOf(StoreException.class);
    assertThat(members(scope, "warm")).containsExactly("lamp-1");
  }

  @Test
  void scopes_keepDynamicMembershipsApart() {
    Scope mine = newScope();
    Scope otherRegion = Scope.of(mine.account().value(), "us-east-1");
    insertGroups(mine, dynamicGroup("warm", "a:1"));
    insertGroups(otherRegion, dynamicGroup("warm", "a:1"));
    insertThings(mine, List.of("lamp-1"));
    insertThings(otherRegion, List.of("lamp-1", "lamp-2"));
    add(mine, "warm", List.of("lamp-1", "lamp-2"));
    add(otherRegion, "warm", List.of("lamp-1", "lamp-2"));

    tx(() -> dynamicMemberships().removeThing(otherRegion, "lamp-1"));

    assertThat(members(mine, "warm")).containsExactly("lamp-1");
    assertThat(members(otherRegion, "warm")).containsExactly("lamp-2");
    assertThat(dynamicMemberships().groupCounts(mine, List.of("lamp-1", "lamp-2")))
        .isEqualTo(Map.of("lamp-1", 1));
    assertThat(members(newScope(), "warm")).isEmpty();
  }
}
