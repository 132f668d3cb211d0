package dev.lamplighter.index.internal.query;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.index.Bucket;
import dev.lamplighter.index.IndexField.FieldType;
import dev.lamplighter.index.PercentPair;
import dev.lamplighter.index.Statistics;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.NumericUtils;

/**
 * GetStatistics, GetCardinality, GetPercentiles and GetBucketsAggregation over the documents that
 * match a query, read from doc values only. Results are exact where AWS approximates. A shadow
 * value that no custom field types has values of several types: statistics and percentiles take its
 * numbers, buckets its strings and booleans, cardinality all of them.
 */
public final class Aggregations {
  /** GetPercentiles' default percents, as AWS documents them. */
  public static final List<Double> DEFAULT_PERCENTS = List.of(1d, 5d, 25d, 50d, 75d, 95d, 99d);

  /** TermsAggregation's maxBuckets: 10 when absent, at most 10000 (the service model). */
  public static final int DEFAULT_MAX_BUCKETS = 10;

  public static final int MAX_BUCKETS = 10_000;

  private Aggregations() {}

  /**
   * Statistics of a field among the matches. A Number field has every statistic; a String or
   * Boolean field only the count of matches that have it. A null field counts the matches.
   */
  public static Statistics statistics(
      IndexSearcher searcher, Query query, String field, FieldCatalogue catalogue) {
    if (field == null) {
      return countOnly(countMatches(searcher, query));
    }
    FieldType type = numericIfAny(typesOf(field, catalogue));
    if (type != FieldType.Number) {
      long[] count = new long[1];
      MatchingDocs.forEach(
          searcher,
          query,
          segment -> {
            SortedSetDocValues values =
                DocValues.getSortedSet(segment, IndexedValues.luceneField(field, type));
            return doc -> count[0] += values.advanceExact(doc) ? 1 : 0;
          });
      return countOnly(count[0]);
    }
    NumberSummary summary = new NumberSummary();
    forEachNumber(searcher, query, field, summary::add);
    return summary.toStatistics();
  }

  /** How many distinct values of a field the matches have (exact). */
  public static long cardinality(
      IndexSearcher searcher, Query query, String field, FieldCatalogue catalogue) {
    long distinctValues = 0;
    for (FieldType type : typesOf(field, catalogue)) {
      if (type == FieldType.Number) {
        Set<Double> distinct = new HashSet<>();
        forEachNumber(searcher, query, field, distinct::add);
        distinctValues += distinct.size();
      } else {
        distinctValues +=
            termCounts(searcher, query, IndexedValues.luceneField(field, type)).size();
      }
    }
    return distinctValues;
  }

  /**
   * Percentiles of a Number field among the matches, by linear interpolation between the two
   * nearest ranks (rank {@code p/100 × (n−1)} of the sorted values). No values, no percentiles.
   */
  public static List<PercentPair> percentiles(
      IndexSearcher searcher,
      Query query,
      String field,
      List<Double> percents,
      FieldCatalogue catalogue) {
    FieldType type = numericIfAny(typesOf(field, catalogue));
    if (type != FieldType.Number) {
      throw ErrorCode.INVALID_AGGREGATION.exception(
          "Percentiles need a Number field; '%s' is %s", field, type);
    }
    List<Double> wanted = percents == null || percents.isEmpty() ? DEFAULT_PERCENTS : percents;
    for (Double percent : wanted) {
      if (percent == null || percent < 0 || percent > 100) {
        throw ErrorCode.INVALID_AGGREGATION.exception(
            "Percent %s is not between 0 and 100", percent);
      }
    }
    double[][] values = {new double[64]};
    int[] size = new int[1];
    forEachNumber(
        searcher,
        query,
        field,
        value -> {
          if (size[0] == values[0].length) {
            values[0] = Arrays.copyOf(values[0], size[0] * 2);
          }
          values[0][size[0]++] = value;
        });
    if (size[0] == 0) {
      return List.of();
    }
    double[] sorted = Arrays.copyOf(values[0], size[0]);
    Arrays.sort(sorted);
    List<PercentPair> pairs = new ArrayList<>(wanted.size());
    for (double percent : wanted) {
      pairs.add(new PercentPair(percent, interpolate(sorted, percent)));
    }
    return List.copyOf(pairs);
  }

