package dev.lamplighter.index;

import java.util.Objects;

/**
 * What SearchIndex and the aggregations ask: a query of an index.
 *
 * @param indexName {@value #THINGS} or {@value #THING_GROUPS}; null means {@value #THINGS}
 * @param queryString the query in AWS's query language
 * @param queryVersion null or {@value #QUERY_VERSION}, the one version AWS defines
 */
public record IndexQuery(String indexName, String queryString, String queryVersion) {
  public static final String THINGS = "AWS_Things";
  public static final String THING_GROUPS = "AWS_ThingGroups";
  public static final String QUERY_VERSION = "2017-09-30";

  public IndexQuery {
    indexName = indexName == null ? THINGS : indexName;
    Objects.requireNonNull(queryString, "queryString");
  }
}
