package dev.lamplighter.bench.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GroupsOptionsTest {
  @Test
  void parse_readsTheStepThePlanAndOptions() {
    GroupsOptions options =
        GroupsOptions.parse(
            new String[] {
              "walk",
              "http://127.0.0.1:8080",
              "bench",
              "7",
              "3",
              "100000",
              "--level",
              "3",
              "--walks",
              "2",
              "--label",
              "level3",
              "--target-pid",
              "42"
            });

    assertThat(options.step()).isEqualTo(GroupsOptions.Step.WALK);
    assertThat(options.plan()).isEqualTo(new GroupPlan("bench", 7, 3, 100_000));
    assertThat(options.level()).isEqualTo(3);
    assertThat(options.walks()).isEqualTo(2);
    assertThat(options.pageSize()).isEqualTo(250);
    assertThat(options.label()).isEqualTo("level3");
    assertThat(options.targetPid()).hasValue(42);
  }

  @Test
  void parse_withALevelBelowThePlan_namesTheOption() {
    assertThatThrownBy(
            () ->
                GroupsOptions.parse(
                    new String[] {
                      "walk", "http://127.0.0.1:8080", "bench", "2", "3", "10", "--level", "3"
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--level");
  }

  @Test
  void parse_withAnUnknownStep_showsTheUsage() {
    assertThatThrownBy(
            () ->
                GroupsOptions.parse(
                    new String[] {"page", "http://127.0.0.1:8080", "bench", "7", "3", "10"}))
        .hasMessageContaining("hierarchy|members|walk");
  }
}
