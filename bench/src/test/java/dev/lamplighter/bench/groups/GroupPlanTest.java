package dev.lamplighter.bench.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GroupPlanTest {
  private static final GroupPlan SUITE = new GroupPlan("bench", 7, 3, 100_000);

  @Test
  void suitePlan_has1093GroupsAnd729Leaves() {
    assertThat(SUITE.groupsAt(1)).isEqualTo(1);
    assertThat(SUITE.groupsAt(3)).isEqualTo(9);
    assertThat(SUITE.leafCount()).isEqualTo(729);
    assertThat(SUITE.groupCount()).isEqualTo(1093);
  }

  @Test
  void groupNames_spellTheirPathFromTheRootInBaseBranching() {
    assertThat(SUITE.root()).isEqualTo("bench-g");
    assertThat(SUITE.group(1, 0)).isEqualTo("bench-g");
    assertThat(SUITE.group(2, 2)).isEqualTo("bench-g-2");
    assertThat(SUITE.group(3, 5)).isEqualTo("bench-g-1-2");
    assertThat(SUITE.group(7, 728)).isEqualTo("bench-g-2-2-2-2-2-2");
    assertThat(SUITE.group(7, 728)).matches("[a-zA-Z0-9:_-]+");
  }

  @Test
  void parent_isTheGroupWhoseNameIsTheChildsWithoutItsLastStep() {
    assertThat(SUITE.parent(1, 0)).isNull();
    for (int level = 2; level <= SUITE.levels(); level++) {
      for (int i = 0; i < SUITE.groupsAt(level); i++) {
        String name = SUITE.group(level, i);
        assertThat(SUITE.parent(level, i)).isEqualTo(name.substring(0, name.lastIndexOf('-')));
      }
    }
  }

  @Test
  void groupNames_areUniqueEvenWithMoreThanTenChildren() {
    GroupPlan wide = new GroupPlan("w", 3, 12, 1);
    Set<String> names = new HashSet<>();
    for (int level = 1; level <= 3; level++) {
      for (int i = 0; i < wide.groupsAt(level); i++) {
        names.add(wide.group(level, i));
      }
    }
    assertThat(names).hasSize(wide.groupCount()).contains("w-g-11-10");
  }

  @Test
  void things_areNamedInIndexOrderAndGoRoundRobinOverTheLeaves() {
    assertThat(SUITE.thing(42)).isEqualTo("bench-t-000042");
    assertThat(SUITE.thing(99_999)).isEqualTo("bench-t-099999");
    assertThat(SUITE.thing(9).compareTo(SUITE.thing(10))).isNegative();
    assertThat(SUITE.leafOf(0)).isEqualTo("bench-g-0-0-0-0-0-0");
    assertThat(SUITE.leafOf(1)).isEqualTo("bench-g-0-0-0-0-0-1");
    assertThat(SUITE.leafOf(729)).isEqualTo(SUITE.leafOf(0));
    assertThat(new GroupPlan("big", 1, 1, 12_345_678).thing(7)).isEqualTo("big-t-00000007");
  }

  @Test
  void thingsUnder_countsWhatTheRoundRobinPutBelowAGroup() {
    assertThat(SUITE.thingsUnder(1, 0)).isEqualTo(100_000);
    // 100,000 = 137 rounds over 729 leaves + 127; a level-3 group holds 81 leaves.
    assertThat(SUITE.thingsUnder(3, 0)).isEqualTo(137 * 81 + 81);
    assertThat(SUITE.thingsUnder(3, 1)).isEqualTo(137 * 81 + 127 - 81);
    assertThat(SUITE.thingsUnder(3, 2)).isEqualTo(137 * 81);
    assertThat(SUITE.thingsUnder(7, 126)).isEqualTo(138);
    assertThat(SUITE.thingsUnder(7, 127)).isEqualTo(137);
  }

  @Test
  void thingsUnder_agreesWithAddingUpTheLeavesOfEveryThing() {
    GroupPlan plan = new GroupPlan("p", 4, 3, 1000);
    Map<String, Integer> counted = new HashMap<>();
    for (int i = 0; i < plan.things(); i++) {
      String group = plan.leafOf(i);
      while (true) {
        counted.merge(group, 1, Integer::sum);
        int cut = group.lastIndexOf('-');
        if (group.equals(plan.root())) {
          break;
        }
        group = group.substring(0, cut);
      }
    }
    for (int level = 1; level <= plan.levels(); level++) {
      for (int i = 0; i < plan.groupsAt(level); i++) {
        assertThat(plan.thingsUnder(level, i))
            .as("things under %s", plan.group(level, i))
            .isEqualTo(counted.getOrDefault(plan.group(level, i), 0));
      }
    }
  }

  @Test
  void plan_beyondAwsLimits_isRejectedNamingTheLimit() {
    assertThatThrownBy(() -> new GroupPlan("bench", 8, 3, 1)).hasMessageContaining("levels");
    assertThatThrownBy(() -> new GroupPlan("bench", 2, 101, 1)).hasMessageContaining("branching");
    assertThatThrownBy(() -> new GroupPlan("bench", 7, 10, 1)).hasMessageContaining("groups");
    assertThatThrownBy(() -> new GroupPlan("a b", 1, 1, 1)).hasMessageContaining("prefix");
    assertThatThrownBy(() -> new GroupPlan("bench", 1, 1, 0)).hasMessageContaining("things");
  }
}
