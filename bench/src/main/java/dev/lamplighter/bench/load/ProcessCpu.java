package dev.lamplighter.bench.load;

import java.time.Duration;
import java.util.Optional;

/**
 * CPU time used by a process so far (user and system, all threads), to tell how much of the machine
 * the load generator itself and the target took during the measured window.
 */
public final class ProcessCpu {
  private final Optional<ProcessHandle> process;

  private ProcessCpu(Optional<ProcessHandle> process) {
    this.process = process;
  }

  public static ProcessCpu self() {
    return new ProcessCpu(Optional.of(ProcessHandle.current()));
  }

  /** The process of a pid; reads nothing when the pid is unknown or not visible. */
  public static ProcessCpu of(long pid) {
    return new ProcessCpu(ProcessHandle.of(pid));
  }

  /** The CPU time so far, or empty when the platform does not tell. */
  public Optional<Duration> total() {
    return process.flatMap(p -> p.info().totalCpuDuration());
  }
}
