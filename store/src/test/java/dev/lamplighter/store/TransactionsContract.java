package dev.lamplighter.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.core.tx.Transactions;
import dev.lamplighter.registry.ThingQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The contract of {@link Transactions} as the store implements it. */
abstract class TransactionsContract extends ContractSupport {

  /** A failure no code path of the store knows, to prove it is rethrown untouched. */
  private static final class WorkFailed extends Error {
    private static final long serialVersionUID = 1L;
  }

  private void createThing(Scope scope, String name) {
    things().insert(scope, thing(name, Map.of()));
    store()
        .changeLog()
        .append(ChangeRecord.created(scope, ResourceType.THING, name, thing(name, Map.of())));
  }

  @Test
  void inTransaction_commitsTheWork_andReturnsItsResult() {
    Scope scope = newScope();

    String result =
        tx(
            () -> {
              createThing(scope, "lamp-1");
              return "done";
            });

    assertThat(result).isEqualTo("done");
    assertThat(things().find(scope, "lamp-1")).isPresent();
  }

  @Test
  void anyThrowable_rollsBackEverything_andIsRethrownUnchanged() {
    Scope scope = newScope();
    long head = logHead();
    WorkFailed failure = new WorkFailed();

    assertThatThrownBy(
            () ->
                tx(
                    () -> {
                      createThing(scope, "lamp-1");
                      throw failure;
                    }))
        .isSameAs(failure);

    assertThat(things().find(scope, "lamp-1")).isEmpty();
    assertThat(logAfter(head)).isEmpty();
  }

  @Test
  void nestedCall_joinsTheOuterTransaction() {
    Scope scope = newScope();
    long head = logHead();

    assertThatThrownBy(
            () ->
                tx(
                    () -> {
                      createThing(scope, "outer");
                      String seen =
                          tx(
                              () -> {
                                createThing(scope, "inner");
                                return things().find(scope, "outer").orElseThrow().name();
                              });
                      assertThat(seen).isEqualTo("outer");
                      throw new IllegalStateException("outer fails after the nested call");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(listNames(scope, ThingQuery.all())).isEmpty();
    assertThat(logAfter(head)).isEmpty();
  }

  @Test
  void nestedFailure_caughtByTheOuter_undoesOnlyTheNestedWork() {
    Scope scope = newScope();
    long head = logHead();

    tx(
        () -> {
          createThing(scope, "before");
          assertThatThrownBy(
                  () ->
                      tx(
                          () -> {
                            createThing(scope, "nested");
                            throw new IllegalStateException("nested fails");
                          }))
              .hasMessage("nested fails");
          createThing(scope, "after");
        });

    assertThat(listNames(scope, ThingQuery.all())).containsExactly("after", "before");
    assertThat(logAfter(head)).extracting(ChangeEvent::name).containsExactly("before", "after");
  }

  @Test
  void repositoryWrite_outsideATransaction_commitsOnItsOwn() {
    Scope scope = newScope();

    things().insert(scope, thing("lamp-1", Map.of("zone", "north")));

    assertThat(things().find(scope, "lamp-1")).isPresent();
    assertThat(listNames(scope, attribute("zone", "north"))).containsExactly("lamp-1");
  }

  @Test
  void transactionsOnManyThreads_allCommit() throws Exception {
    Scope scope = newScope();
    long head = logHead();
    int threads = 6;
    int perThread = 10;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        work.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    String name = "lamp-" + thread + "-" + i;
                    tx(() -> createThing(scope, name));
                  }
                }));
      }
      for (Future<?> done : work) {
        done.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(listNames(scope, ThingQuery.all())).hasSize(threads * perThread);
    assertThat(logAfter(head)).hasSize(threads * perThread);
  }
}
