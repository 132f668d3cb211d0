package dev.lamplighter.api.iot;

import java.util.List;
import java.util.Map;

/**
 * Wire records of the fleet indexing and dynamic thing group operations, named after the AWS model.
 */
final class IndexShapes {
  private IndexShapes() {}

  record Field(String name, String type) {}

  record ThingIndexingConfiguration(
      String thingIndexingMode,
      String thingConnectivityIndexingMode,
      String deviceDefenderIndexingMode,
      String namedShadowIndexingMode,
      List<Field> managedFields,
      List<Field> customFields,
      IndexingFilter filter) {}

  /** AWS's IndexingFilter; of its selections, only the named shadows are kept. */
  record IndexingFilter(List<String> namedShadowNames) {}

  record ThingGroupIndexingConfiguration(
      String thingGroupIndexingMode, List<Field> managedFields, List<Field> customFields) {}

  record IndexingConfigurationBody(
      ThingIndexingConfiguration thingIndexingConfiguration,
      ThingGroupIndexingConfiguration thingGroupIndexingConfiguration) {}

  record IndexNameRequest(String indexName) {}

  record DescribeIndexResponse(String indexName, String indexStatus, String schema) {}

  record ListIndicesRequest(String nextToken, Integer maxResults) {}

  record ListIndicesResponse(List<String> indexNames, String nextToken) {}

  record SearchIndexRequest(
      String indexName,
      String queryString,
      String nextToken,
      Integer maxResults,
      String queryVersion) {}

  record ThingConnectivity(Boolean connected, Long timestamp, String disconnectReason) {}

  record ThingDocument(
      String thingName,
      String thingId,
      String thingTypeName,
      List<String> thingGroupNames,
      Map<String, String> attributes,
      String shadow,
      ThingConnectivity connectivity) {}

  record ThingGroupDocument(
      String thingGroupName,
      String thingGroupId,
      String thingGroupDescription,
      Map<String, String> attributes,
      List<String> parentGroupNames) {}

  record SearchIndexResponse(
      String nextToken, List<ThingDocument> things, List<ThingGroupDocument> thingGroups) {}

  record AggregationRequest(
      String indexName,
      String queryString,
      String aggregationField,
      String queryVersion,
      List<Double> percents,
      BucketsAggregationType bucketsAggregationType) {}

  record BucketsAggregationType(TermsAggregation termsAggregation) {}

  record TermsAggregation(Integer maxBuckets) {}

  record Statistics(
      Long count,
      Double average,
      Double sum,
      Double minimum,
      Double maximum,
      Double sumOfSquares,
      Double variance,
      Double stdDeviation) {}

  record GetStatisticsResponse(Statistics statistics) {}

  record GetCardinalityResponse(Long cardinality) {}

  record PercentPair(Double percent, Double value) {}

  record GetPercentilesResponse(List<PercentPair> percentiles) {}

  record Bucket(String keyValue, Long count) {}

  record GetBucketsAggregationResponse(Long totalCount, List<Bucket> buckets) {}

  record CreateDynamicThingGroupRequest(
      String thingGroupName,
      GroupShapes.ThingGroupProperties thingGroupProperties,
      String indexName,
      String queryString,
      String queryVersion,
      List<TagShapes.Tag> tags) {}

  record CreateDynamicThingGroupResponse(
      String thingGroupName,
      String thingGroupArn,
      String thingGroupId,
      String indexName,
      String queryString,
      String queryVersion) {}

  record UpdateDynamicThingGroupRequest(
      String thingGroupName,
      GroupShapes.ThingGroupProperties thingGroupProperties,
      Long expectedVersion,
      String indexName,
      String queryString,
      String queryVersion) {}
}
