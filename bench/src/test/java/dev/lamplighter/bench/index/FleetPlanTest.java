package dev.lamplighter.bench.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetPlanTest {
  private final FleetPlan plan = new FleetPlan(20_000);

  @Test
  void aThingIsAlwaysTheSame() {
    assertThat(new FleetPlan(5).attributes(1234)).isEqualTo(plan.attributes(1234));
    assertThat(new FleetPlan(5).thingType(1234)).isEqualTo(plan.thingType(1234));
  }

  @Test
  void typedThingsCarryFiveAttributesAndUntypedOnlyThree() {
    for (int i = 0; i < 2_000; i++) {
      assertThat(plan.attributes(i)).hasSize(plan.typed(i) ? 5 : 3);
      assertThat(plan.attributes(i)).containsKeys("city", "firmware", "wattage");
    }
  }

  @Test
  void citiesAreSkewedTowardsTheFirst() {
    Map<String, Integer> perCity = new HashMap<>();
    for (int i = 0; i < plan.things(); i++) {
      perCity.merge(plan.attributes(i).get("city"), 1, Integer::sum);
    }
    assertThat(perCity).hasSize(FleetPlan.CITIES.size());
    double turin = perCity.get("Turin") / (double) plan.things();
    assertThat(turin).isBetween(0.25, 0.31);
    assertThat(perCity.get("Ravenna")).isLessThan(perCity.get("Milan") / 5);
  }

  @Test
  void everyTenthThingIsInADistrict() {
    assertThat(FleetPlan.staticGroup(0)).contains("district-0");
    assertThat(FleetPlan.staticGroup(10)).contains("district-1");
    assertThat(FleetPlan.staticGroup(11)).isEmpty();
    assertThat(FleetPlan.staticMember(plan.staticMembers() - 1)).isLessThan(plan.things());
    assertThat(FleetPlan.thing(12)).isEqualTo("light-0000012");
  }

  @Test
  void theDynamicGroupsAreUniqueAndEndWithTheProbeGroup() {
    var groups = DynamicGroupPlan.groups(100);
    assertThat(groups).hasSize(100);
    assertThat(groups.stream().map(DynamicGroupPlan.Group::name).distinct()).hasSize(100);
    assertThat(groups.get(99).name()).isEqualTo(DynamicGroupPlan.PROBE_GROUP);
    assertThat(groups.get(0).queryString())
        .isEqualTo("attributes.city:Turin AND attributes.firmware:1.* AND attributes.model:M3");
  }
}
