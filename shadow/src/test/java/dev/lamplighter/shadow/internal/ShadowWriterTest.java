package dev.lamplighter.shadow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.core.tx.Transactions;
import dev.lamplighter.shadow.ShadowId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The group commit of shadow updates: updates waiting while a transaction runs share the next one,
 * in arrival order; refusals stay each update's own; an update that meets another writer is applied
 * alone afterwards with the later updates of its shadow; a failed commit fails its whole batch.
 */
class ShadowWriterTest {
  private static final Scope SCOPE = Scope.of("111122223333", "eu-west-1");
  private static final ShadowRequest REQUEST =
      ShadowDocuments.parse("{\"state\":{}}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

  /** Transactions that run the work at once, counting them; the first may be held open. */
  private static final class CountingTransactions implements Transactions {
    final List<Integer> sizes = new CopyOnWriteArrayList<>();
    final CountDownLatch firstStarted = new CountDownLatch(1);
    volatile CountDownLatch holdFirst = new CountDownLatch(0);
    volatile RuntimeException commitFailure;
    volatile int applied;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
      int before = applied;
      firstStarted.countDown();
      try {
        holdFirst.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      holdFirst = new CountDownLatch(0);
      T result = work.get();
      sizes.add(applied - before);
      if (commitFailure != null) {
        throw commitFailure;
      }
      return result;
    }
  }

  private final CountingTransactions transactions = new CountingTransactions();
  private final List<String> order = new CopyOnWriteArrayList<>();
  private final List<String> contendedOnce = new CopyOnWriteArrayList<>();

  private final ShadowWriter writer =
      new ShadowWriter(
          transactions,
          new ShadowWriter.Applier() {
            @Override
            public ObjectNode apply(Scope scope, ShadowId id, ShadowRequest request) {
              transactions.applied++;
              if (id.thingName().startsWith("refused")) {
                throw ErrorCode.CONFLICT.exception("Version conflict");
              }
              if (contendedOnce.remove(id.thingName())) {
                return null;
              }
              order.add(id.thingName());
              return ShadowDocuments.object().put("thing", id.thingName());
            }

            @Override
            public ObjectNode applyAlone(Scope scope, ShadowId id, ShadowRequest request) {
              order.add(id.thingName() + " alone");
              return ShadowDocuments.object().put("thing", id.thingName());
            }
          });

  private CompletableFuture<ObjectNode> submit(String thing) {
    return writer.submit(SCOPE, ShadowId.classic(thing), REQUEST);
  }

  @Test
  void updatesArrivingDuringATransaction_shareTheNext_inArrivalOrder() throws Exception {
    transactions.holdFirst = new CountDownLatch(1);
    CompletableFuture<ObjectNode> first = submit("lamp-0");
    transactions.firstStarted.await(5, TimeUnit.SECONDS);
    List<CompletableFuture<ObjectNode>> waiting = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      waiting.add(submit("lamp-" + i));
    }
    transactions.holdFirst.countDown();

    first.get(5, TimeUnit.SECONDS);
    for (CompletableFuture<ObjectNode> update : waiting) {
      update.get(5, TimeUnit.SECONDS);
    }
    assertThat(transactions.sizes).containsExactly(1, 50);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i <= 50; i++) {
      expected.add("lamp-" + i);
    }
    assertThat(order).isEqualTo(expected);
  }

  @Test
  void aRefusal_isThatUpdatesOwn() throws Exception {
    CompletableFuture<ObjectNode> refused = submit("refused-1");
    CompletableFuture<ObjectNode> accepted = submit("lamp-1");

    assertThatThrownBy(() -> refused.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("Version conflict");
    assertThat(accepted.get(5, TimeUnit.SECONDS).path("thing").asText()).isEqualTo("lamp-1");
  }

  @Test
  void anUpdateMeetingAnotherWriter_isAppliedAloneAfterwards_withTheLaterUpdatesOfItsShadow()
      throws Exception {
    transactions.holdFirst = new CountDownLatch(1);
    CompletableFuture<ObjectNode> first = submit("lamp-0");
    transactions.firstStarted.await(5, TimeUnit.SECONDS);
    contendedOnce.add("lamp-1");
    CompletableFuture<ObjectNode> contended = submit("lamp-1");
    CompletableFuture<ObjectNode> other = submit("lamp-2");
    CompletableFuture<ObjectNode> later = submit("lamp-1");
    transactions.holdFirst.countDown();

    first.get(5, TimeUnit.SECONDS);
    contended.get(5, TimeUnit.SECONDS);
    other.get(5, TimeUnit.SECONDS);
    later.get(5, TimeUnit.SECONDS);
    assertThat(order).containsExactly("lamp-0", "lamp-2", "lamp-1 alone", "lamp-1 alone");
  }

  @Test
  void aFailedCommit_failsEveryUpdateOfItsBatch() {
    transactions.commitFailure = new IllegalStateException("disk full");

    CompletableFuture<ObjectNode> update = submit("lamp-1");

    assertThatThrownBy(() -> update.get(5, TimeUnit.SECONDS)).hasMessageContaining("disk full");
  }
}
