package dev.lamplighter.broker.internal;

/**
 * A per-connection token bucket for publishes: {@code perSecond} tokens, refilled continuously. A
 * publish over the rate still takes its token (the bucket goes into debt) and the caller learns how
 * long to stop reading from the client until the debt is paid, so a fast publisher is slowed to the
 * rate by TCP back-pressure and nothing it sent is dropped. Used only on the connection's event
 * loop.
 */
final class PublishRate {
  private static final double NANOS_PER_SECOND = 1_000_000_000.0;

  private final double perSecond;
  private double tokens;
  private long lastNanos;

  PublishRate(int perSecond, long nowNanos) {
    this.perSecond = perSecond;
    this.tokens = perSecond;
    this.lastNanos = nowNanos;
  }

  /** Takes a token; returns 0, or how many nanoseconds to pause reading for. */
  long acquire(long nowNanos) {
    long elapsed = Math.max(0, nowNanos - lastNanos);
    tokens = Math.min(perSecond, tokens + elapsed / NANOS_PER_SECOND * perSecond);
    lastNanos = Math.max(lastNanos, nowNanos);
    tokens -= 1;
    return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perSecond * NANOS_PER_SECOND);
  }
}
