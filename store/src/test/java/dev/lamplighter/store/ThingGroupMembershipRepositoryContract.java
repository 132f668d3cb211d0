package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.ThingGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.lamplighter.registry.spi.ThingGroupMembershipRepository}. */
abstract class ThingGroupMembershipRepositoryContract extends ContractSupport {

  private void insertGroups(Scope scope, ThingGroup... groups) {
    tx(
        () -> {
          for (ThingGroup group : groups) {
            thingGroups().insert(scope, group);
          }
        });
  }

  private void add(Scope scope, ThingGroup group, String... thingNames) {
    tx(
        () -> {
          for (String thingName : thingNames) {
            memberships().add(scope, group, thingName);
          }
        });
  }

  private List<String> members(Scope scope, String group, boolean recursive) {
    return memberships().things(scope, group, recursive, null, 1000);
  }

  private List<List<String>> memberPages(Scope scope, String group, boolean recursive, int size) {
    return pages(after -> memberships().things(scope, group, recursive, after, size), size);
  }

  /** {@code site} > {@code floor-1} > {@code room-1}, and {@code floor-1} > {@code room-2}. */
  private record Site(ThingGroup site, ThingGroup floor, ThingGroup room1, ThingGroup room2) {}

  private Site insertSite(Scope scope) {
    ThingGroup site = group("site", List.of());
    ThingGroup floor = childOf(site, "floor-1");
    Site groups = new Site(site, floor, childOf(floor, "room-1"), childOf(floor, "room-2"));
    insertGroups(scope, groups.site(), groups.floor(), groups.room1(), groups.room2());
    return groups;
  }

  @Test
  void add_makesTheThingAMemberOfTheGroup_andOfEveryAncestor() {
    Scope scope = newScope();
    Site g = insertSite(scope);
    insertThings(scope, List.of("lamp-1"));

    add(scope, g.room1(), "lamp-1");

    assertThat(members(scope, "room-1", false)).containsExactly("lamp-1");
    assertThat(members(scope, "room-1", true)).containsExactly("lamp-1");
    assertThat(members(scope, "floor-1", false)).isEmpty();
    assertThat(members(scope, "floor-1", true)).containsExactly("lamp-1");
    assertThat(members(scope, "site", true)).containsExactly("lamp-1");
    assertThat(members(scope, "room-2", true)).isEmpty();
    assertThat(memberships().groupsOf(scope, "lamp-1")).containsExactly("room-1");
  }

  @Test
  void add_ofAnExistingMembership_writesNothing() {
    Scope scope = newScope();
    Site g = insertSite(scope);
    insertThings(scope, List.of("lamp-1"));
    add(scope, g.room1(), "lamp-1");

    add(scope, g.room1(), "lamp-1");

    assertThat(members(scope, "room-1", false)).containsExactly("lamp-1");
    assertThat(members(scope, "site", true)).containsExactly("lamp-1");
    assertThat(tx(() -> memberships().remove(scope, g.room1(), "lamp-1"))).isTrue();
    assertThat(members(scope, "room-1", false)).isEmpty();
    assertThat(members(scope, "site", true)).isEmpty();
  }

