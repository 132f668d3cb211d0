package dev.lamplighter.shadow.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.core.tx.Transactions;
import dev.lamplighter.shadow.ShadowId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Group commit of shadow updates: updates submitted while a transaction runs wait for the next one,
 * and are all applied, in the order they came, in that one transaction. On a store with one writer
 * (SQLite) this turns a transaction per update, each handed the write lock in turn, into one per
 * batch; each update is still checked and refused on its own.
 *
 * <p>An update whose compare-and-set finds another writer's version (another node) is taken out of
 * the batch with every later update of the same shadow, and applied alone afterwards, in order.
 * Futures complete after the batch committed; when the commit fails, every update of the batch
 * fails with it and nothing of it is stored.
 *
 * <p>Threading: one thread at most, started when updates arrive and ended after a second without.
 */
final class ShadowWriter {
  /** Updates applied in one transaction at most: bounds its length and the size of its log. */
  static final int MAX_BATCH = 256;

  /** Applies one checked update inside the caller's transaction. */
  interface Applier {
    /**
     * @return the accepted document, or null when another writer changed the shadow since it was
     *     read (nothing is written then)
     * @throws ServiceException when the update is refused; nothing is written then
     */
    ObjectNode apply(Scope scope, ShadowId id, ShadowRequest request);

    /** Applies it alone, in its own transactions, retrying as needed. */
    ObjectNode applyAlone(Scope scope, ShadowId id, ShadowRequest request);
  }

  private record Pending(
      Scope scope, ShadowId id, ShadowRequest request, CompletableFuture<ObjectNode> result) {}

  private record ShadowKey(Scope scope, ShadowId id) {}

  /** What became of an update of the batch: its accepted document or its refusal. */
  private record Outcome(Pending pending, Object result) {}

  private final Transactions transactions;
  private final Applier applier;
  private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean draining = new AtomicBoolean();
  private final ExecutorService thread =
      new ThreadPoolExecutor(
          0,
          1,
          1,
          TimeUnit.SECONDS,
          new LinkedBlockingQueue<>(),
          runnable -> {
            Thread t = new Thread(runnable, "shadow-writer");
            t.setDaemon(true);
            return t;
          });

  ShadowWriter(Transactions transactions, Applier applier) {
    this.transactions = transactions;
    this.applier = applier;
  }

  CompletableFuture<ObjectNode> submit(Scope scope, ShadowId id, ShadowRequest request) {
    CompletableFuture<ObjectNode> result = new CompletableFuture<>();
    queue.add(new Pending(scope, id, request, result));
    if (draining.compareAndSet(false, true)) {
      thread.execute(this::drain);
    }
    return result;
  }

  private void drain() {
    while (true) {
      List<Pending> batch = new ArrayList<>();
      Pending next;
      while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
        batch.add(next);
      }
      if (batch.isEmpty()) {
        draining.set(false);
        // An update may have come between the last poll and the flag: drain again for it.
        if (queue.isEmpty() || !draining.compareAndSet(false, true)) {
          return;
        }
        continue;
      }
      write(batch);
    }
  }

  private void write(List<Pending> batch) {
    List<Outcome> outcomes = new ArrayList<>();
    List<Pending> deferred = new ArrayList<>();
    try {
      transactions.inTransaction(
          () -> {
            Set<ShadowKey> contended = new HashSet<>();
            for (Pending pending : batch) {
              ShadowKey key = new ShadowKey(pending.scope(), pending.id());
              if (contended.contains(key)) {
                deferred.add(pending);
                continue;
              }
              try {
                ObjectNode accepted =
                    applier.apply(pending.scope(), pending.id(), pending.request());
                if (accepted == null) {
                  contended.add(key);
                  deferred.add(pending);
                } else {
                  outcomes.add(new Outcome(pending, accepted));
                }
              } catch (ServiceException refused) {
                outcomes.add(new Outcome(pending, refused));
              }
            }
          });
    } catch (RuntimeException failure) {
      batch.forEach(p -> p.result().completeExceptionally(failure));
      return;
    }
    for (Outcome outcome : outcomes) {
      if (outcome.result() instanceof ObjectNode accepted) {
        outcome.pending().result().complete(accepted);
      } else {
        outcome.pending().result().completeExceptionally((Throwable) outcome.result());
      }
    }
    for (Pending pending : deferred) {
      try {
        pending
            .result()
            .complete(applier.applyAlone(pending.scope(), pending.id(), pending.request()));
      } catch (RuntimeException failure) {
        pending.result().completeExceptionally(failure);
      }
    }
  }
}
