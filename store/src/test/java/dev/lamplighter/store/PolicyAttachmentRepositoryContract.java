package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.authorization.Policy;
import dev.lamplighter.security.authorization.PolicyVersion;
import dev.lamplighter.security.spi.PolicyAttachmentRepository;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link PolicyAttachmentRepository}. */
abstract class PolicyAttachmentRepositoryContract extends ContractSupport {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

  private PolicyAttachmentRepository attachments() {
    return security().policyAttachments();
  }

  private void createPolicies(Scope scope, String... names) {
    tx(
        () -> {
          for (String name : names) {
            security()
                .policies()
                .insert(
                    scope,
                    new Policy(name, "1", T0, T0, 1),
                    new PolicyVersion(name, "1", "{}", T0));
          }
        });
  }

  private static String cert(Scope scope, String id) {
    return "arn:aws:iot:" + scope.region() + ":" + scope.account() + ":cert/" + id;
  }

  private static String group(Scope scope, String name) {
    return "arn:aws:iot:" + scope.region() + ":" + scope.account() + ":thinggroup/" + name;
  }

  @Test
  void attach_isIdempotent_andDetach_removesTheAttachmentOnce() {
    Scope scope = newScope();
    createPolicies(scope, "p");
    String target = cert(scope, "c1");

    assertThat(tx(() -> attachments().attach(scope, "p", target))).isTrue();
    assertThat(tx(() -> attachments().attach(scope, "p", target))).isFalse();
    assertThat(attachments().policiesOf(scope, target)).containsExactly("p");

    assertThat(tx(() -> attachments().detach(scope, "p", target))).isTrue();
    assertThat(tx(() -> attachments().detach(scope, "p", target))).isFalse();
    assertThat(attachments().policiesOf(scope, target)).isEmpty();
  }

  @Test
  void policiesOf_listsTheTargetsPolicies_inByteOrder() {
    Scope scope = newScope();
    createPolicies(scope, "b", "B", "a", "_a", "unattached");
    String target = cert(scope, "c1");
    tx(
        () -> {
          for (String policy : List.of("b", "B", "a", "_a")) {
            attachments().attach(scope, policy, target);
          }
          attachments().attach(scope, "unattached", cert(scope, "c2"));
        });

    assertThat(attachments().policiesOf(scope, target)).containsExactly("B", "_a", "a", "b");
    assertThat(attachments().policiesOf(scope, cert(scope, "c3"))).isEmpty();
  }

  @Test
  void targetsOf_listsThePolicysTargets_inArnOrder_pageByPage() {
    Scope scope = newScope();
    createPolicies(scope, "p", "q");
    List<String> targets =
        List.of(
            cert(scope, "c3"),
            group(scope, "Lamps"),
            cert(scope, "c1"),
            cert(scope, "c2"),
            group(scope, "lamps"));
    tx(
        () -> {
          targets.forEach(target -> attachments().attach(scope, "p", target));
          attachments().attach(scope, "q", cert(scope, "c9"));
        });

    assertThat(pages(after -> attachments().targetsOf(scope, "p", after, 2), 2))
        .containsExactly(
            List.of(cert(scope, "c1"), cert(scope, "c2")),
            List.of(cert(scope, "c3"), group(scope, "Lamps")),
            List.of(group(scope, "lamps")));
    assertThat(attachments().targetsOf(scope, "q", null, 10)).containsExactly(cert(scope, "c9"));
  }

  @Test
  void isAttached_tellsWhetherThePolicyHasAnyTarget() {
    Scope scope = newScope();
    createPolicies(scope, "p", "q");
    tx(() -> attachments().attach(scope, "p", group(scope, "g")));

    assertThat(attachments().isAttached(scope, "p")).isTrue();
    assertThat(attachments().isAttached(scope, "q")).isFalse();
    assertThat(attachments().isAttached(newScope(), "p")).isFalse();
    tx(() -> attachments().detach(scope, "p", group(scope, "g")));
    assertThat(attachments().isAttached(scope, "p")).isFalse();
  }

  @Test
  void detachAll_detachesEveryPolicyFromThatTargetOnly() {
    Scope scope = newScope();
    createPolicies(scope, "p", "q");
    String gone = cert(scope, "gone");
    String kept = cert(scope, "kept");
    tx(
        () -> {
          attachments().attach(scope, "p", gone);
          attachments().attach(scope, "q", gone);
          attachments().attach(scope, "p", kept);
        });

    tx(() -> attachments().detachAll(scope, gone));

    assertThat(attachments().policiesOf(scope, gone)).isEmpty();
    assertThat(attachments().policiesOf(scope, kept)).containsExactly("p");
    assertThat(attachments().targetsOf(scope, "q", null, 10)).isEmpty();
  }

  @Test
  void attachingAMissingPolicy_orDeletingAnAttachedOne_fails() {
    Scope scope = newScope();
    createPolicies(scope, "p");
    tx(() -> attachments().attach(scope, "p", cert(scope, "c1")));

    assertThatThrownBy(() -> tx(() -> attachments().attach(scope, "ghost", cert(scope, "c1"))))
        .isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> tx(() -> security().policies().delete(scope, "p")))
        .isInstanceOf(StoreException.class);
    assertThat(security().policies().find(scope, "p")).isPresent();
    assertThat(attachments().policiesOf(scope, cert(scope, "c1"))).containsExactly("p");
  }

  @Test
  void scopes_keepAttachmentsApart() {
    Scope mine = newScope();
    Scope other = newScope();
    createPolicies(mine, "p");
    createPolicies(other, "p");
    String target = "arn:aws:iot:eu-west-1:123456789012:cert/shared";
    tx(() -> attachments().attach(mine, "p", target));

    assertThat(attachments().policiesOf(other, target)).isEmpty();
    assertThat(attachments().isAttached(other, "p")).isFalse();
    assertThat(tx(() -> attachments().attach(other, "p", target))).isTrue();
    tx(() -> attachments().detachAll(other, target));
    assertThat(attachments().policiesOf(mine, target)).containsExactly("p");
    assertThat(attachments().targetsOf(mine, "p", null, 10)).containsExactly(target);
  }
}
