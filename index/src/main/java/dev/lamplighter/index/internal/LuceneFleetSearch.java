package dev.lamplighter.index.internal;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.index.Buckets;
import dev.lamplighter.index.FleetSearch;
import dev.lamplighter.index.IndexQuery;
import dev.lamplighter.index.PercentPair;
import dev.lamplighter.index.SearchResult;
import dev.lamplighter.index.Statistics;
import dev.lamplighter.index.ThingGroupIndexDocument;
import dev.lamplighter.index.ThingIndexDocument;
import dev.lamplighter.index.internal.query.Aggregations;
import dev.lamplighter.index.internal.query.DocumentMapper;
import dev.lamplighter.index.internal.query.FieldCatalogue;
import dev.lamplighter.index.internal.query.FleetQueryParser;
import dev.lamplighter.index.internal.query.IndexKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.TopDocs;

/** SearchIndex and the aggregations on this node's Lucene index. */
final class LuceneFleetSearch implements FleetSearch {
  private static final Sort BY_NAME = byName();

  private final LuceneIndex index;
  private final ScopeConfigurations configurations;
  private final IndexReadiness readiness;
  private final IndexReadWait readWait;

  LuceneFleetSearch(
      LuceneIndex index,
      ScopeConfigurations configurations,
      IndexReadiness readiness,
      IndexReadWait readWait) {
    this.index = index;
    this.configurations = configurations;
    this.readiness = readiness;
    this.readWait = readWait;
  }

  /**
   * Name order without Lucene's skipping of non-competitive documents through the indexed names:
   * with one distinct name per thing, that skipping opens a postings list per candidate name and
   * costs ten times the search it would shorten.
   */
  private static Sort byName() {
    SortField name = new SortField(DocumentMapper.NAME_FIELD, SortField.Type.STRING);
    name.setOptimizeSortWithIndexedData(false);
    return new Sort(name);
  }

  @Override
  public SearchResult search(Scope scope, IndexQuery query, PageRequest page) {
    Target target = target(scope, query);
    BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(target.query(), Occur.FILTER);
    page.after()
        .ifPresent(
            after ->
                filtered.add(
                    TermRangeQuery.newStringRange(
                        DocumentMapper.NAME_FIELD, after, null, false, false),
                    Occur.FILTER));
    return withSearcher(
        searcher -> {
          TopDocs top = searcher.search(filtered.build(), page.limit() + 1, BY_NAME);
          return page(target.kind(), searcher, top.scoreDocs, page.limit());
        });
  }

  @Override
  public Statistics statistics(Scope scope, IndexQuery query, String field) {
    Target target = target(scope, query);
    return withSearcher(
        searcher -> Aggregations.statistics(searcher, target.query(), field, target.catalogue()));
  }

  @Override
  public long cardinality(Scope scope, IndexQuery query, String field) {
    Target target = target(scope, query);
    return withSearcher(
        searcher -> Aggregations.cardinality(searcher, target.query(), field, target.catalogue()));
  }

  @Override
  public List<PercentPair> percentiles(
      Scope scope, IndexQuery query, String field, List<Double> percents) {
    Target target = target(scope, query);
    return withSearcher(
        searcher ->
            Aggregations.percentiles(
                searcher, target.query(), field, percents, target.catalogue()));
  }

  @Override
  public Buckets buckets(Scope scope, IndexQuery query, String field, int maxBuckets) {
    Target target = target(scope, query);
    return withSearcher(
        searcher ->
            new Buckets(
                searcher.count(target.query()),
                Aggregations.buckets(
                    searcher, target.query(), field, maxBuckets, target.catalogue())));
  }

  private static SearchResult page(
      IndexKind kind, IndexSearcher searcher, ScoreDoc[] hits, int limit) throws IOException {
    int kept = Math.min(hits.length, limit);
    IndexReader reader = searcher.getIndexReader();
    List<ThingIndexDocument> things = new ArrayList<>();
    List<ThingGroupIndexDocument> groups = new ArrayList<>();
    String last = null;
    for (int i = 0; i < kept; i++) {
      if (kind == IndexKind.THINGS) {
        ThingIndexDocument thing = DocumentMapper.readThing(reader, hits[i].doc);
        things.add(thing);
        last = thing.thingName();
      } else {
        ThingGroupIndexDocument group = DocumentMapper.readThingGroup(reader, hits[i].doc);
        groups.add(group);
        last = group.thingGroupName();
      }
    }
    Optional<String> next = hits.length > limit ? Optional.of(last) : Optional.empty();
    return new SearchResult(things, groups, next);
  }

  /**
   * The parsed query, limited to the caller's scope, after the checks every operation makes. First
   * waits (boundedly) for the index to take in the writes committed before the call, so that the
   * checks and the search see them, the indexing configuration included.
   */
  private Target target(Scope scope, IndexQuery query) {
    readWait.awaitCommittedWrites();
    IndexKind kind = IndexNames.kind(query.indexName());
    if (!IndexNames.enabled(configurations.configuration(scope), kind)) {
      throw IndexNames.notFound(query.indexName());
    }
    if (query.queryVersion() != null && !IndexQuery.QUERY_VERSION.equals(query.queryVersion())) {
      throw new ServiceException(
          ErrorCode.INVALID_QUERY,
          "Query version "
              + query.queryVersion()
              + " is not supported; use "
              + IndexQuery.QUERY_VERSION);
    }
    if (!readiness.ready()) {
      throw new ServiceException(
          ErrorCode.INDEX_NOT_READY, "Index " + query.indexName() + " is being built");
    }
    FieldCatalogue catalogue =
        kind == IndexKind.THINGS ? configurations.things(scope) : configurations.thingGroups(scope);
    Query parsed = FleetQueryParser.parse(query.queryString(), catalogue);
    Query scoped =
        new BooleanQuery.Builder()
            .add(DocumentMapper.scope(scope, kind), Occur.FILTER)
            .add(parsed, Occur.MUST)
            .build();
    return new Target(kind, catalogue, scoped);
  }

  private <T> T withSearcher(SearchWork<T> work) {
    IndexSearcher searcher = index.acquire();
    try {
      return work.run(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException("Searching the fleet index failed", e);
    } finally {
      index.release(searcher);
    }
  }

  private interface SearchWork<T> {
    T run(IndexSearcher searcher) throws IOException;
  }

  private record Target(IndexKind kind, FieldCatalogue catalogue, Query query) {}
}
