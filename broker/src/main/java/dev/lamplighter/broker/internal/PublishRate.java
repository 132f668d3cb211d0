package dev.lamplighter.broker.internal;

/**
 * A per-connection token bucket for publishes: {@code perSecond} tokens, refilled continuously.
 * Used only on the connection's event loop.
 */
final class PublishRate {
  private final double perSecond;
  private double tokens;
  private long lastNanos;

  PublishRate(int perSecond, long nowNanos) {
    this.perSecond = perSecond;
    this.tokens = perSecond;
    this.lastNanos = nowNanos;
  }

  /** Takes a token; false when the connection is over its rate. */
  boolean tryAcquire(long nowNanos) {
    double refill = (nowNanos - lastNanos) / 1_000_000_000.0 * perSecond;
    lastNanos = nowNanos;
    tokens = Math.min(perSecond, tokens + refill);
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
