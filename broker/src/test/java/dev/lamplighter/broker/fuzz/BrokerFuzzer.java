package dev.lamplighter.broker.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends mutated MQTT streams to a broker over plain TCP from several sockets at once, for a given
 * time, and checks that each socket is closed by the broker or answered (any byte back) within the
 * answer timeout, which should be the broker's connect timeout plus some slack.
 *
 * <p>Each worker draws its streams from a {@link Random} seeded with the run's seed and its index,
 * so a seed reproduces the streams each worker sends (not their interleaving).
 */
public final class BrokerFuzzer {
  private static final int MAX_REPORTED = 20;
  private static final Duration ANSWER_GRACE = Duration.ofMillis(100);

  /** What to fuzz, for how long, and how patiently. */
  public record Options(
      String host, int port, long seed, int sockets, Duration duration, Duration answerTimeout) {}

  /**
   * The outcome of a run.
   *
   * @param streams mutated streams sent
   * @param closed streams after which the broker closed the connection
   * @param answered streams the broker answered and left open (the fuzzer closed them)
   * @param silent streams left neither answered nor closed within the answer timeout (a defect), at
   *     most {@value #MAX_REPORTED} of them, described for replay
   * @param unreachable connections that could not be opened
   */
  public record Result(
      long seed,
      long streams,
      long closed,
      long answered,
      long silentCount,
      List<String> silent,
      long unreachable) {}

  private enum Outcome {
    CLOSED,
    ANSWERED,
    SILENT,
    UNREACHABLE
  }

  private final Options options;
  private final MqttMutator mutator = new MqttMutator(MqttCorpus.sessions());
  private final AtomicLong streams = new AtomicLong();
  private final AtomicLong closed = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong silentCount = new AtomicLong();
  private final AtomicLong unreachable = new AtomicLong();
  private final ConcurrentLinkedQueue<String> silent = new ConcurrentLinkedQueue<>();

  public BrokerFuzzer(Options options) {
    this.options = options;
  }

  /** Runs the workers for the options' duration and waits for them. */
  public Result run() throws InterruptedException {
    long deadline = System.nanoTime() + options.duration().toNanos();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < options.sockets(); i++) {
      Random random = new Random(options.seed() * 1_000_003L + i);
      Thread worker = new Thread(() -> work(random, deadline), "fuzz-socket-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    return new Result(
        options.seed(),
        streams.get(),
        closed.get(),
        answered.get(),
        silentCount.get(),
        List.copyOf(silent),
        unreachable.get());
  }

  private void work(Random random, long deadline) {
    while (System.nanoTime() < deadline) {
      MqttMutator.Mutant mutant = mutator.next(random);
      Outcome outcome = send(mutant.bytes());
      streams.incrementAndGet();
      switch (outcome) {
        case CLOSED -> closed.incrementAndGet();
        case ANSWERED -> answered.incrementAndGet();
        case UNREACHABLE -> unreachable.incrementAndGet();
        case SILENT -> {
          if (silentCount.incrementAndGet() <= MAX_REPORTED) {
            silent.add(mutant.describe());
          }
        }
      }
    }
  }

  private Outcome send(byte[] bytes) {
    try (Socket socket = new Socket()) {
      try {
        socket.connect(new InetSocketAddress(options.host(), options.port()), 5_000);
      } catch (IOException e) {
        return Outcome.UNREACHABLE;
      }
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(50);
      try {
        OutputStream out = socket.getOutputStream();
        out.write(bytes);
        out.flush();
      } catch (IOException e) {
        // Reset while writing: the broker closed the connection on an earlier part.
        return Outcome.CLOSED;
      }
      return awaitAnswer(socket.getInputStream());
    } catch (IOException e) {
      return Outcome.CLOSED;
    }
  }

  private Outcome awaitAnswer(InputStream in) {
    long start = System.nanoTime();
    long deadline = start + options.answerTimeout().toNanos();
    long graceEnd = 0;
    byte[] buffer = new byte[4096];
    while (true) {
      try {
        int read = in.read(buffer);
        if (read < 0) {
          return Outcome.CLOSED;
        }
        if (graceEnd == 0) {
          graceEnd = System.nanoTime() + ANSWER_GRACE.toNanos();
        }
      } catch (SocketTimeoutException e) {
        // keep waiting
      } catch (IOException e) {
        return Outcome.CLOSED;
      }
      long now = System.nanoTime();
      if (graceEnd != 0 && now >= graceEnd) {
        return Outcome.ANSWERED;
      }
      if (now >= deadline) {
        return graceEnd != 0 ? Outcome.ANSWERED : Outcome.SILENT;
      }
    }
  }
}
