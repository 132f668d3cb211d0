package dev.lamplighter.index.internal;

import dev.lamplighter.core.event.ChangeLog;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a read answered from the index until the index has taken in every change committed before
 * the read arrived, so that a client that wrote and then searches finds its write (AWS's fleet
 * index is only eventually consistent).
 *
 * <p>The read takes the head of the change log when it arrives (the shared log: with several nodes
 * on one PostgreSQL, a write through another node counts too), then waits until this node's feed
 * has applied and published up to it, at most the configured wait; after that it answers from what
 * the index holds, as a read with a zero wait always does. A write committed while the read waits
 * is not waited for, so a stream of writes cannot hold a read back beyond that one head.
 *
 * <p>Threading: any thread; each call blocks only its caller.
 */
final class IndexReadWait {
  private static final Logger LOG = LoggerFactory.getLogger(IndexReadWait.class);

  private final ChangeLog log;
  private final ChangeFeed feed;
  private final Duration wait;

  IndexReadWait(ChangeLog log, ChangeFeed feed, Duration wait) {
    this.log = log;
    this.feed = feed;
    this.wait = wait;
  }

  /**
   * Waits for the index to reflect the log as it is now.
   *
   * @return true when it does, false when the wait is off or timed out (the read goes on anyway)
   */
  boolean awaitCommittedWrites() {
    if (wait.isZero()) {
      return false;
    }
    long head = log.head();
    try {
      if (feed.awaitSearchable(head, wait)) {
        return true;
      }
      LOG.warn(
          "[fleet-index] a read waited {} ms for sequence {}; answering at sequence {}",
          wait.toMillis(),
          head,
          feed.searchableSequence());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
