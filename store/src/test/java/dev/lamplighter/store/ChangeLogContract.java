package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.event.ChangeLog;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.registry.GroupMembership;
import dev.lamplighter.registry.Thing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The contract of {@link ChangeLog}, and that its entries commit with their writes. */
abstract class ChangeLogContract extends ContractSupport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChangeLog log() {
    return store().changeLog();
  }

  /** Inserts a thing and logs it, as a registry write does. */
  private void createThing(Scope scope, String name) {
    Thing thing = thing(name, Map.of());
    things().insert(scope, thing);
    log().append(ChangeRecord.created(scope, ResourceType.THING, name, thing));
  }

  @Test
  void localCommitListeners_hearCommitsThatAppended_notOthersNorRollbacks_untilRemoved() {
    Scope scope = newScope();
    java.util.concurrent.atomic.AtomicInteger heard =
        new java.util.concurrent.atomic.AtomicInteger();
    Runnable remove = log().onLocalCommit(heard::incrementAndGet);

    tx(() -> createThing(scope, "heard-1"));
    assertThat(heard).as("a commit that appended").hasValue(1);

    tx(() -> things().find(scope, "heard-1"));
    assertThat(heard).as("a commit without entries").hasValue(1);

    assertThatThrownBy(
            () ->
                tx(
                    () -> {
                      createThing(scope, "rolled-back");
                      throw new IllegalStateException("abandon");
                    }))
        .hasMessage("abandon");
    assertThat(heard).as("a rollback").hasValue(1);

    remove.run();
    tx(() -> createThing(scope, "unheard"));
    assertThat(heard).as("after removal").hasValue(1);
  }

  @Test
  void localCommitListenersOfSomeTypes_hearOnlyCommitsThatAppendedOneOfThem() {
    Scope scope = newScope();
    java.util.concurrent.atomic.AtomicInteger heard =
        new java.util.concurrent.atomic.AtomicInteger();
    Runnable remove =
        log().onLocalCommit(java.util.Set.of(ResourceType.SHADOW), heard::incrementAndGet);

    tx(() -> createThing(scope, "not-a-shadow"));
    assertThat(heard).as("a commit of other types").hasValue(0);

    tx(
        () -> {
          createThing(scope, "with-a-shadow");
          log()
              .append(
                  ChangeRecord.updated(
                      scope, ResourceType.SHADOW, "with-a-shadow", Map.of("version", 1)));
        });
    assertThat(heard).as("a commit with one of the types").hasValue(1);

    remove.run();
  }

  @Test
  void append_isReadAfterCommit_withItsFieldsAndStateAsJson() throws Exception {
    Scope scope = newScope();
    long head = logHead();
    clock().set(Instant.parse("2026-05-04T03:02:01.250Z"));
    Thing thing =
        new Thing(
            "lamp-1",
            "thing-id-1",
            "streetlight",
            Map.of("zone", "north"),
            1,
            null,
            Instant.parse("2026-05-04T03:02:01.250Z"),
            Instant.parse("2026-05-04T03:02:01.250Z"));

    tx(() -> log().append(ChangeRecord.created(scope, ResourceType.THING, "lamp-1", thing)));

    List<ChangeEvent> events = logAfter(head);
    assertThat(events).hasSize(1);
    ChangeEvent event = events.get(0);
    assertThat(event.sequence()).isGreaterThan(head);
    assertThat(event.at()).isEqualTo(Instant.parse("2026-05-04T03:02:01.250Z"));
    assertThat(event.scope()).isEqualTo(scope);
    assertThat(event.type()).isEqualTo(ResourceType.THING);
    assertThat(event.name()).isEqualTo("lamp-1");
    assertThat(event.kind()).isEqualTo(ChangeKind.CREATED);
    JsonNode state = JSON.readTree(event.stateJson());
    assertThat(state.get("name").asText()).isEqualTo("lamp-1");
    assertThat(state.get("typeName").asText()).isEqualTo("streetlight");
    assertThat(state.get("attributes").get("zone").asText()).isEqualTo("north");
    assertThat(state.get("version").asLong()).isEqualTo(1);
    assertThat(state.get("createdAt").isTextual()).isTrue();
    assertThat(Instant.parse(state.get("createdAt").asText())).isEqualTo(thing.createdAt());
  }

  @Test
  void deletion_isLoggedWithoutState() {
    Scope scope = newScope();
    long head = logHead();

    tx(() -> log().append(ChangeRecord.deleted(scope, ResourceType.THING_TYPE, "old-type")));

    assertThat(logAfter(head))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.kind()).isEqualTo(ChangeKind.DELETED);
              assertThat(event.type()).isEqualTo(ResourceType.THING_TYPE);
              assertThat(event.stateJson()).isNull();
            });
  }

  @Test
  void membershipChanges_areReadBackWithTheirKindAndMembershipState() throws Exception {
    Scope scope = newScope();
    long head = logHead();

    tx(
        () -> {
          log()
              .append(
                  ChangeRecord.memberAdded(
                      scope,
                      ResourceType.THING_GROUP,
                      "room-1",
                      new GroupMembership("lamp-1", "room-1")));
          log()
              .append(
                  ChangeRecord.memberRemoved(
                      scope,
                      ResourceType.BILLING_GROUP,
                      "fleet",
                      new GroupMembership("lamp-1", "fleet")));
        });

    List<ChangeEvent> events = logAfter(head);
    assertThat(events)
        .extracting(ChangeEvent::kind, ChangeEvent::type, ChangeEvent::name)
        .containsExactly(
            tuple(ChangeKind.MEMBER_ADDED, ResourceType.THING_GROUP, "room-1"),
            tuple(ChangeKind.MEMBER_REMOVED, ResourceType.BILLING_GROUP, "fleet"));
    JsonNode added = JSON.readTree(events.get(0).stateJson());
    assertThat(added.get("thingName").asText()).isEqualTo("lamp-1");
    assertThat(added.get("groupName").asText()).isEqualTo("room-1");
    JsonNode removed = JSON.readTree(events.get(1).stateJson());
    assertThat(removed.get("thingName").asText()).isEqualTo("lamp-1");
    assertThat(removed.get("groupName").asText()).isEqualTo("fleet");
  }

  @Test
  void append_outsideATransaction_isRefused() {
    long head = logHead();

    assertThatThrownBy(
            () -> log().append(ChangeRecord.deleted(newScope(), ResourceType.THING, "lamp")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(logAfter(head)).isEmpty();
  }

  @Test
  void readAfter_returnsEntriesInCommitOrder_pageByPage() {
    Scope scope = newScope();
    long head = logHead();
    for (int i = 1; i <= 5; i++) {
      String name = "lamp-" + i;
      clock().advance(Duration.ofSeconds(1));
      tx(() -> createThing(scope, name));
    }

    List<ChangeEvent> first = log().readAfter(head, 2);
    List<ChangeEvent> second = log().readAfter(first.get(1).sequence(), 2);
    List<ChangeEvent> third = log().readAfter(second.get(1).sequence(), 2);

    List<ChangeEvent> all = new ArrayList<>(first);
    all.addAll(second);
    all.addAll(third);
    assertThat(all)
        .extracting(ChangeEvent::name)
        .containsExactly("lamp-1", "lamp-2", "lamp-3", "lamp-4", "lamp-5");
    assertThat(all).extracting(ChangeEvent::sequence).isSorted().doesNotHaveDuplicates();
    assertThat(all).extracting(ChangeEvent::at).isSorted();
    assertThat(third).hasSize(1);
    assertThat(log().readAfter(third.get(0).sequence(), 2)).isEmpty();
  }

  @Test
  void head_isTheSequenceOfTheLastCommittedEntry() {
    Scope scope = newScope();
    tx(() -> createThing(scope, "lamp-1"));
    tx(() -> createThing(scope, "lamp-2"));

    List<ChangeEvent> all = logAfter(0);

    assertThat(log().head()).isEqualTo(all.get(all.size() - 1).sequence());
    assertThat(log().readAfter(log().head(), 1)).isEmpty();
  }

  @Test
  void entriesOfOneTransaction_keepTheirAppendOrder() {
    Scope scope = newScope();
    long head = logHead();

    tx(
        () -> {
          createThing(scope, "b");
          createThing(scope, "a");
          log().append(ChangeRecord.deleted(scope, ResourceType.THING, "c"));
        });

    List<ChangeEvent> events = logAfter(head);
    assertThat(events).extracting(ChangeEvent::name).containsExactly("b", "a", "c");
    assertThat(events).extracting(ChangeEvent::sequence).isSorted().doesNotHaveDuplicates();
    assertThat(events).extracting(ChangeEvent::at).containsOnly(events.get(0).at());
  }

  @Test
  void failedTransaction_rollsBackTheWriteAndItsEntry() {
    Scope scope = newScope();
    long head = logHead();

    assertThatThrownBy(
            () ->
                tx(
                    () -> {
                      createThing(scope, "lamp-1");
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");

    assertThat(things().find(scope, "lamp-1")).isEmpty();
    assertThat(logAfter(head)).isEmpty();
  }

  @Test
  void entriesOfAnOpenTransaction_areInvisible_untilItCommits() throws Exception {
    Scope scope = newScope();
    long head = logHead();
    CountDownLatch written = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      Future<?> done =
          writer.submit(
              () ->
                  tx(
                      () -> {
                        createThing(scope, "lamp-1");
                        written.countDown();
                        await(release);
                      }));
      assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();

      assertThat(logAfter(head)).isEmpty();
      assertThat(things().find(scope, "lamp-1")).isEmpty();

      release.countDown();
      done.get(10, TimeUnit.SECONDS);
    } finally {
      release.countDown();
      writer.shutdownNow();
    }
    assertThat(logAfter(head)).extracting(ChangeEvent::name).containsExactly("lamp-1");
    assertThat(things().find(scope, "lamp-1")).isPresent();
  }

  @Test
  void readerFollowingTheLog_whileWritersCommitConcurrently_missesNoEntry() throws Exception {
    Scope scope = newScope();
    long head = logHead();
    int writers = 4;
    int perWriter = 25;
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    try {
      Future<List<ChangeEvent>> reader =
          pool.submit(
              () -> {
                List<ChangeEvent> seen = new ArrayList<>();
                long after = head;
                boolean last = false;
                while (!last) {
                  last = !writing.get();
                  List<ChangeEvent> page = log().readAfter(after, 7);
                  seen.addAll(page);
                  if (!page.isEmpty()) {
                    after = page.get(page.size() - 1).sequence();
                    last = false;
                  } else {
                    Thread.yield();
                  }
                }
                return seen;
              });
      List<Future<?>> writes = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        writes.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perWriter; i++) {
                    String name = "lamp-" + writer + "-" + i;
                    tx(() -> createThing(scope, name));
                  }
                }));
      }
      for (Future<?> write : writes) {
        write.get(60, TimeUnit.SECONDS);
      }
      writing.set(false);

      List<ChangeEvent> seen = reader.get(60, TimeUnit.SECONDS);
      assertThat(seen).hasSize(writers * perWriter);
      assertThat(seen).containsExactlyElementsOf(logAfter(head));
    } finally {
      writing.set(false);
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never released the writer");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
