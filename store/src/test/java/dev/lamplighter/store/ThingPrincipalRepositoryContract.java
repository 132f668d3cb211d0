package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.principals.ThingPrincipal;
import dev.lamplighter.security.principals.ThingPrincipalType;
import dev.lamplighter.security.spi.ThingPrincipalRepository;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link ThingPrincipalRepository}. */
abstract class ThingPrincipalRepositoryContract extends ContractSupport {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00.000000001Z");

  private ThingPrincipalRepository principals() {
    return security().thingPrincipals();
  }

  private static String cert(String id) {
    return "arn:aws:iot:eu-west-1:123456789012:cert/" + id;
  }

  private static ThingPrincipal attachment(String thing, String principal) {
    return new ThingPrincipal(thing, principal, ThingPrincipalType.NON_EXCLUSIVE_THING, T0);
  }

  private void attach(Scope scope, String thing, String... principalArns) {
    tx(
        () -> {
          for (String principal : principalArns) {
            principals().attach(scope, attachment(thing, principal));
          }
        });
  }

  private static List<String> arns(List<ThingPrincipal> attachments) {
    return attachments.stream().map(ThingPrincipal::principal).toList();
  }

  private static List<String> thingNames(List<ThingPrincipal> attachments) {
    return attachments.stream().map(ThingPrincipal::thingName).toList();
  }

  @Test
  void attach_storesTheAttachment_once_keepingTheFirst() {
    Scope scope = newScope();
    insertThings(scope, List.of("lamp"));
    ThingPrincipal first =
        new ThingPrincipal("lamp", cert("c1"), ThingPrincipalType.EXCLUSIVE_THING, T0);

    assertThat(tx(() -> principals().attach(scope, first))).isTrue();
    assertThat(tx(() -> principals().attach(scope, attachment("lamp", cert("c1"))))).isFalse();

    assertThat(principals().principalsOf(scope, "lamp", null, 10)).containsExactly(first);
    assertThat(principals().thingsOf(scope, cert("c1"), null, 10)).containsExactly(first);
  }

  @Test
  void detach_removesTheAttachment_once() {
    Scope scope = newScope();
    insertThings(scope, List.of("lamp"));
    attach(scope, "lamp", cert("c1"), cert("c2"));

    assertThat(tx(() -> principals().detach(scope, "lamp", cert("c1")))).isTrue();
    assertThat(tx(() -> principals().detach(scope, "lamp", cert("c1")))).isFalse();
    assertThat(tx(() -> principals().detach(scope, "other", cert("c2")))).isFalse();
    assertThat(arns(principals().principalsOf(scope, "lamp", null, 10)))
        .containsExactly(cert("c2"));
  }

  @Test
  void principalsOf_listsTheThingsPrincipals_inArnOrder_pageByPage() {
    Scope scope = newScope();
    insertThings(scope, List.of("lamp", "other"));
    attach(scope, "lamp", cert("c5"), cert("C1"), cert("c1"), cert("c3"), cert("_c"));
    attach(scope, "other", cert("c2"));

    assertThat(pages(after -> arns(principals().principalsOf(scope, "lamp", after, 2)), 2))
        .containsExactly(
            List.of(cert("C1"), cert("_c")), List.of(cert("c1"), cert("c3")), List.of(cert("c5")));
    assertThat(principals().principalsOf(scope, "nothing", null, 10)).isEmpty();
  }

  @Test
  void thingsOf_listsThePrincipalsThings_inNameOrder_pageByPage() {
    Scope scope = newScope();
    List<String> names = List.of("lamp-b", "Lamp", "lamp", "_lamp", "lamp-a");
    insertThings(scope, names);
    insertThings(scope, List.of("unrelated"));
    tx(
        () -> {
          names.forEach(name -> principals().attach(scope, attachment(name, cert("shared"))));
          principals().attach(scope, attachment("unrelated", cert("own")));
        });

    assertThat(
            pages(after -> thingNames(principals().thingsOf(scope, cert("shared"), after, 2)), 2))
        .containsExactly(List.of("Lamp", "_lamp"), List.of("lamp", "lamp-a"), List.of("lamp-b"));
    assertThat(principals().thingsOf(scope, cert("none"), null, 10)).isEmpty();
  }

  @Test
  void attachingToAMissingThing_orDeletingAThingWithPrincipals_fails() {
    Scope scope = newScope();
    insertThings(scope, List.of("lamp"));
    attach(scope, "lamp", cert("c1"));

    assertThatThrownBy(() -> attach(scope, "ghost", cert("c1"))).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> tx(() -> things().delete(scope, "lamp", 1)))
        .isInstanceOf(StoreException.class);
    assertThat(things().find(scope, "lamp")).isPresent();
    assertThat(principals().thingsOf(scope, cert("c1"), null, 10))
        .extracting(ThingPrincipal::thingName)
        .containsExactly("lamp");
  }

  @Test
  void scopes_keepAttachmentsApart() {
    Scope mine = newScope();
    Scope other = newScope();
    insertThings(mine, List.of("lamp"));
    insertThings(other, List.of("lamp"));
    attach(mine, "lamp", cert("c1"));

    assertThat(principals().principalsOf(other, "lamp", null, 10)).isEmpty();
    assertThat(principals().thingsOf(other, cert("c1"), null, 10)).isEmpty();
    assertThat(tx(() -> principals().detach(other, "lamp", cert("c1")))).isFalse();
    assertThat(arns(principals().principalsOf(mine, "lamp", null, 10))).containsExactly(cert("c1"));
  }
}
