package dev.lamplighter.index;

import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import java.util.List;

/**
 * SearchIndex and the aggregations, over the caller's scope only. Each method first waits, at most
 * the index's read wait ({@link FleetIndexSettings#readWait}), until this node's index has applied
 * and published every change committed to the log before the call; the results then reflect every
 * write that completed before it (unlike AWS's eventually consistent index). After the bound, or
 * with a zero wait, results reflect the log as far as the index has applied it.
 *
 * <p>Threading: any thread; a call blocks its caller for at most the read wait plus the search.
 *
 * <p>Every method throws {@link dev.lamplighter.core.error.ServiceException} with INVALID_QUERY for
 * a query that does not parse or names an unknown field, RESOURCE_NOT_FOUND for an index that does
 * not exist or is switched off, INDEX_NOT_READY while the index is being built, and
 * INVALID_AGGREGATION (aggregations) for a field that cannot be aggregated that way.
 */
public interface FleetSearch {

  /** SearchIndex: matching documents in name order, a page at a time. */
  SearchResult search(Scope scope, IndexQuery query, PageRequest page);

  /** GetStatistics over {@code field} of the matching things; a null field counts them. */
  Statistics statistics(Scope scope, IndexQuery query, String field);

  /** GetCardinality: how many distinct values {@code field} has among the matching things. */
  long cardinality(Scope scope, IndexQuery query, String field);

  /** GetPercentiles of a numeric field; AWS's default percents when {@code percents} is empty. */
  List<PercentPair> percentiles(Scope scope, IndexQuery query, String field, List<Double> percents);

  /** GetBucketsAggregation with a terms aggregation: the most frequent values first. */
  Buckets buckets(Scope scope, IndexQuery query, String field, int maxBuckets);
}
