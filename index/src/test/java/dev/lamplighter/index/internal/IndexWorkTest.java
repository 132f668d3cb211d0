package dev.lamplighter.index.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.core.tenancy.Region;
import dev.lamplighter.core.tenancy.Scope;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which things, groups and configurations a batch of change log entries touches. */
class IndexWorkTest {
  private static final Scope SCOPE =
      new Scope(AccountId.of("111122223333"), Region.of("eu-west-1"));
  private long sequence;

  @Test
  void thingChanges_andMemberships_nameEachThingOnce() {
    IndexWork work =
        IndexWork.of(
            List.of(
                event(ResourceType.THING, "lamp-1", ChangeKind.CREATED, "{}"),
                event(ResourceType.THING, "lamp-1", ChangeKind.UPDATED, "{}"),
                event(
                    ResourceType.THING_GROUP,
                    "Turin",
                    ChangeKind.MEMBER_ADDED,
                    "{\"thingName\":\"lamp-2\",\"groupName\":\"Turin\"}"),
                event(
                    ResourceType.THING_GROUP,
                    "Turin",
                    ChangeKind.MEMBER_REMOVED,
                    "{\"thingName\":\"lamp-1\",\"groupName\":\"Turin\"}")));

    assertThat(work.things)
        .containsExactly(new ScopedName(SCOPE, "lamp-1"), new ScopedName(SCOPE, "lamp-2"));
    assertThat(work.groups).isEmpty();
  }

  @Test
  void shadowChanges_nameTheirThingOnce_apartFromRegistryChanges() {
    IndexWork work =
        IndexWork.of(
            List.of(
                event(ResourceType.SHADOW, "lamp-1", ChangeKind.CREATED, "{}"),
                event(ResourceType.SHADOW, "lamp-1", ChangeKind.UPDATED, "{}"),
                event(ResourceType.SHADOW, "lamp-2", ChangeKind.DELETED, "{}")));

    assertThat(work.shadowsChanged)
        .containsExactly(new ScopedName(SCOPE, "lamp-1"), new ScopedName(SCOPE, "lamp-2"));
    assertThat(work.things).isEmpty();
    assertThat(work.isEmpty()).isFalse();
  }

  @Test
  void connectivityChanges_reindexTheirThing() {
    IndexWork work =
        IndexWork.of(
            List.of(
                event(ResourceType.THING, "lamp-1", ChangeKind.CONNECTED, "{\"connected\":true}"),
                event(
                    ResourceType.THING,
                    "lamp-2",
                    ChangeKind.DISCONNECTED,
                    "{\"connected\":false}")));

    assertThat(work.things)
        .containsExactly(new ScopedName(SCOPE, "lamp-1"), new ScopedName(SCOPE, "lamp-2"));
    assertThat(work.groups).isEmpty();
  }

  @Test
  void groupChanges_areGroupWork_andADeletionIsRemembered() {
    IndexWork work =
        IndexWork.of(
            List.of(
                event(ResourceType.THING_GROUP, "Turin", ChangeKind.UPDATED, "{}"),
                event(ResourceType.THING_GROUP, "Milan", ChangeKind.DELETED, null)));

    assertThat(work.groups)
        .containsExactly(new ScopedName(SCOPE, "Turin"), new ScopedName(SCOPE, "Milan"));
    assertThat(work.deletedGroups).containsExactly(new ScopedName(SCOPE, "Milan"));
  }

  @Test
  void configurationChanges_nameTheirScope_andOtherResourcesAreIgnored() {
    IndexWork work =
        IndexWork.of(
            List.of(
                event(ResourceType.INDEX, "AWS_Things", ChangeKind.UPDATED, "{}"),
                event(ResourceType.POLICY, "LightsOwnTopics", ChangeKind.CREATED, "{}"),
                event(ResourceType.BILLING_GROUP, "billing-Turin", ChangeKind.CREATED, "{}")));

    assertThat(work.reconfigured).containsExactly(SCOPE);
    assertThat(work.things).isEmpty();
    assertThat(work.groups).isEmpty();
  }

  private ChangeEvent event(ResourceType type, String name, ChangeKind kind, String state) {
    return new ChangeEvent(++sequence, Instant.EPOCH, SCOPE, type, name, kind, state);
  }
}
