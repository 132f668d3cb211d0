package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.spi.TagRepository;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract of {@link TagRepository}. */
abstract class TagRepositoryContract extends ContractSupport {

  private TagRepository tags() {
    return store().registryPorts().tags();
  }

  private Arn thingArn(Scope scope, String name) {
    return Arn.of(scope, ResourceType.THING, name);
  }

  @Test
  void find_ofUntaggedResource_isEmpty() {
    assertThat(tags().find(thingArn(newScope(), "lamp"))).isEmpty();
  }

  @Test
  void put_thenFind_returnsTheTagsOrderedByKey() {
    Arn lamp = thingArn(newScope(), "lamp");

    tx(() -> tags().put(lamp, Map.of("team", "roads", "cost-centre", "42", "Env", "prod")));

    assertThat(tags().find(lamp))
        .containsExactly(
            Map.entry("Env", "prod"), Map.entry("cost-centre", "42"), Map.entry("team", "roads"));
  }

  @Test
  void put_ofAnExistingKey_replacesItsValue() {
    Arn lamp = thingArn(newScope(), "lamp");
    tx(() -> tags().put(lamp, Map.of("team", "roads", "env", "prod")));

    tx(() -> tags().put(lamp, Map.of("team", "parks", "note", "")));

    assertThat(tags().find(lamp))
        .containsExactly(
            Map.entry("env", "prod"), Map.entry("note", ""), Map.entry("team", "parks"));
  }

  @Test
  void remove_dropsOnlyTheGivenKeys_ignoringAbsentOnes() {
    Arn lamp = thingArn(newScope(), "lamp");
    tx(() -> tags().put(lamp, Map.of("a", "1", "b", "2", "c", "3")));

    tx(() -> tags().remove(lamp, List.of("a", "c", "never-set")));

    assertThat(tags().find(lamp)).containsExactly(Map.entry("b", "2"));
  }

  @Test
  void removeAll_dropsEveryTagOfThatResourceOnly() {
    Scope scope = newScope();
    Arn lamp = thingArn(scope, "lamp");
    Arn other = thingArn(scope, "lamp-2");
    tx(
        () -> {
          tags().put(lamp, Map.of("a", "1", "b", "2"));
          tags().put(other, Map.of("a", "9"));
        });

    tx(() -> tags().removeAll(lamp));

    assertThat(tags().find(lamp)).isEmpty();
    assertThat(tags().find(other)).containsExactly(Map.entry("a", "9"));
  }

  @Test
  void tags_belongToTheWholeArn_typeNameAndScope() {
    Scope scope = newScope();
    Arn thing = thingArn(scope, "lamp");
    Arn type = Arn.of(scope, ResourceType.THING_TYPE, "lamp");
    Arn elsewhere = thingArn(Scope.of(scope.account().value(), "us-west-2"), "lamp");
    tx(
        () -> {
          tags().put(thing, Map.of("k", "thing"));
          tags().put(type, Map.of("k", "type"));
          tags().put(elsewhere, Map.of("k", "elsewhere"));
        });

    assertThat(tags().find(thing)).containsExactly(Map.entry("k", "thing"));
    assertThat(tags().find(type)).containsExactly(Map.entry("k", "type"));
    assertThat(tags().find(elsewhere)).containsExactly(Map.entry("k", "elsewhere"));
    assertThat(tags().find(thingArn(newScope(), "lamp"))).isEmpty();
  }
}
