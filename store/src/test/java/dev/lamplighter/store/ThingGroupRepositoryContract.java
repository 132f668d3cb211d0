package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.ThingGroup;
import dev.lamplighter.registry.ThingGroupQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.lamplighter.registry.spi.ThingGroupRepository}. */
abstract class ThingGroupRepositoryContract extends ContractSupport {

  private void insert(Scope scope, ThingGroup... groups) {
    tx(
        () -> {
          for (ThingGroup group : groups) {
            thingGroups().insert(scope, group);
          }
        });
  }

  private List<String> list(Scope scope, ThingGroupQuery query, String after, int limit) {
    return thingGroups().list(scope, query, after, limit).stream().map(ThingGroup::name).toList();
  }

  private List<List<String>> listPages(Scope scope, ThingGroupQuery query, int size) {
    return pages(after -> list(scope, query, after, size), size);
  }

  private static ThingGroupQuery all(String prefix) {
    return new ThingGroupQuery(null, prefix, true);
  }

  private static ThingGroupQuery roots(String prefix) {
    return new ThingGroupQuery(null, prefix, false);
  }

  private static ThingGroupQuery children(String parent, String prefix) {
    return new ThingGroupQuery(parent, prefix, false);
  }

  private static ThingGroupQuery descendants(String parent, String prefix) {
    return new ThingGroupQuery(parent, prefix, true);
  }

  /**
   * Two hierarchies: {@code site} with children {@code site-a} (whose children are {@code room-1},
   * {@code room-2}, and below {@code room-2} {@code desk-1}) and {@code site-b} (child {@code
   * room-3}); and {@code sites} with child {@code room-9}. {@code sites} shares the prefix of
   * {@code site}'s path, so it proves a descendant range ends where the hierarchy does.
   */
  private void insertSites(Scope scope) {
    ThingGroup site = group("site", List.of());
    ThingGroup siteA = childOf(site, "site-a");
    ThingGroup siteB = childOf(site, "site-b");
    ThingGroup room2 = childOf(siteA, "room-2");
    ThingGroup sites = group("sites", List.of());
    insert(
        scope,
        site,
        siteA,
        siteB,
        childOf(siteA, "room-1"),
        room2,
        childOf(room2, "desk-1"),
        childOf(siteB, "room-3"),
        sites,
        childOf(sites, "room-9"));
  }

  @Test
  void insert_thenFind_returnsTheSameGroup() {
    Scope scope = newScope();
    ThingGroup root = group("building", List.of());
    ThingGroup floor = childOf(root, "floor-1");
    ThingGroup room =
        new ThingGroup(
            "room-101",
            "7d1f3c5e-2a4b-4c6d-8e9f-0a1b2c3d4e5f",
            List.of("building", "floor-1"),
            "Meeting room",
            Map.of("seats", "12", "beamer", "yes"),
            3,
            Instant.parse("2026-01-01T10:15:30.123456789Z"));

    insert(scope, root, floor, room);

    assertThat(thingGroups().find(scope, "room-101")).contains(room);
    assertThat(thingGroups().find(scope, "building")).contains(root);
    assertThat(thingGroups().find(scope, "room-101").orElseThrow().parentName())
        .isEqualTo("floor-1");
  }

  @Test
  void find_ofUnknownName_isEmpty() {
    assertThat(thingGroups().find(newScope(), "nothing-here")).isEmpty();
  }

