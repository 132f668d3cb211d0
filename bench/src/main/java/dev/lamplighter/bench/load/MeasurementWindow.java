package dev.lamplighter.bench.load;

/**
 * The measured part of a run on the {@link System#nanoTime()} scale: requests that start before it
 * are warm-up, none start after it, and only requests that start and finish inside it count.
 */
public record MeasurementWindow(long startNanos, long endNanos) {
  public MeasurementWindow {
    if (endNanos <= startNanos) {
      throw new IllegalArgumentException("the measured window must not be empty");
    }
  }

  public boolean isOver(long nanos) {
    return nanos - endNanos >= 0;
  }

  public boolean contains(long fromNanos, long toNanos) {
    return fromNanos - startNanos >= 0 && endNanos - toNanos >= 0;
  }

  public double seconds() {
    return (endNanos - startNanos) / 1e9;
  }
}
