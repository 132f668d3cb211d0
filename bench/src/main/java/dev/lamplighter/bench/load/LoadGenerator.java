package dev.lamplighter.bench.load;

import dev.lamplighter.bench.StandardOutput;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one target with one scenario at a fixed concurrency and prints one result line (see {@link
 * LoadResult}); diagnostics go to the log on standard error. Usage: {@link LoadOptions#USAGE}.
 * Exits 2 on a bad command line.
 *
 * <p>Closed loop: each of the {@code CONCURRENCY} workers has exactly one request in flight, so
 * throughput is what the target (and this process, on the same machine) can sustain, and latency is
 * measured without a queue in front of the target.
 */
public final class LoadGenerator {
  private static final Logger LOG = LoggerFactory.getLogger(LoadGenerator.class);

  private LoadGenerator() {}

  public static void main(String[] args) throws InterruptedException {
    LoadOptions options;
    Scenario scenario;
    try {
      options = LoadOptions.parse(args);
      scenario = Scenario.named(options.scenario(), options);
    } catch (IllegalArgumentException e) {
      LOG.error(e.getMessage());
      System.exit(2);
      return;
    }
    StandardOutput.println(run(options, scenario).line());
  }

  static LoadResult run(LoadOptions options, Scenario scenario) throws InterruptedException {
    RequestSigner signer = new RequestSigner(options.target(), scenario.signingName());
    List<HttpClient> clients = options.client().clients(options.concurrency());
    long startNanos = System.nanoTime();
    long measureStart = startNanos + options.warmUp().toNanos();
    MeasurementWindow window =
        new MeasurementWindow(measureStart, measureStart + options.measure().toNanos());
    AtomicBoolean firstErrorLogged = new AtomicBoolean();

    List<Worker> workers = new ArrayList<>(options.concurrency());
    List<Thread> threads = new ArrayList<>(options.concurrency());
    for (int i = 0; i < options.concurrency(); i++) {
      Worker worker = new Worker(i, scenario, signer, clients.get(i), window, firstErrorLogged);
      workers.add(worker);
      Thread thread = new Thread(worker, "load-worker-" + i);
      threads.add(thread);
    }
    LOG.info(
        "{} {} at {}: {} workers, {} HTTP client, warm-up {} ms, measure {} ms",
        options.label(),
        scenario.operation(),
        options.target(),
        options.concurrency(),
        options.client().label(),
        options.warmUp().toMillis(),
        options.measure().toMillis());
    threads.forEach(Thread::start);

    ProcessCpu self = ProcessCpu.self();
    ProcessCpu target =
        options.targetPid().isPresent() ? ProcessCpu.of(options.targetPid().getAsLong()) : null;
    sleepUntil(window.startNanos());
    Optional<Duration> selfBefore = self.total();
    Optional<Duration> targetBefore = target == null ? Optional.empty() : target.total();
    Optional<MachineCpu.Sample> machineBefore = MachineCpu.sample();
    sleepUntil(window.endNanos());
    Optional<MachineCpu.Sample> machineAfter = MachineCpu.sample();
    Optional<Duration> selfUsed = difference(selfBefore, self.total());
    Optional<Duration> targetUsed =
        target == null ? Optional.empty() : difference(targetBefore, target.total());
    double machineCores =
        MachineCpu.busyCores(
            machineBefore, machineAfter, Runtime.getRuntime().availableProcessors());
    for (Thread thread : threads) {
      thread.join();
    }
    LatencyRecorder.Summary summary =
        LatencyRecorder.merge(workers.stream().map(Worker::recorder).toList());
    return new LoadResult(
        options,
        scenario.operation(),
        summary,
        window.seconds(),
        selfUsed,
        targetUsed,
        machineCores);
  }

  private static void sleepUntil(long nanos) throws InterruptedException {
    long left;
    while ((left = nanos - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  private static Optional<Duration> difference(
      Optional<Duration> before, Optional<Duration> after) {
    return before.flatMap(b -> after.map(a -> a.minus(b)));
  }
}
