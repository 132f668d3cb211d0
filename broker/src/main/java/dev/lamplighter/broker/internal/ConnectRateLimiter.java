package dev.lamplighter.broker.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * AWS IoT Core's connect-rate limits, checked when a CONNECT arrives and before authentication: a
 * token bucket for the whole broker ({@code perSecond} tokens a second, a burst of one second's
 * worth) and one per client id ({@code perClientIdPerSecond} a second, a burst of at least {@link
 * #CLIENT_ID_BURST}).
 *
 * <p>AWS allows one CONNECT per second per client id and refuses the rest. A device that drops its
 * connection and reconnects at once, or a test suite that connects the same client id in
 * consecutive tests, would be refused by a strict one-per-second bucket, so the per-client-id
 * bucket holds a small burst; a client id that keeps reconnecting (a crash loop, two devices
 * fighting over one client id) is still held to the configured rate once the burst is spent.
 *
 * <p>The per-client-id buckets cannot grow without bound: a bucket that has refilled to capacity
 * means the same as no bucket, so a sweep, at most once a second and run by whichever CONNECT comes
 * first after that second, drops the full ones; and a bucket is made only for a CONNECT the
 * broker-wide bucket admitted, so at most {@code perSecond} new client ids a second arrive, each
 * kept for at most the bucket's refill time. Buckets are immutable values replaced atomically per
 * key, so the sweep never drops a bucket another thread has just drawn from.
 *
 * <p>Threading: safe from any thread (every event loop calls it); nothing blocks for long.
 */
final class ConnectRateLimiter {
  /** The smallest burst a client id is allowed, whatever its per-second rate. */
  static final int CLIENT_ID_BURST = 5;

  private static final long SECOND = 1_000_000_000L;

  /** Whether a CONNECT may go on to authentication. */
  enum Verdict {
    ACCEPTED,
    /** The client id is over its rate. */
    CLIENT_ID_THROTTLED,
    /** The broker as a whole is over its rate. */
    BROKER_THROTTLED
  }

  private record Bucket(double tokens, long atNanos) {
    Bucket refilled(long nowNanos, double perSecond, double capacity) {
      double added = Math.max(0, nowNanos - atNanos) / (double) SECOND * perSecond;
      return new Bucket(Math.min(capacity, tokens + added), nowNanos);
    }
  }

  private final double perSecond;
  private final double perClientIdPerSecond;
  private final double clientIdCapacity;
  private final LongSupplier nanoClock;
  private final ConcurrentHashMap<String, Bucket> clientIds = new ConcurrentHashMap<>();
  private final AtomicLong lastSweepNanos;
  private Bucket broker;

  /**
   * @param perSecond CONNECTs a second the whole broker accepts
   * @param perClientIdPerSecond CONNECTs a second one client id may make
   * @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime} outside tests)
   */
  ConnectRateLimiter(int perSecond, int perClientIdPerSecond, LongSupplier nanoClock) {
    if (perSecond < 1 || perClientIdPerSecond < 1) {
      throw new IllegalArgumentException("connect rates must be at least 1 a second");
    }
    this.perSecond = perSecond;
    this.perClientIdPerSecond = perClientIdPerSecond;
    this.clientIdCapacity = Math.max(perClientIdPerSecond, CLIENT_ID_BURST);
    this.nanoClock = nanoClock;
    long now = nanoClock.getAsLong();
    this.broker = new Bucket(perSecond, now);
    this.lastSweepNanos = new AtomicLong(now);
  }

  /**
   * Takes a token from the broker's bucket, then from the client id's.
   *
   * @param clientId the client id the CONNECT asked for; null for one the broker assigns (it is new
   *     and unique, so only the broker-wide limit applies)
   */
  Verdict tryConnect(String clientId) {
    long now = nanoClock.getAsLong();
    if (!takeBrokerToken(now)) {
      return Verdict.BROKER_THROTTLED;
    }
    if (clientId == null) {
      return Verdict.ACCEPTED;
    }
    sweep(now);
    boolean[] taken = new boolean[1];
    clientIds.compute(
        clientId,
        (id, bucket) -> {
          Bucket current =
              bucket == null
                  ? new Bucket(clientIdCapacity, now)
                  : bucket.refilled(now, perClientIdPerSecond, clientIdCapacity);
          if (current.tokens() < 1) {
            return current;
          }
          taken[0] = true;
          return new Bucket(current.tokens() - 1, now);
        });
    return taken[0] ? Verdict.ACCEPTED : Verdict.CLIENT_ID_THROTTLED;
  }

  /** How many client ids have a bucket that is not full (for tests). */
  int trackedClientIds() {
    return clientIds.size();
  }

  private synchronized boolean takeBrokerToken(long now) {
    Bucket current = broker.refilled(now, perSecond, perSecond);
    if (current.tokens() < 1) {
      broker = current;
      return false;
    }
    broker = new Bucket(current.tokens() - 1, now);
    return true;
  }

  private void sweep(long now) {
    long last = lastSweepNanos.get();
    if (now - last < SECOND || !lastSweepNanos.compareAndSet(last, now)) {
      return;
    }
    // remove(key, value) semantics: a bucket replaced since it was read is kept.
    clientIds
        .values()
        .removeIf(
            bucket ->
                bucket.refilled(now, perClientIdPerSecond, clientIdCapacity).tokens()
                    >= clientIdCapacity);
  }
}
