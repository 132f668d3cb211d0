package dev.lamplighter.bench.report;

import java.util.function.DoubleFunction;

/**
 * A target of the issue: a bound on a measured value, and how to write values of its unit.
 *
 * @param name what is measured
 * @param atLeast whether the value must reach the bound (throughput) or stay under it (time,
 *     memory)
 * @param bound the target
 * @param format writes a value with its unit
 */
record Goal(String name, boolean atLeast, double bound, DoubleFunction<String> format) {
  /** The table cells: name, measured value, target, met (yes, no, or n/a when not measured). */
  String[] cells(double measured) {
    String target = (atLeast ? ">= " : "<= ") + format.apply(bound);
    if (Double.isNaN(measured)) {
      return new String[] {name, "-", target, "n/a"};
    }
    boolean met = atLeast ? measured >= bound : measured <= bound;
    return new String[] {name, format.apply(measured), target, met ? "yes" : "NO"};
  }
}
