package dev.lamplighter.api.iot;

import dev.lamplighter.api.http.Call;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.iot.IndexShapes.AggregationRequest;
import dev.lamplighter.api.iot.IndexShapes.DescribeIndexResponse;
import dev.lamplighter.api.iot.IndexShapes.Field;
import dev.lamplighter.api.iot.IndexShapes.GetBucketsAggregationResponse;
import dev.lamplighter.api.iot.IndexShapes.GetCardinalityResponse;
import dev.lamplighter.api.iot.IndexShapes.GetPercentilesResponse;
import dev.lamplighter.api.iot.IndexShapes.GetStatisticsResponse;
import dev.lamplighter.api.iot.IndexShapes.IndexNameRequest;
import dev.lamplighter.api.iot.IndexShapes.IndexingConfigurationBody;
import dev.lamplighter.api.iot.IndexShapes.IndexingFilter;
import dev.lamplighter.api.iot.IndexShapes.ListIndicesResponse;
import dev.lamplighter.api.iot.IndexShapes.SearchIndexRequest;
import dev.lamplighter.api.iot.IndexShapes.SearchIndexResponse;
import dev.lamplighter.api.iot.IndexShapes.ThingConnectivity;
import dev.lamplighter.api.iot.IndexShapes.ThingDocument;
import dev.lamplighter.api.iot.IndexShapes.ThingGroupDocument;
import dev.lamplighter.api.iot.IndexShapes.ThingGroupIndexingConfiguration;
import dev.lamplighter.api.iot.IndexShapes.ThingIndexingConfiguration;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.index.Buckets;
import dev.lamplighter.index.FleetSearch;
import dev.lamplighter.index.IndexDescription;
import dev.lamplighter.index.IndexField;
import dev.lamplighter.index.IndexQuery;
import dev.lamplighter.index.IndexingConfiguration;
import dev.lamplighter.index.IndexingConfigurations;
import dev.lamplighter.index.SearchResult;
import dev.lamplighter.index.Statistics;
import dev.lamplighter.index.ThingGroupIndexDocument;
import dev.lamplighter.index.ThingIndexDocument;
import java.util.List;
import java.util.Optional;

/** Handlers of the fleet indexing operations: decode, one service call, encode. */
final class IndexOperations {
  /** AWS documents that SearchIndex returns at most 100 results per page. */
  static final int MAX_SEARCH_RESULTS = 100;

  private static final int DEFAULT_SEARCH_RESULTS = 100;
  private static final int DEFAULT_BUCKETS = 10;

  private final FleetSearch search;
  private final IndexingConfigurations configurations;
  private final PageTokens pages;

  IndexOperations(FleetSearch search, IndexingConfigurations configurations, PageTokens pages) {
    this.search = search;
    this.configurations = configurations;
    this.pages = pages;
  }

  Object getConfiguration(Call call) {
    return body(configurations.get(call.scope()));
  }

  Object updateConfiguration(Call call) {
    IndexingConfigurationBody request = call.input(IndexingConfigurationBody.class);
    configurations.update(
        call.scope(), current -> IndexingConfigurationMapping.merge(current, request));
    return null;
  }

  Object describe(Call call) {
    IndexDescription description =
        configurations.describe(call.scope(), call.input(IndexNameRequest.class).indexName());
    return new DescribeIndexResponse(
        description.indexName(), description.indexStatus().name(), description.schema());
  }

  Object list(Call call) {
    // At most two indexes: one page always holds them all.
    return new ListIndicesResponse(configurations.list(call.scope()), null);
  }

  Object search(Call call) {
    SearchIndexRequest request = call.input(SearchIndexRequest.class);
    Integer maxResults =
        request.maxResults() == null ? null : Math.min(request.maxResults(), MAX_SEARCH_RESULTS);
    PageRequest page =
        pages.request(
            call,
            maxResults,
            request.nextToken(),
            DEFAULT_SEARCH_RESULTS,
            request.indexName(),
            request.queryString());
    IndexQuery query =
        new IndexQuery(request.indexName(), request.queryString(), request.queryVersion());
    SearchResult result = search.search(call.scope(), query, page);
    String next = pages.next(call, result.next(), request.indexName(), request.queryString());
    // AWS answers both arrays whichever index was searched, the other one empty.
    return new SearchIndexResponse(
        next,
        result.things().stream().map(IndexOperations::thing).toList(),
        result.thingGroups().stream().map(IndexOperations::group).toList());
  }

