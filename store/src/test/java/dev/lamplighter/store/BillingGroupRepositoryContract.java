package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.BillingGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract of {@link dev.lamplighter.registry.spi.BillingGroupRepository}. */
abstract class BillingGroupRepositoryContract extends ContractSupport {

  private void insert(Scope scope, String... names) {
    tx(
        () -> {
          for (String name : names) {
            billingGroups().insert(scope, billingGroup(name));
          }
        });
  }

  private List<String> list(Scope scope, String prefix, String after, int limit) {
    return billingGroups().list(scope, prefix, after, limit).stream()
        .map(BillingGroup::name)
        .toList();
  }

  @Test
  void insert_thenFind_returnsTheSameGroup() {
    Scope scope = newScope();
    BillingGroup group =
        new BillingGroup(
            "fleet-north",
            "3c2b1a09-8f7e-4d6c-9b5a-4e3d2c1b0a98",
            "Lamps north of the river",
            5,
            Instant.parse("2026-01-01T10:15:30.123456789Z"));

    tx(() -> billingGroups().insert(scope, group));

    assertThat(billingGroups().find(scope, "fleet-north")).contains(group);
    assertThat(billingGroups().find(scope, "fleet-south")).isEmpty();
  }

  @Test
  void insert_withTakenName_failsWithResourceAlreadyExists_andKeepsTheFirst() {
    Scope scope = newScope();
    BillingGroup first = billingGroup("fleet");
    tx(() -> billingGroups().insert(scope, first));
    BillingGroup second = new BillingGroup("fleet", "other-id", "second", 1, clock().instant());

    assertThatThrownBy(() -> tx(() -> billingGroups().insert(scope, second)))
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.RESOURCE_ALREADY_EXISTS))
        .hasMessageContaining("fleet");
    assertThat(billingGroups().find(scope, "fleet")).contains(first);
  }

  @Test
  void update_withCurrentVersion_replacesTheGroup() {
    Scope scope = newScope();
    BillingGroup v1 = billingGroup("fleet");
    tx(() -> billingGroups().insert(scope, v1));
    clock().advance(Duration.ofMinutes(1));
    BillingGroup v2 = new BillingGroup("fleet", v1.groupId(), "described", 2, v1.createdAt());

    assertThat(tx(() -> billingGroups().update(scope, v2, 1))).isTrue();

    assertThat(billingGroups().find(scope, "fleet")).contains(v2);
  }

  @Test
  void update_withStaleVersion_orOfMissingGroup_writesNothing() {
    Scope scope = newScope();
    BillingGroup v1 = billingGroup("fleet");
    tx(() -> billingGroups().insert(scope, v1));
    BillingGroup v2 = new BillingGroup("fleet", v1.groupId(), "v2", 2, v1.createdAt());
    tx(() -> billingGroups().update(scope, v2, 1));
    BillingGroup lost = new BillingGroup("fleet", v1.groupId(), "lost", 2, v1.createdAt());

    assertThat(tx(() -> billingGroups().update(scope, lost, 1))).isFalse();
    assertThat(tx(() -> billingGroups().update(scope, billingGroup("ghost"), 1))).isFalse();
    assertThat(billingGroups().find(scope, "fleet")).contains(v2);
    assertThat(billingGroups().find(scope, "ghost")).isEmpty();
  }

  @Test
  void delete_withCurrentVersion_removesTheGroup_andFreesItsName() {
    Scope scope = newScope();
    insert(scope, "fleet");

    assertThat(tx(() -> billingGroups().delete(scope, "fleet", 7))).isFalse();
    assertThat(billingGroups().find(scope, "fleet")).isPresent();
    assertThat(tx(() -> billingGroups().delete(scope, "fleet", 1))).isTrue();
    assertThat(billingGroups().find(scope, "fleet")).isEmpty();
    assertThat(tx(() -> billingGroups().delete(scope, "fleet", 1))).isFalse();
    insert(scope, "fleet");
    assertThat(billingGroups().find(scope, "fleet")).isPresent();
  }

  @Test
  void list_returnsGroupsInByteOrder_pageByPage() {
    Scope scope = newScope();
    insert(scope, "fleet-b", "Fleet", "fleet", "_fleet", "fleet-a", "0fleet", "fleet:1");

    assertThat(pages(after -> list(scope, null, after, 3), 3))
        .containsExactly(
            List.of("0fleet", "Fleet", "_fleet"),
            List.of("fleet", "fleet-a", "fleet-b"),
            List.of("fleet:1"));
  }

  @Test
  void list_byNamePrefix_returnsMatchingGroups_pageByPage() {
    Scope scope = newScope();
    insert(scope, "fleet-b", "Fleet", "fleet", "_fleet", "fleet-a", "0fleet", "fleet:1", "other");

    assertThat(pages(after -> list(scope, "fleet", after, 2), 2))
        .containsExactly(List.of("fleet", "fleet-a"), List.of("fleet-b", "fleet:1"));
    assertThat(list(scope, "fleet-", null, 10)).containsExactly("fleet-a", "fleet-b");
    assertThat(list(scope, "FLEET", null, 10)).isEmpty();
  }

  @Test
  void things_listsTheThingsOfTheGroup_inNameOrder_pageByPage() {
    Scope scope = newScope();
    insert(scope, "fleet", "other");
    insertThings(scope, List.of("e", "d", "c", "b", "a", "x", "y"));
    tx(
        () -> {
          for (String name : List.of("e", "c", "a", "d", "b")) {
            things().setBillingGroup(scope, name, "fleet");
          }
          things().setBillingGroup(scope, "x", "other");
        });

    assertThat(pages(after -> billingGroups().things(scope, "fleet", after, 2), 2))
        .containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e"));
    assertThat(billingGroups().things(scope, "other", null, 10)).containsExactly("x");
    assertThat(billingGroups().things(scope, "ghost", null, 10)).isEmpty();
  }

  @Test
  void scopes_keepGroupsApart() {
    Scope mine = newScope();
    Scope otherAccount = newScope();
    Scope otherRegion = Scope.of(mine.account().value(), "us-east-1");
    insert(mine, "fleet");
    insert(otherRegion, "fleet", "more");
    insertThings(mine, List.of("lamp"));
    insertThings(otherRegion, List.of("lamp", "lamp-2"));
    tx(() -> things().setBillingGroup(mine, "lamp", "fleet"));
    tx(() -> things().setBillingGroup(otherRegion, "lamp-2", "fleet"));

    assertThat(billingGroups().find(otherAccount, "fleet")).isEmpty();
    assertThat(list(otherAccount, null, null, 10)).isEmpty();
    assertThat(list(mine, null, null, 10)).containsExactly("fleet");
    assertThat(billingGroups().things(mine, "fleet", null, 10)).containsExactly("lamp");
    assertThat(billingGroups().things(otherRegion, "fleet", null, 10)).containsExactly("lamp-2");
    assertThat(tx(() -> billingGroups().delete(otherAccount, "fleet", 1))).isFalse();
    assertThat(tx(() -> billingGroups().delete(otherRegion, "fleet", 1))).isTrue();
    assertThat(billingGroups().find(mine, "fleet")).isPresent();
  }
}