  /**
   * The most frequent values of a String or Boolean field among the matches: by count, most first,
   * then by value; at most {@code maxBuckets}.
   */
  public static List<Bucket> buckets(
      IndexSearcher searcher, Query query, String field, int maxBuckets, FieldCatalogue catalogue) {
    List<FieldType> types = typesOf(field, catalogue);
    if (types.equals(List.of(FieldType.Number))) {
      throw ErrorCode.INVALID_AGGREGATION.exception(
          "Buckets need a String or Boolean field; '%s' is Number", field);
    }
    if (maxBuckets < 1 || maxBuckets > MAX_BUCKETS) {
      throw ErrorCode.INVALID_AGGREGATION.exception(
          "maxBuckets must be between 1 and %d, not %d", MAX_BUCKETS, maxBuckets);
    }
    Map<String, Long> counts = new HashMap<>();
    for (FieldType type : types) {
      if (type != FieldType.Number) {
        termCounts(searcher, query, IndexedValues.luceneField(field, type))
            .forEach((value, count) -> counts.merge(value, count, Long::sum));
      }
    }
    return counts.entrySet().stream()
        .map(entry -> new Bucket(entry.getKey(), entry.getValue()))
        .sorted(Comparator.comparingLong(Bucket::count).reversed().thenComparing(Bucket::keyValue))
        .limit(maxBuckets)
        .toList();
  }

  private static double interpolate(double[] sorted, double percent) {
    double rank = percent / 100 * (sorted.length - 1);
    int below = (int) Math.floor(rank);
    int above = (int) Math.ceil(rank);
    return sorted[below] + (sorted[above] - sorted[below]) * (rank - below);
  }

  /** How many matches have each value of a String or Boolean field. */
  private static Map<String, Long> termCounts(IndexSearcher searcher, Query query, String field) {
    Map<String, Long> counts = new HashMap<>();
    MatchingDocs.forEach(
        searcher,
        query,
        segment -> new SegmentTermCounter(DocValues.getSortedSet(segment, field), counts));
    return counts;
  }

  /**
   * Counts a segment's matches per ordinal, which is cheap per document, and turns ordinals into
   * values once, when the segment is done.
   */
  private static final class SegmentTermCounter implements MatchingDocs.DocVisitor {
    private final SortedSetDocValues values;
    private final long[] perOrdinal;
    private final Map<String, Long> counts;

    SegmentTermCounter(SortedSetDocValues values, Map<String, Long> counts) {
      this.values = values;
      this.perOrdinal = new long[Math.toIntExact(values.getValueCount())];
      this.counts = counts;
    }

    @Override
    public void visit(int doc) throws IOException {
      if (values.advanceExact(doc)) {
        for (int i = 0; i < values.docValueCount(); i++) {
          perOrdinal[(int) values.nextOrd()]++;
        }
      }
    }

    @Override
    public void finish() throws IOException {
      for (int ordinal = 0; ordinal < perOrdinal.length; ordinal++) {
        if (perOrdinal[ordinal] > 0) {
          counts.merge(values.lookupOrd(ordinal).utf8ToString(), perOrdinal[ordinal], Long::sum);
        }
      }
    }
  }

  private interface NumberConsumer {
    void accept(double value);
  }

  private static void forEachNumber(
      IndexSearcher searcher, Query query, String field, NumberConsumer consumer) {
    MatchingDocs.forEach(
        searcher,
        query,
        segment -> {
          SortedNumericDocValues values =
              DocValues.getSortedNumeric(
                  segment, IndexedValues.luceneField(field, FieldType.Number));
          return doc -> {
            if (values.advanceExact(doc)) {
              for (int i = 0; i < values.docValueCount(); i++) {
                consumer.accept(NumericUtils.sortableLongToDouble(values.nextValue()));
              }
            }
          };
        });
  }

  private static long countMatches(IndexSearcher searcher, Query query) {
    long[] count = new long[1];
    MatchingDocs.forEach(searcher, query, segment -> doc -> count[0]++);
    return count[0];
  }

  private static Statistics countOnly(long count) {
    return new Statistics(count, null, null, null, null, null, null, null);
  }

  private static List<FieldType> typesOf(String field, FieldCatalogue catalogue) {
    if (field == null || field.isEmpty()) {
      throw ErrorCode.INVALID_AGGREGATION.exception("An aggregation field is required");
    }
    List<FieldType> types = catalogue.typesOf(field);
    if (types.isEmpty()) {
      throw ErrorCode.INVALID_AGGREGATION.exception("Unknown aggregation field '%s'", field);
    }
    return types;
  }

  /** The field's type, or Number for a field whose values may be numbers among other types. */
  private static FieldType numericIfAny(List<FieldType> types) {
    return types.size() == 1 ? types.get(0) : FieldType.Number;
  }
}