  Object statistics(Call call) {
    AggregationRequest request = call.input(AggregationRequest.class);
    // Without a field, GetStatistics counts the matching things.
    Statistics s = search.statistics(call.scope(), query(request), request.aggregationField());
    return new GetStatisticsResponse(
        new IndexShapes.Statistics(
            s.count(),
            s.average(),
            s.sum(),
            s.minimum(),
            s.maximum(),
            s.sumOfSquares(),
            s.variance(),
            s.stdDeviation()));
  }

  Object cardinality(Call call) {
    AggregationRequest request = call.input(AggregationRequest.class);
    return new GetCardinalityResponse(
        search.cardinality(call.scope(), query(request), field(request)));
  }

  Object percentiles(Call call) {
    AggregationRequest request = call.input(AggregationRequest.class);
    List<Double> percents = request.percents() == null ? List.of() : request.percents();
    return new GetPercentilesResponse(
        search.percentiles(call.scope(), query(request), field(request), percents).stream()
            .map(p -> new IndexShapes.PercentPair(p.percent(), p.value()))
            .toList());
  }

  Object buckets(Call call) {
    AggregationRequest request = call.input(AggregationRequest.class);
    Integer maxBuckets =
        Optional.ofNullable(request.bucketsAggregationType())
            .map(IndexShapes.BucketsAggregationType::termsAggregation)
            .map(IndexShapes.TermsAggregation::maxBuckets)
            .orElse(DEFAULT_BUCKETS);
    Buckets result = search.buckets(call.scope(), query(request), field(request), maxBuckets);
    return new GetBucketsAggregationResponse(
        result.totalCount(),
        result.buckets().stream()
            .map(b -> new IndexShapes.Bucket(b.keyValue(), b.count()))
            .toList());
  }

  private static IndexQuery query(AggregationRequest request) {
    return new IndexQuery(request.indexName(), request.queryString(), request.queryVersion());
  }

  /** AWS models aggregationField as optional, yet every aggregation but GetStatistics needs it. */
  private static String field(AggregationRequest request) {
    if (request.aggregationField() == null) {
      throw new ServiceException(
          ErrorCode.INVALID_AGGREGATION, "aggregationField is required for this aggregation");
    }
    return request.aggregationField();
  }

  private IndexingConfigurationBody body(IndexingConfiguration configuration) {
    return new IndexingConfigurationBody(
        new ThingIndexingConfiguration(
            configuration.thingIndexingMode().name(),
            configuration.thingConnectivityIndexingMode().name(),
            configuration.deviceDefenderIndexingMode(),
            configuration.namedShadowIndexingMode(),
            fields(configurations.managedFields(configuration, IndexQuery.THINGS)),
            fields(configuration.thingCustomFields()),
            configuration.namedShadowNames().isEmpty()
                ? null
                : new IndexingFilter(configuration.namedShadowNames())),
        new ThingGroupIndexingConfiguration(
            configuration.thingGroupIndexingMode().name(),
            fields(configurations.managedFields(configuration, IndexQuery.THING_GROUPS)),
            fields(configuration.thingGroupCustomFields())));
  }

  private static List<Field> fields(List<IndexField> fields) {
    return fields.stream().map(f -> new Field(f.name(), f.type().name())).toList();
  }

  private static ThingDocument thing(ThingIndexDocument document) {
    var connectivity = document.connectivity();
    return new ThingDocument(
        document.thingName(),
        document.thingId(),
        document.thingTypeName(),
        document.thingGroupNames(),
        document.attributes(),
        document.shadow(),
        connectivity == null
            ? null
            : new ThingConnectivity(
                connectivity.connected(),
                connectivity.timestamp(),
                connectivity.disconnectReason()));
  }

  private static ThingGroupDocument group(ThingGroupIndexDocument document) {
    return new ThingGroupDocument(
        document.thingGroupName(),
        document.thingGroupId(),
        document.thingGroupDescription(),
        document.attributes(),
        document.parentGroupNames());
  }
}
