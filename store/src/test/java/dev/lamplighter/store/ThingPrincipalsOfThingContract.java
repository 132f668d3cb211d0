package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.principals.ThingPrincipal;
import dev.lamplighter.security.principals.ThingPrincipalType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link dev.lamplighter.registry.spi.ThingRepository#hasPrincipals}: it sees the
 * attachments of {@link dev.lamplighter.security.spi.ThingPrincipalRepository}.
 */
abstract class ThingPrincipalsOfThingContract extends ContractSupport {
  private static final String CERT = "arn:aws:iot:eu-west-1:123456789012:cert/c1";

  private void attach(Scope scope, String thing) {
    tx(
        () ->
            security()
                .thingPrincipals()
                .attach(
                    scope,
                    new ThingPrincipal(
                        thing, CERT, ThingPrincipalType.EXCLUSIVE_THING, Instant.EPOCH)));
  }

  @Test
  void hasPrincipals_isFalse_forAThingWithoutPrincipals() {
    Scope scope = newScope();
    insertThings(scope, List.of("lamp"));

    assertThat(things().hasPrincipals(scope, "lamp")).isFalse();
    assertThat(things().hasPrincipals(scope, "no-such-thing")).isFalse();
  }

  @Test
  void hasPrincipals_followsAttachAndDetach() {
    Scope scope = newScope();
    insertThings(scope, List.of("lamp", "lamp-2"));

    attach(scope, "lamp");
    assertThat(things().hasPrincipals(scope, "lamp")).isTrue();
    assertThat(things().hasPrincipals(scope, "lamp-2")).isFalse();

    tx(() -> security().thingPrincipals().detach(scope, "lamp", CERT));
    assertThat(things().hasPrincipals(scope, "lamp")).isFalse();
  }

  @Test
  void hasPrincipals_seesOnlyItsOwnScope() {
    Scope mine = newScope();
    Scope otherRegion = Scope.of(mine.account().value(), "us-east-1");
    insertThings(mine, List.of("lamp"));
    insertThings(otherRegion, List.of("lamp"));

    attach(mine, "lamp");

    assertThat(things().hasPrincipals(otherRegion, "lamp")).isFalse();
    assertThat(things().hasPrincipals(newScope(), "lamp")).isFalse();
  }
}