  @Test
  void insert_withTakenName_failsWithResourceAlreadyExists_andKeepsTheFirst() {
    Scope scope = newScope();
    ThingGroup first = group("north", List.of());
    insert(scope, first, group("other-root", List.of()));

    assertThatThrownBy(() -> insert(scope, childOf(group("other-root", List.of()), "north")))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_ALREADY_EXISTS))
        .hasMessageContaining("north");
    assertThat(thingGroups().find(scope, "north")).contains(first);
    assertThat(thingGroups().countChildren(scope, "other-root")).isZero();
  }

  /** The store's own guard: the registry creates a parent before its children. */
  @Test
  void insert_belowAMissingParent_isRefused() {
    Scope scope = newScope();

    assertThatThrownBy(() -> insert(scope, group("orphan", List.of("ghost"))))
        .isInstanceOf(StoreException.class);
    assertThat(thingGroups().find(scope, "orphan")).isEmpty();
  }

  /** Update replaces description, attributes and version; the rest of the stored group stays. */
  @Test
  void update_withCurrentVersion_replacesDescriptionAttributesAndVersion_only() {
    Scope scope = newScope();
    ThingGroup root = group("root", List.of());
    ThingGroup v1 = childOf(root, "child");
    insert(scope, root, v1, group("elsewhere", List.of()));
    clock().advance(Duration.ofMinutes(1));
    ThingGroup v2 =
        new ThingGroup(
            "child",
            "another-id",
            List.of("elsewhere"),
            "now described",
            Map.of("colour", "red"),
            2,
            clock().instant());

    boolean updated = tx(() -> thingGroups().update(scope, v2, 1));

    assertThat(updated).isTrue();
    assertThat(thingGroups().find(scope, "child"))
        .contains(
            new ThingGroup(
                "child",
                v1.groupId(),
                List.of("root"),
                "now described",
                Map.of("colour", "red"),
                2,
                v1.createdAt()));
    assertThat(list(scope, children("root", null), null, 10)).containsExactly("child");
    assertThat(list(scope, descendants("elsewhere", null), null, 10)).isEmpty();
  }

  @Test
  void update_withStaleVersion_writesNothing() {
    Scope scope = newScope();
    ThingGroup v1 = group("root", List.of());
    insert(scope, v1);
    ThingGroup v2 =
        new ThingGroup("root", v1.groupId(), List.of(), "v2", Map.of(), 2, v1.createdAt());
    tx(() -> thingGroups().update(scope, v2, 1));
    ThingGroup lost =
        new ThingGroup("root", v1.groupId(), List.of(), "lost", Map.of(), 2, v1.createdAt());

    assertThat(tx(() -> thingGroups().update(scope, lost, 1))).isFalse();
    assertThat(thingGroups().find(scope, "root")).contains(v2);
  }

  @Test
  void update_ofMissingGroup_returnsFalse() {
    Scope scope = newScope();

    assertThat(tx(() -> thingGroups().update(scope, group("ghost", List.of()), 1))).isFalse();
    assertThat(thingGroups().find(scope, "ghost")).isEmpty();
  }

  @Test
  void delete_withCurrentVersion_removesTheGroup_andFreesItsName() {
    Scope scope = newScope();
    ThingGroup root = group("root", List.of());
    insert(scope, root, childOf(root, "child"));

    assertThat(tx(() -> thingGroups().delete(scope, "child", 1))).isTrue();

    assertThat(thingGroups().find(scope, "child")).isEmpty();
    assertThat(thingGroups().countChildren(scope, "root")).isZero();
    assertThat(list(scope, descendants("root", null), null, 10)).isEmpty();
    ThingGroup reborn = group("child", List.of());
    insert(scope, reborn);
    assertThat(thingGroups().find(scope, "child")).contains(reborn);
  }

  @Test
  void delete_withStaleVersion_keepsTheGroup() {
    Scope scope = newScope();
    ThingGroup root = group("root", List.of());
    insert(scope, root);

    assertThat(tx(() -> thingGroups().delete(scope, "root", 2))).isFalse();
    assertThat(thingGroups().find(scope, "root")).contains(root);
  }

  @Test
  void delete_ofMissingGroup_returnsFalse() {
    assertThat(tx(() -> thingGroups().delete(newScope(), "ghost", 1))).isFalse();
  }

  /** The store's own guard: the registry refuses to delete a group that has children. */
  @Test
  void delete_ofAGroupWithChildren_isRefused_andKeepsIt() {
    Scope scope = newScope();
    ThingGroup root = group("root", List.of());
    insert(scope, root, childOf(root, "child"));

    assertThatThrownBy(() -> tx(() -> thingGroups().delete(scope, "root", 1)))
        .isInstanceOf(StoreException.class);
    assertThat(thingGroups().find(scope, "root")).contains(root);
  }

  @Test
  void countChildren_countsDirectChildrenOnly() {
    Scope scope = newScope();
    insertSites(scope);

    assertThat(thingGroups().countChildren(scope, "site")).isEqualTo(2);
    assertThat(thingGroups().countChildren(scope, "site-a")).isEqualTo(2);
    assertThat(thingGroups().countChildren(scope, "room-2")).isEqualTo(1);
    assertThat(thingGroups().countChildren(scope, "desk-1")).isZero();
    assertThat(thingGroups().countChildren(scope, "ghost")).isZero();
  }

  @Test
  void list_withoutParent_returnsEveryGroup_inByteOrder_pageByPage() {
    Scope scope = newScope();
    insertSites(scope);
    insert(scope, group("Site", List.of()), group("_site", List.of()), group("0site", List.of()));

    assertThat(listPages(scope, ThingGroupQuery.all(), 4))
        .containsExactly(
            List.of("0site", "Site", "_site", "desk-1"),
            List.of("room-1", "room-2", "room-3", "room-9"),
            List.of("site", "site-a", "site-b", "sites"));
  }

  @Test
  void list_withoutParent_byNamePrefix_returnsMatchingNames_pageByPage() {
    Scope scope = newScope();
    insertSites(scope);

    assertThat(listPages(scope, all("site"), 2))
        .containsExactly(List.of("site", "site-a"), List.of("site-b", "sites"));
    assertThat(listPages(scope, all("room-"), 3))
        .containsExactly(List.of("room-1", "room-2", "room-3"), List.of("room-9"));
    assertThat(list(scope, all("Site"), null, 10)).isEmpty();
    assertThat(list(scope, all(""), null, 100)).hasSize(9);
  }

  @Test
  void list_roots_returnsGroupsWithoutParent_only_pageByPage() {
    Scope scope = newScope();
    insertSites(scope);
    insert(scope, group("Site", List.of()), group("_site", List.of()));

    assertThat(listPages(scope, roots(null), 2))
        .containsExactly(List.of("Site", "_site"), List.of("site", "sites"));
    assertThat(list(scope, roots("site"), null, 10)).containsExactly("site", "sites");
    assertThat(list(scope, roots("room"), null, 10)).isEmpty();
  }

  @Test
  void list_children_returnsDirectChildrenOnly_pageByPage() {
    Scope scope = newScope();
    insertSites(scope);
    ThingGroup siteA = childOf(group("site", List.of()), "site-a");
    insert(scope, childOf(siteA, "room-0"), childOf(siteA, "hall"));

    assertThat(listPages(scope, children("site-a", null), 2))
        .containsExactly(List.of("hall", "room-0"), List.of("room-1", "room-2"));
    assertThat(list(scope, children("site", null), null, 10)).containsExactly("site-a", "site-b");
    assertThat(list(scope, children("desk-1", null), null, 10)).isEmpty();
  }

  @Test
  void list_children_byNamePrefix_returnsMatchingChildren_pageByPage() {
    Scope scope = newScope();
    insertSites(scope);
    ThingGroup siteA = childOf(group("site", List.of()), "site-a");
    insert(scope, childOf(siteA, "room-0"), childOf(siteA, "hall"));

    assertThat(listPages(scope, children("site-a", "room"), 2))
        .containsExactly(List.of("room-0", "room-1"), List.of("room-2"));
    assertThat(list(scope, children("site", "room"), null, 10)).isEmpty();
  }

  @Test
  void list_recursive_returnsEveryDescendant_butNotTheParentOrOtherHierarchies() {
    Scope scope = newScope();
    insertSites(scope);

    assertThat(listPages(scope, descendants("site", null), 2))
        .containsExactly(
            List.of("desk-1", "room-1"), List.of("room-2", "room-3"), List.of("site-a", "site-b"));
    assertThat(list(scope, descendants("site-a", null), null, 10))
        .containsExactly("desk-1", "room-1", "room-2");
    assertThat(list(scope, descendants("room-2", null), null, 10)).containsExactly("desk-1");
    assertThat(list(scope, descendants("sites", null), null, 10)).containsExactly("room-9");
    assertThat(list(scope, descendants("desk-1", null), null, 10)).isEmpty();
  }

  @Test
  void list_recursive_byNamePrefix_returnsMatchingDescendants_pageByPage() {
    Scope scope = newScope();
    insertSites(scope);

    assertThat(listPages(scope, descendants("site", "room"), 2))
        .containsExactly(List.of("room-1", "room-2"), List.of("room-3"));
    assertThat(list(scope, descendants("site", "site"), null, 10))
        .containsExactly("site-a", "site-b");
    assertThat(list(scope, descendants("site", "room-9"), null, 10)).isEmpty();
  }

  @Test
  void list_recursive_pagesInNameOrder_acrossLevels() {
    Scope scope = newScope();
    ThingGroup root = group("r", List.of());
    insert(scope, root);
    // Seven levels whose names sort against their depth: the deeper, the smaller the name.
    ThingGroup g = root;
    ThingGroup sixth = root;
    for (String name : List.of("z6", "y5", "x4", "w3", "v2", "u1")) {
      sixth = g;
      g = childOf(g, name);
      insert(scope, g);
    }
    insert(scope, childOf(root, "m"), childOf(sixth, "a"));

    assertThat(g.depth()).isEqualTo(ThingGroup.MAX_DEPTH);
    assertThat(listPages(scope, descendants("r", null), 3))
        .containsExactly(List.of("a", "m", "u1"), List.of("v2", "w3", "x4"), List.of("y5", "z6"));
    assertThat(flatten(listPages(scope, descendants("x4", null), 1)))
        .containsExactly("a", "u1", "v2", "w3");
  }

  @Test
  void list_belowUnknownParent_isEmpty() {
    Scope scope = newScope();
    insertSites(scope);

    assertThat(list(scope, children("ghost", null), null, 10)).isEmpty();
    assertThat(list(scope, descendants("ghost", null), null, 10)).isEmpty();
  }

  @Test
  void scopes_keepGroupsApart() {
    Scope mine = newScope();
    Scope otherAccount = newScope();
    Scope otherRegion = Scope.of(mine.account().value(), "us-east-1");
    insertSites(mine);
    ThingGroup theirs = group("site", List.of());
    insert(otherRegion, theirs, childOf(theirs, "elsewhere"));

    assertThat(thingGroups().find(otherAccount, "site")).isEmpty();
    assertThat(list(otherAccount, ThingGroupQuery.all(), null, 10)).isEmpty();
    assertThat(list(otherRegion, descendants("site", null), null, 10)).containsExactly("elsewhere");
    assertThat(list(mine, descendants("site", null), null, 10)).doesNotContain("elsewhere");
    assertThat(thingGroups().countChildren(otherRegion, "site")).isEqualTo(1);
    assertThat(thingGroups().countChildren(mine, "site")).isEqualTo(2);
    assertThat(tx(() -> thingGroups().delete(otherAccount, "desk-1", 1))).isFalse();
    assertThat(tx(() -> thingGroups().delete(otherRegion, "elsewhere", 1))).isTrue();
    assertThat(thingGroups().find(mine, "desk-1")).isPresent();
  }
}
