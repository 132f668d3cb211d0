package dev.lamplighter.gateway.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that serve requests on reserved topics, off the broker's event loops: a few
 * single-thread executors with bounded queues, one chosen per key by {@code Math.floorMod} of its
 * hash, so the requests of one thing run one at a time and in order (an update to IN_PROGRESS and
 * the SUCCEEDED right behind it must not swap) while different things run in parallel.
 *
 * <p>Threading: {@link #submit} is safe from any thread and never blocks.
 */
public final class RequestThreads implements AutoCloseable {
  private final List<ThreadPoolExecutor> executors;

  /**
   * @param threads how many executors
   * @param queueCapacity how many requests each may hold waiting before refusing more
   */
  public RequestThreads(int threads, int queueCapacity) {
    if (threads < 1 || queueCapacity < 1) {
      throw new IllegalArgumentException("threads and queueCapacity must be at least 1");
    }
    List<ThreadPoolExecutor> list = new ArrayList<>(threads);
    for (int i = 0; i < threads; i++) {
      String name = "reserved-topic-requests-" + i;
      ThreadPoolExecutor executor =
          new ThreadPoolExecutor(
              1,
              1,
              0,
              TimeUnit.MILLISECONDS,
              new ArrayBlockingQueue<>(queueCapacity),
              r -> {
                Thread thread = new Thread(r, name);
                thread.setDaemon(true);
                return thread;
              },
              new ThreadPoolExecutor.AbortPolicy());
      list.add(executor);
    }
    this.executors = List.copyOf(list);
  }

  /**
   * Queues {@code work} on the executor of {@code key}.
   *
   * @return false when that executor's queue is full (or the threads are closed)
   */
  public boolean submit(String key, Runnable work) {
    ThreadPoolExecutor executor = executors.get(Math.floorMod(key.hashCode(), executors.size()));
    try {
      executor.execute(work);
      return true;
    } catch (RejectedExecutionException full) {
      return false;
    }
  }

  /** Lets queued requests finish for up to {@code timeout}, then stops the threads. */
  public void close(Duration timeout) {
    executors.forEach(ThreadPoolExecutor::shutdown);
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ThreadPoolExecutor executor : executors) {
      try {
        long left = deadline - System.nanoTime();
        if (left <= 0 || !executor.awaitTermination(left, TimeUnit.NANOSECONDS)) {
          executor.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        executor.shutdownNow();
      }
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }
}
