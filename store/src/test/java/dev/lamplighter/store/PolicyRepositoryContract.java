package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.security.authorization.Policy;
import dev.lamplighter.security.authorization.PolicyVersion;
import dev.lamplighter.security.spi.PolicyRepository;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The contract of {@link PolicyRepository}. */
abstract class PolicyRepositoryContract extends ContractSupport {
  private static final Instant T0 = Instant.parse("2026-03-01T08:00:00.123456789Z");

  private PolicyRepository policies() {
    return security().policies();
  }

  private static String document(String action) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\""
        + action
        + "\",\"Resource\":\"*\"}]}";
  }

  private static PolicyVersion version(String policy, int number) {
    return new PolicyVersion(
        policy, Integer.toString(number), document("iot:Action" + number), T0.plusSeconds(number));
  }

  /** Creates the policy with version 1 as its default. */
  private Policy create(Scope scope, String name) {
    Policy policy = new Policy(name, "1", T0, T0, 1);
    tx(() -> policies().insert(scope, policy, version(name, 1)));
    return policy;
  }

  private List<String> versionIds(Scope scope, String policy) {
    return policies().versions(scope, policy).stream().map(PolicyVersion::versionId).toList();
  }

  private List<String> names(Scope scope, boolean ascending, String after, int limit) {
    return policies().list(scope, ascending, after, limit).stream().map(Policy::name).toList();
  }

  private static void assertCode(Throwable e, ErrorCode code) {
    assertThat(e)
        .isInstanceOfSatisfying(
            ServiceException.class, thrown -> assertThat(thrown.code()).isEqualTo(code));
  }

  @Test
  void insert_storesThePolicyWithItsFirstVersion() {
    Scope scope = newScope();
    Policy policy = new Policy("lamp-policy", "1", T0, Instant.parse("2026-03-02T00:00:00.5Z"), 3);

    tx(() -> policies().insert(scope, policy, version("lamp-policy", 1)));

    assertThat(policies().find(scope, "lamp-policy")).contains(policy);
    assertThat(policies().findVersion(scope, "lamp-policy", "1"))
        .contains(version("lamp-policy", 1));
    assertThat(policies().versions(scope, "lamp-policy"))
        .containsExactly(version("lamp-policy", 1));
    assertThat(policies().lastVersionNumber(scope, "lamp-policy")).isEqualTo(1);
    assertThat(policies().find(scope, "other")).isEmpty();
    assertThat(policies().findVersion(scope, "lamp-policy", "2")).isEmpty();
  }

  @Test
  void insert_withTakenName_failsWithResourceAlreadyExists_andKeepsTheFirst() {
    Scope scope = newScope();
    Policy first = create(scope, "p");
    Policy second = new Policy("p", "1", T0.plusSeconds(5), T0.plusSeconds(5), 1);
    PolicyVersion otherDocument = new PolicyVersion("p", "1", document("iot:*"), T0);

    assertThatThrownBy(() -> tx(() -> policies().insert(scope, second, otherDocument)))
        .satisfies(e -> assertCode(e, ErrorCode.RESOURCE_ALREADY_EXISTS))
        .hasMessageContaining("p");
    assertThat(policies().find(scope, "p")).contains(first);
    assertThat(policies().versions(scope, "p")).containsExactly(version("p", 1));
  }

  @Test
  void update_isOptimistic_onTheGeneration() {
    Scope scope = newScope();
    Policy v1 = create(scope, "p");
    tx(() -> policies().insertVersion(scope, version("p", 2)));
    Policy v2 = v1.withDefaultVersion("2", T0.plusSeconds(10));

    assertThat(tx(() -> policies().update(scope, v2, 1))).isTrue();
    assertThat(tx(() -> policies().update(scope, v1.withDefaultVersion("1", T0), 1))).isFalse();
    assertThat(tx(() -> policies().update(scope, new Policy("ghost", "1", T0, T0, 2), 1)))
        .isFalse();
    assertThat(policies().find(scope, "p")).contains(v2);
    assertThat(policies().find(scope, "ghost")).isEmpty();
  }

  @Test
  void delete_removesThePolicyAndAllItsVersions_andFreesItsName() {
    Scope scope = newScope();
    create(scope, "p");
    tx(
        () -> {
          policies().insertVersion(scope, version("p", 2));
          policies().insertVersion(scope, version("p", 3));
        });

    assertThat(tx(() -> policies().delete(scope, "p"))).isTrue();
    assertThat(policies().find(scope, "p")).isEmpty();
    assertThat(policies().versions(scope, "p")).isEmpty();
    assertThat(policies().findVersion(scope, "p", "2")).isEmpty();
    assertThat(tx(() -> policies().delete(scope, "p"))).isFalse();

    create(scope, "p");
    assertThat(versionIds(scope, "p")).containsExactly("1");
  }

  @Test
  void versions_areListedInCreationOrder_evenPastNine() {
    Scope scope = newScope();
    create(scope, "p");

    tx(
        () ->
            IntStream.rangeClosed(2, 11)
                .forEach(n -> policies().insertVersion(scope, version("p", n))));

    assertThat(versionIds(scope, "p"))
        .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
    assertThat(policies().lastVersionNumber(scope, "p")).isEqualTo(11);
  }

  @Test
  void lastVersionNumber_neverGoesDown_whenVersionsAreDeleted() {
    Scope scope = newScope();
    create(scope, "p");
    tx(
        () -> {
          policies().insertVersion(scope, version("p", 2));
          policies().insertVersion(scope, version("p", 3));
        });

    assertThat(tx(() -> policies().deleteVersion(scope, "p", "3"))).isTrue();
    assertThat(tx(() -> policies().deleteVersion(scope, "p", "2"))).isTrue();

    assertThat(versionIds(scope, "p")).containsExactly("1");
    assertThat(policies().lastVersionNumber(scope, "p")).isEqualTo(3);
    tx(() -> policies().insertVersion(scope, version("p", 4)));
    assertThat(policies().lastVersionNumber(scope, "p")).isEqualTo(4);
    assertThat(versionIds(scope, "p")).containsExactly("1", "4");
  }

  @Test
  void lastVersionNumber_ofAMissingPolicy_isZero() {
    assertThat(policies().lastVersionNumber(newScope(), "nothing")).isZero();
  }

  @Test
  void insertVersion_withTakenId_failsWithResourceAlreadyExists_andKeepsTheFirst() {
    Scope scope = newScope();
    create(scope, "p");
    tx(() -> policies().insertVersion(scope, version("p", 2)));
    PolicyVersion again = new PolicyVersion("p", "2", document("iot:*"), T0);

    assertThatThrownBy(() -> tx(() -> policies().insertVersion(scope, again)))
        .satisfies(e -> assertCode(e, ErrorCode.RESOURCE_ALREADY_EXISTS));
    assertThat(policies().findVersion(scope, "p", "2")).contains(version("p", 2));
  }

  @Test
  void insertVersion_ofAMissingPolicy_failsWithResourceNotFound() {
    Scope scope = newScope();

    assertThatThrownBy(() -> tx(() -> policies().insertVersion(scope, version("ghost", 2))))
        .satisfies(e -> assertCode(e, ErrorCode.RESOURCE_NOT_FOUND));
    assertThat(policies().versions(scope, "ghost")).isEmpty();
  }

  @Test
  void insertVersion_withAnIdThatIsNotANumber_isAProgrammingError() {
    Scope scope = newScope();
    create(scope, "p");

    assertThatThrownBy(
            () ->
                tx(() -> policies().insertVersion(scope, new PolicyVersion("p", "two", "{}", T0))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(versionIds(scope, "p")).containsExactly("1");
  }

  @Test
  void deleteVersion_ofAMissingVersion_returnsFalse() {
    Scope scope = newScope();
    create(scope, "p");

    assertThat(tx(() -> policies().deleteVersion(scope, "p", "2"))).isFalse();
    assertThat(tx(() -> policies().deleteVersion(scope, "ghost", "1"))).isFalse();
    assertThat(versionIds(scope, "p")).containsExactly("1");
  }

  @Test
  void list_returnsPoliciesInByteOrder_bothWays_pageByPage() {
    Scope scope = newScope();
    for (String name : List.of("lamp-b", "Lamp", "lamp", "_lamp", "lamp-a", "0lamp", "lamp:1")) {
      create(scope, name);
    }

    assertThat(pages(after -> names(scope, true, after, 3), 3))
        .containsExactly(
            List.of("0lamp", "Lamp", "_lamp"),
            List.of("lamp", "lamp-a", "lamp-b"),
            List.of("lamp:1"));
    assertThat(pages(after -> names(scope, false, after, 3), 3))
        .containsExactly(
            List.of("lamp:1", "lamp-b", "lamp-a"),
            List.of("lamp", "_lamp", "Lamp"),
            List.of("0lamp"));
  }

  @Test
  void scopes_keepPoliciesAndVersionsApart() {
    Scope mine = newScope();
    Scope other = newScope();
    create(mine, "p");
    create(other, "p");
    tx(
        () -> {
          policies().insertVersion(other, version("p", 2));
          policies().insertVersion(other, version("p", 3));
        });

    assertThat(versionIds(mine, "p")).containsExactly("1");
    assertThat(policies().lastVersionNumber(mine, "p")).isEqualTo(1);
    assertThat(policies().lastVersionNumber(other, "p")).isEqualTo(3);
    assertThat(names(mine, true, null, 10)).containsExactly("p");
    assertThat(tx(() -> policies().delete(other, "p"))).isTrue();
    assertThat(policies().find(mine, "p")).isPresent();
    assertThat(versionIds(mine, "p")).containsExactly("1");
    assertThat(policies().find(Scope.of(mine.account().value(), "us-east-1"), "p")).isEmpty();
  }
}
