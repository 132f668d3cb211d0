package dev.lamplighter.index.internal;

/**
 * Whether searches may be answered: an index built from scratch (new, or rebuilt after it was lost)
 * is BUILDING until the feed has caught up with the change log, so a search cannot return a partial
 * fleet as if it were whole. An index that resumed from a commit serves at once; it lags only by
 * the entries since that commit.
 */
final class IndexReadiness {
  private final boolean builtFromScratch;
  private volatile boolean caughtUp;

  IndexReadiness(boolean builtFromScratch) {
    this.builtFromScratch = builtFromScratch;
  }

  void caughtUp() {
    caughtUp = true;
  }

  boolean ready() {
    return !builtFromScratch || caughtUp;
  }
}
