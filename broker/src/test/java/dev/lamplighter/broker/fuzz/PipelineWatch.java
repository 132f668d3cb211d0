package dev.lamplighter.broker.fuzz;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.LoggerFactory;

/**
 * Watches the broker's JVM for what a malformed packet must never cause, through the log (Logback):
 * Netty's leak reports ({@code LEAK:}, on the paranoid level every buffer is tracked), exceptions
 * that reached the tail of a pipeline (nobody handled them), and any other warning or error from
 * Netty or the broker. Install it in the JVM that runs the broker, before the broker starts.
 */
public final class PipelineWatch extends AppenderBase<ILoggingEvent> implements AutoCloseable {
  private final List<String> leaks = new CopyOnWriteArrayList<>();
  private final List<String> escaped = new CopyOnWriteArrayList<>();
  private final List<String> others = new CopyOnWriteArrayList<>();
  private final ResourceLeakDetector.Level previousLevel;
  private final Logger root;

  private PipelineWatch() {
    previousLevel = ResourceLeakDetector.getLevel();
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  /** Sets leak detection to paranoid and starts watching the root logger. */
  public static PipelineWatch install() {
    PipelineWatch watch = new PipelineWatch();
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
    watch.setContext(watch.root.getLoggerContext());
    watch.setName("pipeline-watch");
    watch.start();
    watch.root.addAppender(watch);
    return watch;
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
      return;
    }
    String logger = event.getLoggerName();
    String message = event.getFormattedMessage();
    String line = event.getLevel() + " " + logger + ": " + message;
    if (message != null && message.contains("LEAK:")) {
      leaks.add(line);
    } else if (message != null && message.contains("reached at the tail of the pipeline")) {
      Object cause = event.getThrowableProxy();
      escaped.add(
          cause == null
              ? line
              : line
                  + " "
                  + event.getThrowableProxy().getClassName()
                  + ": "
                  + event.getThrowableProxy().getMessage());
    } else if (logger.startsWith("io.netty") || logger.startsWith("dev.lamplighter")) {
      others.add(line);
    }
  }

  /**
   * Has the leak detector report what the garbage collector found unreleased: leaks are reported
   * when a later buffer is allocated after the leaked one was collected. Call after the traffic.
   */
  public void provokeLeakReports() {
    for (int round = 0; round < 5; round++) {
      System.gc();
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      for (ByteBufAllocator allocator :
          List.of(
              ByteBufAllocator.DEFAULT,
              PooledByteBufAllocator.DEFAULT,
              UnpooledByteBufAllocator.DEFAULT)) {
        for (int i = 0; i < 32; i++) {
          allocator.buffer(64).release();
          allocator.directBuffer(64).release();
        }
      }
    }
  }

  /** Leak reports seen so far. */
  public List<String> leaks() {
    return List.copyOf(leaks);
  }

  /** Exceptions that reached the tail of a pipeline. */
  public List<String> escapedExceptions() {
    return List.copyOf(escaped);
  }

  /** Other warnings and errors from Netty or the broker. */
  public List<String> otherWarnings() {
    return List.copyOf(others);
  }

  /** Stops watching and restores the previous leak-detection level. */
  @Override
  public void close() {
    root.detachAppender(this);
    stop();
    ResourceLeakDetector.setLevel(previousLevel);
  }
}
