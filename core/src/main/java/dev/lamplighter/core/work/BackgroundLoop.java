package dev.lamplighter.core.work;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One daemon thread that runs a step, pauses for as long as the step asks (or until {@link #wake}),
 * and runs it again until {@link #close}. The thread is never interrupted: Lucene closes its files
 * when a thread is interrupted during I/O, so {@link #close} ends the pause through a condition and
 * waits for the step in hand.
 *
 * <p>Threading: the step runs on the loop's thread only; every method is safe from any thread.
 */
public final class BackgroundLoop implements AutoCloseable {

  /** One round of work; returns how long to pause before the next (zero: go on at once). */
  @FunctionalInterface
  public interface Step {
    Duration run();
  }

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition signal = lock.newCondition();
  private final Thread thread;
  private final Runnable onExit;
  private volatile boolean running = true;
  private boolean woken;

  /**
   * @param name the thread's name
   * @param onExit runs on the loop's thread once the loop ends
   */
  public BackgroundLoop(String name, Step step, Runnable onExit) {
    Objects.requireNonNull(step, "step");
    this.onExit = Objects.requireNonNull(onExit, "onExit");
    this.thread = new Thread(() -> loop(step), name);
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Whether the loop's thread runs. */
  public boolean isRunning() {
    return thread.isAlive();
  }

  /** Ends the current pause at once (the next pause is not skipped). */
  public void wake() {
    lock.lock();
    try {
      woken = true;
      signal.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Wakes threads waiting on {@link #awaitSignal}, without ending the loop's pause. */
  public void signalProgress() {
    lock.lock();
    try {
      signal.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until {@code done} holds, re-checking it each time the loop signals progress; false when
   * {@code timeout} passed first.
   */
  public boolean awaitSignal(java.util.function.BooleanSupplier done, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lock();
    try {
      while (!done.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        signal.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void loop(Step step) {
    try {
      while (running) {
        Duration pause = step.run();
        if (!pause.isZero() && !pause.isNegative()) {
          pause(pause);
        }
      }
    } finally {
      onExit.run();
    }
  }

  private void pause(Duration duration) {
    lock.lock();
    try {
      long left = duration.toNanos();
      while (running && !woken && left > 0) {
        left = signal.awaitNanos(left);
      }
      woken = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  /** Stops the loop and waits (up to 30 seconds) for the step in hand. */
  @Override
  public void close() {
    lock.lock();
    try {
      running = false;
      signal.signalAll();
    } finally {
      lock.unlock();
    }
    if (thread.isAlive() && Thread.currentThread() != thread) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
