package dev.lamplighter.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.registry.DynamicGroupDefinition;
import dev.lamplighter.registry.DynamicGroupStatus;
import dev.lamplighter.registry.ThingGroup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class GroupsPerThingTest {
  private static ThingGroup dynamic(String name, String createdAt) {
    return new ThingGroup(
        name,
        "id",
        List.of(),
        null,
        Map.of(),
        1,
        Instant.parse(createdAt),
        new DynamicGroupDefinition("AWS_Things", "a:b", "2017-09-30", DynamicGroupStatus.ACTIVE));
  }

  /** Which group gives way is decided by creation, so equal instants need a fixed tie-break. */
  @Test
  void oldestFirst_ordersByCreation_thenByName() {
    ThingGroup b = dynamic("b", "2026-01-01T00:00:00Z");
    ThingGroup a = dynamic("a", "2026-01-01T00:00:00Z");
    ThingGroup older = dynamic("z", "2025-12-31T00:00:00Z");

    assertThat(Stream.of(b, a, older).sorted(GroupsPerThing.OLDEST_FIRST))
        .extracting(ThingGroup::name)
        .containsExactly("z", "a", "b");
  }
}
