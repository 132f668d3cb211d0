package dev.lamplighter.index;

import java.util.List;

/**
 * GetBucketsAggregation's answer.
 *
 * @param totalCount how many things match the query
 * @param buckets the most frequent values of the field among them, most frequent first
 */
public record Buckets(long totalCount, List<Bucket> buckets) {
  public Buckets {
    buckets = List.copyOf(buckets);
  }
}
