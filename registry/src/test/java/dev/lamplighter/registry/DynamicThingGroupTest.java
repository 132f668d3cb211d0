package dev.lamplighter.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynamicThingGroupTest {
  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

  private static DynamicGroupDefinition definition(String query, DynamicGroupStatus status) {
    return new DynamicGroupDefinition("AWS_Things", query, "2017-09-30", status);
  }

  @Test
  void aDynamicGroup_isARoot_andCannotHaveAncestors() {
    assertThatThrownBy(
            () ->
                new ThingGroup(
                    "warm",
                    "id",
                    List.of("site"),
                    null,
                    Map.of(),
                    1,
                    CREATED,
                    definition("a:b", DynamicGroupStatus.BUILDING)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("warm");
  }

  @Test
  void withStatus_changesOnlyTheStatus() {
    ThingGroup group =
        new ThingGroup(
            "warm",
            "id",
            List.of(),
            "d",
            Map.of("a", "1"),
            3,
            CREATED,
            definition("a:b", DynamicGroupStatus.REBUILDING));

    ThingGroup active = group.withStatus(DynamicGroupStatus.ACTIVE);

    assertThat(active.version()).isEqualTo(3);
    assertThat(active.dynamic()).isEqualTo(definition("a:b", DynamicGroupStatus.ACTIVE));
    assertThat(active.parentName()).isNull();
    assertThat(active.rootName()).isEqualTo("warm");
  }

  @Test
  void aStaticGroup_hasNoDefinition_andNoStatus() {
    ThingGroup group = new ThingGroup("lights", "id", List.of(), null, Map.of(), 1, CREATED);

    assertThat(group.dynamic()).isNull();
    assertThatThrownBy(() -> group.withStatus(DynamicGroupStatus.ACTIVE))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sameQueryAs_comparesIndexQueryAndVersion_notTheStatus() {
    DynamicGroupDefinition building = definition("a:b", DynamicGroupStatus.BUILDING);

    assertThat(building.sameQueryAs(definition("a:b", DynamicGroupStatus.ACTIVE))).isTrue();
    assertThat(building.sameQueryAs(definition("a:c", DynamicGroupStatus.BUILDING))).isFalse();
    assertThat(
            building.sameQueryAs(
                new DynamicGroupDefinition(
                    "other", "a:b", "2017-09-30", DynamicGroupStatus.BUILDING)))
        .isFalse();
  }

  @Test
  void newDynamicThingGroup_defaultsToTheOnlyIndexAndQueryVersionAwsHas() {
    NewDynamicThingGroup group =
        new NewDynamicThingGroup("warm", null, null, null, null, "a:b", null);

    assertThat(group.indexName()).isEqualTo("AWS_Things");
    assertThat(group.queryVersion()).isEqualTo("2017-09-30");
    assertThat(group.attributes()).isEmpty();
    assertThat(group.tags()).isEmpty();
  }
}
