package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.Thing;
import dev.lamplighter.registry.ThingQuery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The billing group methods of {@link dev.lamplighter.registry.spi.ThingRepository}: {@code
 * setBillingGroup} and {@code clearBillingGroup}, which change neither the thing's version nor its
 * modification time.
 */
abstract class ThingBillingGroupContract extends ContractSupport {

  private Thing inBillingGroup(Thing thing, String billingGroupName) {
    return new Thing(
        thing.name(),
        thing.thingId(),
        thing.typeName(),
        thing.attributes(),
        thing.version(),
        billingGroupName,
        thing.createdAt(),
        thing.modifiedAt());
  }

  @Test
  void setBillingGroup_putsTheThingInTheGroup_withoutChangingVersionOrModifiedAt() {
    Scope scope = newScope();
    Thing lamp = thing("lamp-1", Map.of("zone", "north"));
    tx(() -> things().insert(scope, lamp));
    clock().advance(Duration.ofMinutes(5));

    assertThat(tx(() -> things().setBillingGroup(scope, "lamp-1", "fleet"))).isTrue();

    assertThat(things().find(scope, "lamp-1")).contains(inBillingGroup(lamp, "fleet"));
    assertThat(things().list(scope, ThingQuery.all(), null, 10))
        .containsExactly(inBillingGroup(lamp, "fleet"));
    assertThat(billingGroups().things(scope, "fleet", null, 10)).containsExactly("lamp-1");
  }

  @Test
  void setBillingGroup_toAnotherGroup_movesTheThing_andNullTakesItOut() {
    Scope scope = newScope();
    Thing lamp = thing("lamp-1", Map.of());
    tx(() -> things().insert(scope, lamp));
    tx(() -> things().setBillingGroup(scope, "lamp-1", "fleet"));

    tx(() -> things().setBillingGroup(scope, "lamp-1", "other"));
    assertThat(billingGroups().things(scope, "fleet", null, 10)).isEmpty();
    assertThat(billingGroups().things(scope, "other", null, 10)).containsExactly("lamp-1");

    assertThat(tx(() -> things().setBillingGroup(scope, "lamp-1", null))).isTrue();
    assertThat(billingGroups().things(scope, "other", null, 10)).isEmpty();
    assertThat(things().find(scope, "lamp-1")).contains(lamp);
  }

  @Test
  void setBillingGroup_ofMissingThing_returnsFalse() {
    Scope scope = newScope();

    assertThat(tx(() -> things().setBillingGroup(scope, "ghost", "fleet"))).isFalse();
    assertThat(billingGroups().things(scope, "fleet", null, 10)).isEmpty();
  }

  /**
   * The billing group is not part of the thing's version, so an update (whose thing was read before
   * the billing group changed) must not undo it: the store keeps the stored billing group.
   */
  @Test
  void update_keepsTheBillingGroupSetBesideIt() {
    Scope scope = newScope();
    Thing v1 = thing("lamp-1", Map.of("zone", "north"));
    tx(() -> things().insert(scope, v1));
    tx(() -> things().setBillingGroup(scope, "lamp-1", "fleet"));
    Thing v2 = nextVersion(v1, Map.of("zone", "south"));

    assertThat(tx(() -> things().update(scope, v2, 1))).isTrue();

    assertThat(things().find(scope, "lamp-1")).contains(inBillingGroup(v2, "fleet"));
    assertThat(billingGroups().things(scope, "fleet", null, 10)).containsExactly("lamp-1");
  }

  @Test
  void clearBillingGroup_takesEveryThingOutOfThatGroupOnly() {
    Scope scope = newScope();
    Scope otherRegion = Scope.of(scope.account().value(), "us-east-1");
    insertThings(scope, List.of("a", "b", "c", "d"));
    insertThings(otherRegion, List.of("a"));
    tx(
        () -> {
          things().setBillingGroup(scope, "a", "fleet");
          things().setBillingGroup(scope, "b", "fleet");
          things().setBillingGroup(scope, "c", "other");
          things().setBillingGroup(otherRegion, "a", "fleet");
        });

    tx(() -> things().clearBillingGroup(scope, "fleet"));

    assertThat(billingGroups().things(scope, "fleet", null, 10)).isEmpty();
    assertThat(things().find(scope, "a").orElseThrow().billingGroupName()).isNull();
    assertThat(things().find(scope, "a").orElseThrow().version()).isEqualTo(1);
    assertThat(billingGroups().things(scope, "other", null, 10)).containsExactly("c");
    assertThat(billingGroups().things(otherRegion, "fleet", null, 10)).containsExactly("a");
  }
}