  /**
   * The registry keeps a thing in at most one group of a hierarchy; the store refuses a second one
   * rather than break its closure rows, and writes nothing, so a caller that catches the failure
   * still commits a consistent transaction.
   */
  @Test
  void add_toASecondGroupOfTheSameHierarchy_isRefused_andWritesNothing() {
    Scope scope = newScope();
    Site g = insertSite(scope);
    insertThings(scope, List.of("lamp-1"));
    add(scope, g.room1(), "lamp-1");

    tx(
        () ->
            assertThatThrownBy(() -> memberships().add(scope, g.room2(), "lamp-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lamp-1"));

    assertThat(memberships().groupsOf(scope, "lamp-1")).containsExactly("room-1");
    assertThat(members(scope, "room-2", true)).isEmpty();
    assertThat(members(scope, "floor-1", true)).containsExactly("lamp-1");
  }

  @Test
  void add_toGroupsOfDifferentHierarchies_keepsEveryMembership() {
    Scope scope = newScope();
    Site g = insertSite(scope);
    ThingGroup lights = group("lights", List.of());
    ThingGroup street = childOf(lights, "street");
    insertGroups(scope, lights, street);
    insertThings(scope, List.of("lamp-1"));

    add(scope, g.room2(), "lamp-1");
    add(scope, street, "lamp-1");

    assertThat(memberships().groupsOf(scope, "lamp-1")).containsExactly("room-2", "street");
    assertThat(members(scope, "lights", true)).containsExactly("lamp-1");
    assertThat(members(scope, "site", true)).containsExactly("lamp-1");
  }

  @Test
  void things_direct_listsOnlyDirectMembers_pageByPage() {
    Scope scope = newScope();
    Site g = insertSite(scope);
    insertThings(scope, List.of("e", "d", "c", "b", "a", "x"));
    add(scope, g.floor(), "e", "c", "a", "d", "b");
    add(scope, g.room1(), "x");

    assertThat(memberPages(scope, "floor-1", false, 2))
        .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
    assertThat(memberships().things(scope, "floor-1", false, "b", 2)).containsExactly("c", "d");
    assertThat(memberships().things(scope, "floor-1", false, "bb", 10))
        .containsExactly("c", "d", "e");
  }

  @Test
  void things_recursive_fromEachLevelOfASevenLevelHierarchy_listsExactlyItsSubtree() {
    Scope scope = newScope();
    // A spine l1 > l2 > ... > l7, and beside each l(k) for k >= 2 a leaf s(k) under l(k-1).
    List<ThingGroup> spine = new ArrayList<>();
    List<ThingGroup> all = new ArrayList<>();
    spine.add(group("l1", List.of()));
    all.add(spine.get(0));
    for (int k = 2; k <= ThingGroup.MAX_DEPTH; k++) {
      ThingGroup parent = spine.get(k - 2);
      spine.add(childOf(parent, "l" + k));
      all.add(spine.get(k - 1));
      all.add(childOf(parent, "s" + k));
    }
    insertGroups(scope, all.toArray(ThingGroup[]::new));
    // Three things per group, their names interleaved across groups and levels.
    List<String> thingNames =
        IntStream.range(0, all.size() * 3)
            .mapToObj(i -> String.format(Locale.ROOT, "thing-%03d", i))
            .toList();
    insertThings(scope, thingNames);
    tx(
        () -> {
          for (int i = 0; i < thingNames.size(); i++) {
            memberships().add(scope, all.get(i % all.size()), thingNames.get(i));
          }
        });
    // Another hierarchy holding some of the same things and others.
    ThingGroup other = group("other", List.of());
    insertGroups(scope, other);
    insertThings(scope, List.of("thing-500", "a-thing"));
    add(scope, other, "thing-000", "thing-001", "thing-500", "a-thing");

    for (ThingGroup level : all) {
      TreeSet<String> expected = new TreeSet<>();
      for (int i = 0; i < thingNames.size(); i++) {
        ThingGroup direct = all.get(i % all.size());
        if (direct.selfAndAncestors().contains(level.name())) {
          expected.add(thingNames.get(i));
        }
      }
      List<List<String>> pages = memberPages(scope, level.name(), true, 4);

      assertThat(flatten(pages)).as("below %s", level.name()).containsExactlyElementsOf(expected);
      assertThat(pages).as("pages below %s", level.name()).hasSize((expected.size() + 3) / 4);
    }
    assertThat(members(scope, "l1", true)).hasSize(thingNames.size());
    assertThat(members(scope, "l7", true)).hasSize(3);
    assertThat(members(scope, "other", true))
        .containsExactly("a-thing", "thing-000", "thing-001", "thing-500");
  }

  @Test
  void things_ofUnknownGroup_isEmpty() {
    Scope scope = newScope();

    assertThat(members(scope, "ghost", false)).isEmpty();
    assertThat(members(scope, "ghost", true)).isEmpty();
  }

  @Test
  void groupsOf_listsTheDirectGroups_inNameOrder() {
    Scope scope = newScope();
    ThingGroup b = group("b-root", List.of());
    ThingGroup a = group("a-root", List.of());
    ThingGroup c = childOf(b, "C-child");
    insertGroups(scope, b, a, c);
    insertThings(scope, List.of("lamp-1", "lamp-2"));
    add(scope, c, "lamp-1");
    add(scope, a, "lamp-1");

    assertThat(memberships().groupsOf(scope, "lamp-1")).containsExactly("C-child", "a-root");
    assertThat(memberships().groupsOf(scope, "lamp-2")).isEmpty();
  }

  @Test
  void remove_endsTheDirectMembership_andWhatItGaveInAncestors() {
    Scope scope = newScope();
    Site g = insertSite(scope);
    insertThings(scope, List.of("lamp-1", "lamp-2"));
    add(scope, g.room1(), "lamp-1");
    add(scope, g.room2(), "lamp-2");

    assertThat(tx(() -> memberships().remove(scope, g.room1(), "lamp-1"))).isTrue();

    assertThat(memberships().groupsOf(scope, "lamp-1")).isEmpty();
    assertThat(members(scope, "room-1", true)).isEmpty();
    assertThat(members(scope, "floor-1", true)).containsExactly("lamp-2");
    assertThat(members(scope, "site", true)).containsExactly("lamp-2");
  }

  @Test
  void remove_ofANonMember_returnsFalse_andKeepsItsMembershipBelow() {
    Scope scope = newScope();
    Site g = insertSite(scope);
    insertThings(scope, List.of("lamp-1"));
    add(scope, g.room1(), "lamp-1");

    assertThat(tx(() -> memberships().remove(scope, g.floor(), "lamp-1"))).isFalse();
    assertThat(tx(() -> memberships().remove(scope, g.room2(), "lamp-1"))).isFalse();
    assertThat(tx(() -> memberships().remove(scope, g.room1(), "ghost"))).isFalse();

    assertThat(members(scope, "floor-1", true)).containsExactly("lamp-1");
    assertThat(members(scope, "site", true)).containsExactly("lamp-1");
    assertThat(memberships().groupsOf(scope, "lamp-1")).containsExactly("room-1");
  }

  @Test
  void removeThing_endsEveryMembership_soTheThingCanBeDeleted() {
    Scope scope = newScope();
    Site g = insertSite(scope);
    ThingGroup lights = group("lights", List.of());
    insertGroups(scope, lights);
    insertThings(scope, List.of("lamp-1", "lamp-2"));
    add(scope, g.room1(), "lamp-1", "lamp-2");
    add(scope, lights, "lamp-1");

    boolean deleted =
        tx(
            () -> {
              memberships().removeThing(scope, "lamp-1");
              return things().delete(scope, "lamp-1", 1);
            });

    assertThat(deleted).isTrue();
    assertThat(memberships().groupsOf(scope, "lamp-1")).isEmpty();
    assertThat(members(scope, "site", true)).containsExactly("lamp-2");
    assertThat(members(scope, "room-1", false)).containsExactly("lamp-2");
    assertThat(members(scope, "lights", true)).isEmpty();
    insertThings(scope, List.of("lamp-1"));
    assertThat(memberships().groupsOf(scope, "lamp-1")).isEmpty();
    assertThat(members(scope, "site", true)).containsExactly("lamp-2");
  }

  @Test
  void removeThing_ofAThingInNoGroup_changesNothing() {
    Scope scope = newScope();
    Site g = insertSite(scope);
    insertThings(scope, List.of("lamp-1", "lamp-2"));
    add(scope, g.room1(), "lamp-2");

    tx(() -> memberships().removeThing(scope, "lamp-1"));

    assertThat(members(scope, "site", true)).containsExactly("lamp-2");
  }

  /**
   * The store's own guard: a thing re-created under the same name must not inherit its
   * predecessor's groups, so the registry ends the memberships (removeThing) before it deletes.
   */
  @Test
  void deletingAThing_thatIsStillAMember_isRefused() {
    Scope scope = newScope();
    Site g = insertSite(scope);
    insertThings(scope, List.of("lamp-1"));
    add(scope, g.room1(), "lamp-1");

    assertThatThrownBy(() -> tx(() -> things().delete(scope, "lamp-1", 1)))
        .isInstanceOf(StoreException.class);
    assertThat(things().find(scope, "lamp-1")).isPresent();
    assertThat(members(scope, "site", true)).containsExactly("lamp-1");
  }

  @Test
  void removeGroup_endsItsDirectMemberships_andWhatTheyGaveInAncestors_only() {
    Scope scope = newScope();
    Site g = insertSite(scope);
    ThingGroup lights = group("lights", List.of());
    insertGroups(scope, lights);
    List<String> inRoom1 =
        IntStream.range(0, 300).mapToObj(i -> String.format(Locale.ROOT, "r1-%03d", i)).toList();
    insertThings(scope, inRoom1);
    insertThings(scope, List.of("r2-a", "floor-a"));
    tx(
        () -> {
          inRoom1.forEach(name -> memberships().add(scope, g.room1(), name));
          memberships().add(scope, g.room2(), "r2-a");
          memberships().add(scope, g.floor(), "floor-a");
          memberships().add(scope, lights, "r1-007");
        });

    boolean deleted =
        tx(
            () -> {
              memberships().removeGroup(scope, g.room1());
              return thingGroups().delete(scope, "room-1", 1);
            });

    assertThat(deleted).isTrue();
    assertThat(members(scope, "room-1", false)).isEmpty();
    assertThat(members(scope, "room-1", true)).isEmpty();
    assertThat(members(scope, "floor-1", true)).containsExactly("floor-a", "r2-a");
    assertThat(members(scope, "site", true)).containsExactly("floor-a", "r2-a");
    assertThat(memberships().groupsOf(scope, "r1-007")).containsExactly("lights");
    assertThat(members(scope, "lights", true)).containsExactly("r1-007");
    assertThat(tx(() -> things().delete(scope, "r1-000", 1))).isTrue();
  }

  /** The store's own guard: the registry ends a group's memberships before it deletes it. */
  @Test
  void deletingAGroup_thatStillHasMembers_isRefused() {
    Scope scope = newScope();
    Site g = insertSite(scope);
    insertThings(scope, List.of("lamp-1"));
    add(scope, g.room1(), "lamp-1");

    assertThatThrownBy(() -> tx(() -> thingGroups().delete(scope, "room-1", 1)))
        .isInstanceOf(StoreException.class);
    assertThat(thingGroups().find(scope, "room-1")).isPresent();
    assertThat(members(scope, "site", true)).containsExactly("lamp-1");
  }

  @Test
  void scopes_keepMembershipsApart() {
    Scope mine = newScope();
    Scope otherAccount = newScope();
    Scope otherRegion = Scope.of(mine.account().value(), "us-east-1");
    Site g = insertSite(mine);
    insertSite(otherRegion);
    insertThings(mine, List.of("lamp-1"));
    insertThings(otherRegion, List.of("lamp-1", "lamp-2"));
    add(mine, g.room1(), "lamp-1");
    add(otherRegion, g.room2(), "lamp-1", "lamp-2");

    assertThat(members(mine, "site", true)).containsExactly("lamp-1");
    assertThat(members(otherRegion, "site", true)).containsExactly("lamp-1", "lamp-2");
    assertThat(members(otherAccount, "site", true)).isEmpty();
    assertThat(memberships().groupsOf(mine, "lamp-1")).containsExactly("room-1");
    assertThat(memberships().groupsOf(otherRegion, "lamp-1")).containsExactly("room-2");
    assertThat(memberships().groupsOf(otherAccount, "lamp-1")).isEmpty();

    tx(() -> memberships().removeThing(otherRegion, "lamp-1"));
    tx(() -> memberships().removeGroup(otherAccount, g.room1()));

    assertThat(members(mine, "site", true)).containsExactly("lamp-1");
    assertThat(members(otherRegion, "site", true)).containsExactly("lamp-2");
    assertThat(memberships().groupsOf(mine, "lamp-1")).containsExactly("room-1");
  }
}
