package dev.lamplighter.core.tx;

import java.util.function.Supplier;

/**
 * Runs domain work as one atomic, durable write transaction.
 *
 * <p>Every repository call made on the calling thread inside {@code work} joins the same
 * transaction; a nested call joins the outer one. The transaction commits when {@code work} returns
 * and rolls back when it throws, rethrowing the exception unchanged. When this method returns, the
 * commit survives a crash of the process (kill -9).
 *
 * <p>Threading: callable from any thread; the store decides how concurrent writers are ordered
 * (SQLite has one writer at a time).
 */
public interface Transactions {

  <T> T inTransaction(Supplier<T> work);

  default void inTransaction(Runnable work) {
    inTransaction(
        () -> {
          work.run();
          return null;
        });
  }
}
