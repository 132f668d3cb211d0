package dev.lamplighter.registry;

import java.util.Objects;

/**
 * What makes a thing group dynamic: the fleet-index query whose matching things are its members,
 * and how far that membership has been computed. The registry stores the query as text; the fleet
 * index validates it and computes the members.
 *
 * @param indexName the index the query runs on ({@value #DEFAULT_INDEX_NAME} unless given)
 * @param queryString the query, not empty
 * @param queryVersion the query language version ({@value #DEFAULT_QUERY_VERSION} unless given)
 * @param status how far the membership has been computed
 */
public record DynamicGroupDefinition(
    String indexName, String queryString, String queryVersion, DynamicGroupStatus status) {
  /** The one index AWS supports, and the default. */
  public static final String DEFAULT_INDEX_NAME = "AWS_Things";

  /** The one query version AWS supports, and the default. */
  public static final String DEFAULT_QUERY_VERSION = "2017-09-30";

  public DynamicGroupDefinition {
    Objects.requireNonNull(indexName, "indexName");
    Objects.requireNonNull(queryString, "queryString");
    Objects.requireNonNull(queryVersion, "queryVersion");
    Objects.requireNonNull(status, "status");
  }

  /** Whether {@code other} asks the same query of the same index. */
  public boolean sameQueryAs(DynamicGroupDefinition other) {
    return indexName.equals(other.indexName)
        && queryString.equals(other.queryString)
        && queryVersion.equals(other.queryVersion);
  }

  public DynamicGroupDefinition withStatus(DynamicGroupStatus newStatus) {
    return new DynamicGroupDefinition(indexName, queryString, queryVersion, newStatus);
  }
}
