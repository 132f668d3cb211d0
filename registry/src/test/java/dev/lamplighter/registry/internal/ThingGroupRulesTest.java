package dev.lamplighter.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.DynamicGroupDefinition;
import dev.lamplighter.registry.DynamicGroupStatus;
import dev.lamplighter.registry.ThingGroup;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThingGroupRulesTest {
  private static final Scope SCOPE = Scope.of("123456789012", "eu-west-1");
  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void requireStatic_refusesADynamicGroup_inAwsWords() {
    ThingGroup warm =
        new ThingGroup(
            "warm",
            "id",
            List.of(),
            null,
            Map.of(),
            1,
            CREATED,
            new DynamicGroupDefinition(
                "AWS_Things", "a:b", "2017-09-30", DynamicGroupStatus.ACTIVE));

    assertThatThrownBy(() -> ThingGroupRules.requireStatic(SCOPE, warm))
        .isInstanceOfSatisfying(
            ServiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
        .hasMessage(
            "This operation does not support dynamic thing groups. Thing group arn:"
                + " arn:aws:iot:eu-west-1:123456789012:thinggroup/warm");
  }

  @Test
  void requireDynamic_refusesAStaticGroup() {
    ThingGroup lights = new ThingGroup("lights", "id", List.of(), null, Map.of(), 1, CREATED);

    ThingGroupRules.requireStatic(SCOPE, lights);
    assertThatThrownBy(() -> ThingGroupRules.requireDynamic(SCOPE, lights))
        .isInstanceOfSatisfying(
            ServiceException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
        .hasMessageContaining("static thing groups")
        .hasMessageContaining("thinggroup/lights");
  }
}
