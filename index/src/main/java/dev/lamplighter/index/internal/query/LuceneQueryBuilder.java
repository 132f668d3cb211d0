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
    List<FieldType> types = typesOf(exists.field(), exists.position());
    // Every field has doc values, which is what FieldExistsQuery looks at.
    if (types.size() == 1) {
      return new FieldExistsQuery(IndexedValues.luceneField(exists.field(), types.get(0)));
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (FieldType type : types) {
      any.add(new FieldExistsQuery(IndexedValues.luceneField(exists.field(), type)), Occur.SHOULD);
    }
    return any.build();
  }

  private Query match(Match match) {
    if (match.field() == null) {
      return stringMatch(DocumentMapper.FREE_TEXT_FIELD, match);
    }
    List<FieldType> types = typesOf(match.field(), match.position());
    if (types.size() == 1) {
      return match(match, types.get(0));
    }
    return valueTypedMatch(match);
  }

  /**
   * A match on a shadow value typed by its values: the value finds the values of each type it can
   * be (75 finds the number 75 and the string "75"; true finds the boolean and the string).
   */
  private Query valueTypedMatch(Match match) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    any.add(stringMatch(match.field(), match), Occur.SHOULD);
    if (!match.wildcard() && IndexedValues.parseNumber(match.value()) != null) {
      any.add(match(match, FieldType.Number), Occur.SHOULD);
    }
    if (!match.wildcard() && isBoolean(match.value())) {
      any.add(match(match, FieldType.Boolean), Occur.SHOULD);
    }
    return any.build();
  }

  private Query match(Match match, FieldType type) {
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
    List<FieldType> types = typesOf(range.field(), range.position());
    Bound lower = range.lower();
    Bound upper = range.upper();
    // A shadow value typed by its values compares as a number when the bounds are numbers.
    FieldType type =
        types.size() == 1
            ? types.get(0)
            : numericOrOpen(lower) && numericOrOpen(upper) ? FieldType.Number : FieldType.String;
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

  private List<FieldType> typesOf(String field, int position) {
    List<FieldType> types = catalogue.typesOf(field);
    if (types.isEmpty()) {
      throw invalid("Unknown field '%s' at position %d", field, position);
    }
    return types;
  }

  private static boolean numericOrOpen(Bound bound) {
    return bound.isOpen() || IndexedValues.parseNumber(bound.value()) != null;
  }

  private static boolean isBoolean(String value) {
    return "true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value);
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
    if (isBoolean(value)) {
      return value.toLowerCase(java.util.Locale.ROOT);
    }
    throw invalid("Field '%s' is a Boolean; '%s' is neither true nor false", field, value);
  }

  private static ServiceException invalid(String format, Object... args) {
    return ErrorCode.INVALID_QUERY.exception(format, args);
  }
}
