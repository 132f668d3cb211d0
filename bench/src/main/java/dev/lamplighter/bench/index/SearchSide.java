package dev.lamplighter.bench.index;

/** One way of running the {@link QueryMix}: through the server's API, or on raw Lucene. */
interface SearchSide {
  /** The label of this side in result lines: api or raw. */
  String label();

  /** Runs one query for timing, returning a 2xx-like status (or another) and its latency. */
  Outcome time(QueryMix query) throws InterruptedException;

  /** Runs one query once for its results, outside the timing. */
  Sample sample(QueryMix query) throws InterruptedException;

  /**
   * @param status 200 when the query succeeded; the HTTP status or 0 otherwise
   * @param nanos the latency
   */
  record Outcome(int status, long nanos) {}

  /**
   * What a query found, so that the two sides can be seen to agree.
   *
   * @param page things on the first page
   * @param first the first name on it, or null
   * @param last the last name on it, or null
   * @param matches all the things the query matches, -1 when unknown
   */
  record Sample(int page, String first, String last, long matches) {}
}
