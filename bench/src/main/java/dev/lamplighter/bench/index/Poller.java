package dev.lamplighter.bench.index;

import java.time.Duration;

/**
 * Asks a question every few milliseconds until the answer is yes, and says when that was. The
 * server's change feed applies writes in the background, so how soon a write shows is found only by
 * asking.
 */
public final class Poller {
  static final Duration INTERVAL = Duration.ofMillis(5);
  static final Duration GIVE_UP = Duration.ofSeconds(30);

  /** A question to the server; true when the write shows. */
  public interface Check {
    boolean holds() throws InterruptedException;
  }

  private Poller() {}

  /** The {@link System#nanoTime()} at which the check first held, or -1 after {@link #GIVE_UP}. */
  static long until(Check check) throws InterruptedException {
    return until(check, GIVE_UP);
  }

  /** The {@link System#nanoTime()} at which the check first held, or -1 after {@code giveUp}. */
  public static long until(Check check, Duration giveUp) throws InterruptedException {
    long deadline = System.nanoTime() + giveUp.toNanos();
    while (System.nanoTime() < deadline) {
      if (check.holds()) {
        return System.nanoTime();
      }
      Thread.sleep(INTERVAL.toMillis());
    }
    return -1;
  }
}
