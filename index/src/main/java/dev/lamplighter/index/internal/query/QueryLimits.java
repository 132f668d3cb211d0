package dev.lamplighter.index.internal.query;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.index.internal.query.QueryNode.And;
import dev.lamplighter.index.internal.query.QueryNode.Exists;
import dev.lamplighter.index.internal.query.QueryNode.Match;
import dev.lamplighter.index.internal.query.QueryNode.Not;
import dev.lamplighter.index.internal.query.QueryNode.Or;
import dev.lamplighter.index.internal.query.QueryNode.Range;

/** The limits AWS puts on a query string. */
final class QueryLimits {
  /**
   * The longest query string. AWS documents no general limit (its model only says at least one
   * character); 1024 characters is far above the 12 terms a query may have.
   */
  static final int MAX_QUERY_LENGTH = 1024;

  /** AWS: "The maximum number of terms in a query is 12." */
  static final int MAX_TERMS = 12;

  /** AWS: leading wildcards are limited to one query term per query... */
  static final int MAX_LEADING_WILDCARDS = 1;

  /** ...and a query with a leading wildcard may be at most 100 characters long. */
  static final int MAX_LEADING_WILDCARD_QUERY_LENGTH = 100;

  private QueryLimits() {}

  static void checkLength(String query) {
    if (query.length() > MAX_QUERY_LENGTH) {
      throw ErrorCode.INVALID_QUERY.exception(
          "The query is %d characters long; at most %d are allowed",
          query.length(), MAX_QUERY_LENGTH);
    }
  }

  static void checkTerms(String query, QueryNode root) {
    int[] counts = new int[2];
    count(root, counts);
    if (counts[0] > MAX_TERMS) {
      throw ErrorCode.INVALID_QUERY.exception(
          "The query has %d terms; at most %d are allowed", counts[0], MAX_TERMS);
    }
    if (counts[1] > MAX_LEADING_WILDCARDS) {
      throw ErrorCode.INVALID_QUERY.exception(
          "The query has %d terms that start with a wildcard; at most %d is allowed",
          counts[1], MAX_LEADING_WILDCARDS);
    }
    if (counts[1] > 0 && query.length() > MAX_LEADING_WILDCARD_QUERY_LENGTH) {
      throw ErrorCode.INVALID_QUERY.exception(
          "A query with a leading wildcard may be at most %d characters long; it is %d",
          MAX_LEADING_WILDCARD_QUERY_LENGTH, query.length());
    }
  }

  /** Adds the terms of {@code node} to {@code counts[0]}, its leading wildcards to [1]. */
  private static void count(QueryNode node, int[] counts) {
    if (node instanceof Exists || node instanceof Range) {
      counts[0]++;
    } else if (node instanceof Match match) {
      counts[0]++;
      if (match.wildcard() && startsWithWildcard(match.pattern())) {
        counts[1]++;
      }
    } else if (node instanceof Not not) {
      count(not.operand(), counts);
    } else if (node instanceof And and) {
      and.operands().forEach(operand -> count(operand, counts));
    } else if (node instanceof Or or) {
      or.operands().forEach(operand -> count(operand, counts));
    }
  }

  private static boolean startsWithWildcard(String pattern) {
    return pattern.startsWith("*") || pattern.startsWith("?");
  }
}
