package dev.lamplighter.gateway.auth;

import dev.lamplighter.core.event.ChangeLog;

/**
 * Finds the sequence of the last committed change log entry with the port's one read: galloping,
 * then a binary search on "is there an entry after this sequence", so a log of n entries costs
 * about 2·log₂(n) one-row reads instead of reading it all.
 */
final class LogHead {
  private LogHead() {}

  static long of(ChangeLog log) {
    if (log.readAfter(0, 1).isEmpty()) {
      return 0;
    }
    long low = 0; // an entry follows low
    long high = 1;
    while (!log.readAfter(high, 1).isEmpty()) {
      low = high;
      high = high > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : high * 2;
    }
    // An entry follows low and none follows high: the head is in (low, high].
    while (high - low > 1) {
      long middle = low + (high - low) / 2;
      if (log.readAfter(middle, 1).isEmpty()) {
        high = middle;
      } else {
        low = middle;
      }
    }
    return high;
  }
}
