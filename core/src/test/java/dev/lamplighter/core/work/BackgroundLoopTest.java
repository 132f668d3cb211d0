package dev.lamplighter.core.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The loop pauses as its step asks, wakes on demand, and ends without interrupting its step. */
class BackgroundLoopTest {

  @Test
  void wake_endsALongPause_andClose_endsTheLoopAndRunsItsExit() throws Exception {
    AtomicInteger rounds = new AtomicInteger();
    CountDownLatch exited = new CountDownLatch(1);
    BackgroundLoop loop =
        new BackgroundLoop(
            "test-loop",
            () -> {
              rounds.incrementAndGet();
              return Duration.ofMinutes(10);
            },
            exited::countDown);
    loop.start();
    awaitRounds(rounds, 1);

    loop.wake();
    awaitRounds(rounds, 2);

    loop.close();
    assertThat(exited.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(loop.isRunning()).isFalse();
  }

  private static void awaitRounds(AtomicInteger rounds, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (rounds.get() < expected && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    assertThat(rounds.get()).isEqualTo(expected);
  }

  @Test
  void close_waitsForTheStepInHand_whichIsNotInterrupted() throws Exception {
    CountDownLatch inStep = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    AtomicBoolean finished = new AtomicBoolean();
    BackgroundLoop loop =
        new BackgroundLoop(
            "busy-loop",
            () -> {
              inStep.countDown();
              long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
              while (System.nanoTime() < until) {
                interrupted.compareAndSet(false, Thread.currentThread().isInterrupted());
              }
              finished.set(true);
              return Duration.ofMinutes(1);
            },
            () -> {});
    loop.start();
    assertThat(inStep.await(5, TimeUnit.SECONDS)).isTrue();

    loop.close();

    assertThat(finished).isTrue();
    assertThat(interrupted).isFalse();
  }
}
