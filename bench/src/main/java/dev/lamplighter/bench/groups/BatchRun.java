package dev.lamplighter.bench.groups;

import dev.lamplighter.bench.load.BenchRequest;
import dev.lamplighter.bench.load.LatencyRecorder;
import dev.lamplighter.bench.load.MachineCpu;
import dev.lamplighter.bench.load.ProcessCpu;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed amount of work: requests {@code 0 .. count-1}, taken in order by {@code concurrency}
 * closed-loop workers, each with one synchronous request in flight. Unlike the load generator's
 * timed window, every request counts: the rate is the successful requests over the wall time from
 * the first request to the last answer, and the latencies are those of every successful request
 * (the send alone, not the signing), the server's JIT warm-up included.
 *
 * <p>Each request is made once; a failed one is counted by status and not retried.
 */
public final class BatchRun {
  private static final Logger LOG = LoggerFactory.getLogger(BatchRun.class);

  private BatchRun() {}

  /**
   * What a batch measured.
   *
   * @param operation the AWS operation
   * @param count requests made
   * @param concurrency workers
   * @param summary successful latencies and the failures by status
   * @param seconds wall time of the batch
   * @param loadGeneratorCpu this process's CPU time during the batch, when known
   * @param targetCpu the server's CPU time during the batch, when known
   * @param machineCores cores the whole machine used on average, NaN when unknown
   */
  public record Result(
      String operation,
      int count,
      int concurrency,
      LatencyRecorder.Summary summary,
      double seconds,
      Optional<Duration> loadGeneratorCpu,
      Optional<Duration> targetCpu,
      double machineCores) {

    /** The result line {@code batch label=… operation=… rps=… p50_ms=…}. */
    public String line(String label) {
      return new RawLine("batch")
          .put("label", label)
          .put("operation", operation)
          .put("requests", count)
          .put("concurrency", concurrency)
          .put("ok", summary.successes())
          .put("errors", summary.errors())
          .statuses("error_statuses", summary.errorsByStatus())
          .number("seconds", seconds, 2)
          .number("rps", summary.successes() / seconds, 1)
          .number("p50_ms", summary.percentileMillis(50), 3)
          .number("p99_ms", summary.percentileMillis(99), 3)
          .number("max_ms", summary.percentileMillis(100), 3)
          .number("loadgen_cpu", cores(loadGeneratorCpu), 2)
          .number("target_cpu", cores(targetCpu), 2)
          .number("machine_cpu", machineCores, 2)
          .toString();
    }

    private double cores(Optional<Duration> cpu) {
      return cpu.map(d -> d.toNanos() / 1e9 / seconds).orElse(Double.NaN);
    }
  }

  public static Result run(
      SignedClient client,
      String operation,
      int count,
      int concurrency,
      IntFunction<BenchRequest> requests,
      OptionalLong targetPid)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean firstErrorLogged = new AtomicBoolean();
    int workers = Math.min(concurrency, count);
    List<LatencyRecorder> recorders = new ArrayList<>(workers);
    List<Thread> threads = new ArrayList<>(workers);
    for (int w = 0; w < workers; w++) {
      LatencyRecorder recorder = new LatencyRecorder();
      recorders.add(recorder);
      int worker = w;
      threads.add(
          new Thread(
              () ->
                  work(
                      client, operation, count, requests, next, recorder, worker, firstErrorLogged),
              "batch-worker-" + w));
    }

    ProcessCpu self = ProcessCpu.self();
    Optional<ProcessCpu> target =
        targetPid.isPresent()
            ? Optional.of(ProcessCpu.of(targetPid.getAsLong()))
            : Optional.empty();
    Optional<Duration> selfBefore = self.total();
    Optional<Duration> targetBefore = target.flatMap(ProcessCpu::total);
    Optional<MachineCpu.Sample> machineBefore = MachineCpu.sample();
    long start = System.nanoTime();
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Optional<MachineCpu.Sample> machineAfter = MachineCpu.sample();
    return new Result(
        operation,
        count,
        workers,
        LatencyRecorder.merge(recorders),
        seconds,
        difference(selfBefore, self.total()),
        difference(targetBefore, target.flatMap(ProcessCpu::total)),
        MachineCpu.busyCores(
            machineBefore, machineAfter, Runtime.getRuntime().availableProcessors()));
  }

  private static void work(
      SignedClient client,
      String operation,
      int count,
      IntFunction<BenchRequest> requests,
      AtomicInteger next,
      LatencyRecorder recorder,
      int worker,
      AtomicBoolean firstErrorLogged) {
    int i;
    while ((i = next.getAndIncrement()) < count) {
      BenchRequest request = requests.apply(i);
      SignedClient.Answer answer;
      try {
        answer = client.send(request);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      recorder.record(answer.status(), answer.nanos());
      if (!answer.ok() && firstErrorLogged.compareAndSet(false, true)) {
        LOG.warn(
            "[{}] {} {} {} answered {}: {}",
            worker,
            operation,
            request.method(),
            request.path(),
            answer.status(),
            answer.text());
      }
    }
  }

  private static Optional<Duration> difference(
      Optional<Duration> before, Optional<Duration> after) {
    return before.flatMap(b -> after.map(a -> a.minus(b)));
  }
}
