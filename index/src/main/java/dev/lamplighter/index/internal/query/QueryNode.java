package dev.lamplighter.index.internal.query;

import java.util.List;

/** A parsed query, before it meets the field types of an index. */
sealed interface QueryNode {

  /** {@code *} on its own: every document. */
  record MatchAll() implements QueryNode {}

  /** {@code field:*}: documents that have the field. */
  record Exists(String field, int position) implements QueryNode {}

  /**
   * {@code field:value}, or a value without a field name when {@code field} is null.
   *
   * @param value the value with escapes resolved
   * @param pattern the value as a Lucene wildcard pattern
   * @param wildcard whether the pattern has wildcards
   */
  record Match(String field, String value, String pattern, boolean wildcard, int position)
      implements QueryNode {}

  /** {@code field:[a TO b]}, {@code field>a} and the like; a null bound is open. */
  record Range(String field, Bound lower, Bound upper, int position) implements QueryNode {}

  record Not(QueryNode operand) implements QueryNode {}

  record And(List<QueryNode> operands) implements QueryNode {}

  record Or(List<QueryNode> operands) implements QueryNode {}

  /** One end of a range: its value, or null when the range is open at that end. */
  record Bound(String value, boolean inclusive) {
    static Bound open() {
      return new Bound(null, true);
    }

    boolean isOpen() {
      return value == null;
    }
  }
}
