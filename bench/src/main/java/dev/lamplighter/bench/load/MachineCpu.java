package dev.lamplighter.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How busy the whole machine is, from the first line of Linux's {@code /proc/stat}: the share of
 * CPU time not idle, summed over all CPUs. With the load generator's and the target's own CPU it
 * shows how much other processes (another build, say) took during a measured window.
 */
public final class MachineCpu {
  private static final Path PROC_STAT = Path.of("/proc/stat");

  /** Cumulative CPU time counters, in the kernel's ticks. */
  public record Sample(long busy, long total) {}

  private MachineCpu() {}

  /** The counters now; empty when {@code /proc/stat} cannot be read (not Linux). */
  public static Optional<Sample> sample() {
    try {
      List<String> lines = Files.readAllLines(PROC_STAT, StandardCharsets.US_ASCII);
      if (lines.isEmpty() || !lines.get(0).startsWith("cpu ")) {
        return Optional.empty();
      }
      String[] fields = lines.get(0).trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal [guest guest_nice, already in user]
      long total = 0;
      for (int i = 1; i < Math.min(fields.length, 9); i++) {
        total += Long.parseLong(fields[i]);
      }
      long idle = Long.parseLong(fields[4]) + (fields.length > 5 ? Long.parseLong(fields[5]) : 0);
      return Optional.of(new Sample(total - idle, total));
    } catch (IOException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  /** Cores busy on average between two samples, or NaN when either is missing. */
  public static double busyCores(Optional<Sample> before, Optional<Sample> after, int cores) {
    if (before.isEmpty() || after.isEmpty()) {
      return Double.NaN;
    }
    long total = after.get().total() - before.get().total();
    return total <= 0
        ? Double.NaN
        : (double) (after.get().busy() - before.get().busy()) / total * cores;
  }
}
