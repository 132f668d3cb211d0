package dev.lamplighter.jobs.spi;

import java.time.Instant;

/**
 * What the job engine keeps across nodes: a lease, so that one node at a time drives rollouts and
 * timers, and the change log position of the engine's follower.
 */
public interface EngineStateRepository {

  /**
   * Takes or renews the lease {@code name} for {@code owner} until {@code until}, if it is free,
   * expired at {@code now}, or held by {@code owner} already.
   *
   * @return whether {@code owner} holds the lease now
   */
  boolean tryLease(String name, String owner, Instant now, Instant until);

  /** Gives the lease up if {@code owner} holds it. */
  void releaseLease(String name, String owner);

  /** The change log sequence consumer {@code name} applied last, or 0. */
  long position(String name);

  /** Records the change log sequence consumer {@code name} applied last. */
  void savePosition(String name, long sequence);
}
