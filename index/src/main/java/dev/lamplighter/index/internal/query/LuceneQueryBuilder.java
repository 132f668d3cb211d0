package dev.lamplighter.index.internal.query;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.index.IndexField.FieldType;
import dev.lamplighter.index.internal.query.QueryNode.And;
import dev.lamplighter.index.internal.query.QueryNode.Bound;
import dev.lamplighter.index.internal.query.QueryNode.Exists;
import dev.lamplighter.index.internal.query.QueryNode.Match;
import dev.lamplighter.index.internal.query.QueryNode.Not;
import dev.lamplighter.index.internal.query.QueryNode.Or;
import dev.lamplighter.index.internal.query.QueryNode.Range;
import java.util.List;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.NumericUtils;

/**
 * Turns a parsed query into a Lucene query over the fields {@link DocumentMapper} writes, checking
 * each field and value against the index's catalogue.
 */
final class LuceneQueryBuilder {
  private final FieldCatalogue catalogue;

  LuceneQueryBuilder(FieldCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  Query build(QueryNode node) {
    if (node instanceof Exists exists) {
      return exists(exists);
    } else if (node instanceof Match match) {
      return match(match);
    } else if (node instanceof Range range) {
      return range(range);
    } else if (node instanceof Not not) {
      return negation(List.of(not.operand()));
    } else if (node instanceof And and) {
      return conjunction(and.operands());
    } else if (node instanceof Or or) {
      return disjunction(or.operands());
    }
    return new MatchAllDocsQuery();
  }

  private Query exists(Exists exists) {
    FieldType type = typeOf(exists.field(), exists.position());
    // Every field has doc values, which is what FieldExistsQuery looks at.
    return new FieldExistsQuery(IndexedValues.luceneField(exists.field(), type));
  }

  private Query match(Match match) {
    if (match.field() == null) {
      return stringMatch(DocumentMapper.FREE_TEXT_FIELD, match);
    }
    FieldType type = typeOf(match.field(), match.position());
    return switch (type) {
      case String -> stringMatch(match.field(), match);
      case Number -> {
        rejectWildcard(match, type);
        double value = number(match.field(), match.value());
        yield numberRange(IndexedValues.luceneField(match.field(), type), value, value);
      }
      case Boolean -> {
        rejectWildcard(match, type);
        yield new TermQuery(
            new Term(
                IndexedValues.luceneField(match.field(), type),
                bool(match.field(), match.value())));
      }
    };
  }

  private static Query stringMatch(String field, Match match) {
    if (match.wildcard()) {
      return new WildcardQuery(new Term(field, IndexedValues.fold(match.pattern())));
    }
    return new TermQuery(new Term(field, IndexedValues.fold(match.value())));
  }

  private Query range(Range range) {
    FieldType type = typeOf(range.field(), range.position());
    Bound lower = range.lower();
    Bound upper = range.upper();
    return switch (type) {
      case String ->
          TermRangeQuery.newStringRange(
              range.field(),
              IndexedValues.fold(lower.value()),
              IndexedValues.fold(upper.value()),
              lower.inclusive(),
              upper.inclusive());
      case Number -> {
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        if (!lower.isOpen()) {
          low = number(range.field(), lower.value());
          low = lower.inclusive() ? low : Math.nextUp(low);
        }
        if (!upper.isOpen()) {
          high = number(range.field(), upper.value());
          high = upper.inclusive() ? high : Math.nextDown(high);
        }
        yield numberRange(IndexedValues.luceneField(range.field(), type), low, high);
      }
      case Boolean ->
          throw invalid(
              "Field '%s' is Boolean; ranges and comparisons need a Number or String field",
              range.field());
    };
  }

  /** All of the operands; NOT operands exclude, and need something to exclude from. */
  private Query conjunction(List<QueryNode> operands) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    boolean positive = false;
    for (QueryNode operand : operands) {
      if (operand instanceof Not not) {
        builder.add(build(not.operand()), Occur.MUST_NOT);
      } else {
        builder.add(build(operand), Occur.FILTER);
        positive = true;
      }
    }
    if (!positive) {
      builder.add(new MatchAllDocsQuery(), Occur.FILTER);
    }
    return builder.build();
  }

  private Query negation(List<QueryNode> excluded) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    builder.add(new MatchAllDocsQuery(), Occur.FILTER);
    excluded.forEach(operand -> builder.add(build(operand), Occur.MUST_NOT));
    return builder.build();
  }

  private Query disjunction(List<QueryNode> operands) {
    BooleanQuery.Builder builder = new BooleanQuery.Builder();
    operands.forEach(operand -> builder.add(build(operand), Occur.SHOULD));
    return builder.build();
  }

  private FieldType typeOf(String field, int position) {
    return catalogue
        .typeOf(field)
        .orElseThrow(() -> invalid("Unknown field '%s' at position %d", field, position));
  }

  /**
   * A numeric range that Lucene may answer from the points (when it leads the search) or by
   * checking the doc values of the documents other clauses found: a dynamic group's query is asked
   * about a handful of changed things, and walking the points of the whole fleet for them would
   * cost as much as a full search.
   */
  private static Query numberRange(String luceneField, double low, double high) {
    return new IndexOrDocValuesQuery(
        DoublePoint.newRangeQuery(luceneField, low, high),
        SortedNumericDocValuesField.newSlowRangeQuery(
            luceneField,
            NumericUtils.doubleToSortableLong(low),
            NumericUtils.doubleToSortableLong(high)));
  }

  private static void rejectWildcard(Match match, FieldType type) {
    if (match.wildcard()) {
      throw invalid(
          "Field '%s' is %s; wildcards need a String field, at position %d",
          match.field(), type, match.position());
    }
  }

  private static double number(String field, String value) {
    Double number = IndexedValues.parseNumber(value);
    if (number == null) {
      throw invalid("Field '%s' is a Number; '%s' is not a number", field, value);
    }
    return number;
  }

  private static String bool(String field, String value) {
    if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
      return value.toLowerCase(java.util.Locale.ROOT);
    }
    throw invalid("Field '%s' is a Boolean; '%s' is neither true nor false", field, value);
  }

  private static ServiceException invalid(String format, Object... args) {
    return ErrorCode.INVALID_QUERY.exception(format, args);
  }
}
