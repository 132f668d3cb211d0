package dev.lamplighter.bench;

import dev.lamplighter.core.SuppressForbidden;

/**
 * The harness's standard output: the lines {@code bench/run} reads (a port, result lines) and the
 * report it shows. Diagnostics go to the log (standard error) instead.
 */
public final class StandardOutput {
  private StandardOutput() {}

  @SuppressForbidden(reason = "standard output is how the bench mains hand results to bench/run")
  public static void println(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
