package dev.lamplighter.index.internal.query;

import dev.lamplighter.index.Statistics;

/** Running count, sum, extremes and sum of squares of a Number field's values. */
final class NumberSummary {
  private long count;
  private double sum;
  private double sumOfSquares;
  private double minimum = Double.POSITIVE_INFINITY;
  private double maximum = Double.NEGATIVE_INFINITY;

  void add(double value) {
    count++;
    sum += value;
    sumOfSquares += value * value;
    minimum = Math.min(minimum, value);
    maximum = Math.max(maximum, value);
  }

  /** The statistics AWS reports; variance is the population variance, as AWS computes it. */
  Statistics toStatistics() {
    if (count == 0) {
      return new Statistics(0, null, null, null, null, null, null, null);
    }
    double average = sum / count;
    // Rounding can take E[x²] - E[x]² a hair below zero for identical values.
    double variance = Math.max(0, sumOfSquares / count - average * average);
    return new Statistics(
        count, average, sum, minimum, maximum, sumOfSquares, variance, Math.sqrt(variance));
  }
}
