package dev.lamplighter.index.internal.query;

import dev.lamplighter.core.error.ErrorCode;
import org.apache.lucene.search.Query;

/**
 * Parses AWS fleet indexing query strings (query version 2017-09-30) into Lucene queries over the
 * documents {@link DocumentMapper} writes. Every failure is an InvalidQueryException naming the
 * problem.
 */
public final class FleetQueryParser {
  private FleetQueryParser() {}

  /** The Lucene query for {@code queryString} on an index with the given fields. */
  public static Query parse(String queryString, FieldCatalogue catalogue) {
    if (queryString == null || queryString.isBlank()) {
      throw ErrorCode.INVALID_QUERY.exception("The query is empty");
    }
    QueryLimits.checkLength(queryString);
    QueryNode root = QueryGrammar.parse(queryString);
    QueryLimits.checkTerms(queryString, root);
    return new LuceneQueryBuilder(catalogue).build(root);
  }
}
