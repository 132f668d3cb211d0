package dev.lamplighter.index.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.index.Bucket;
import dev.lamplighter.index.PercentPair;
import dev.lamplighter.index.Statistics;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Aggregations over {@link Fleet}. Its temperatures are 20.5, 22, 25 and -5 (and "hot", which is
 * not a number and so not counted).
 */
class AggregationsTest {
  private static Fleet fleet;
  private static IndexSearcher searcher;

  @BeforeAll
  static void index() {
    fleet = new Fleet();
    searcher = fleet.searcher();
  }

  @AfterAll
  static void close() throws Exception {
    fleet.close();
  }

  @Test
  void statisticsOfANumberField_areExact() {
    // 20.5, 22, 25: sum 67.5, mean 22.5, squares 420.25 + 484 + 625 = 1529.25,
    // population variance 1529.25 / 3 - 22.5² = 509.75 - 506.25 = 3.5.
    Statistics statistics =
        Aggregations.statistics(
            searcher, all("attributes.temperature>0"), "attributes.temperature", Fleet.CATALOGUE);

    assertThat(statistics.count()).isEqualTo(3);
    assertThat(statistics.sum()).isEqualTo(67.5);
    assertThat(statistics.average()).isEqualTo(22.5);
    assertThat(statistics.minimum()).isEqualTo(20.5);
    assertThat(statistics.maximum()).isEqualTo(25);
    assertThat(statistics.sumOfSquares()).isEqualTo(1529.25);
    assertThat(statistics.variance()).isCloseTo(3.5, within(1e-9));
    assertThat(statistics.stdDeviation()).isCloseTo(Math.sqrt(3.5), within(1e-9));
  }

  @Test
  void statisticsOfAStringOrBooleanField_countThingsThatHaveIt() {
    assertThat(Aggregations.statistics(searcher, all("*"), "thingTypeName", Fleet.CATALOGUE))
        .isEqualTo(new Statistics(3, null, null, null, null, null, null, null));
    assertThat(
            Aggregations.statistics(searcher, all("*"), "connectivity.connected", Fleet.CATALOGUE)
                .count())
        .isEqualTo(3);
    // Search is case-insensitive: my* also finds MyCapital.
    assertThat(Aggregations.statistics(searcher, all("thingName:my*"), null, Fleet.CATALOGUE))
        .isEqualTo(new Statistics(4, null, null, null, null, null, null, null));
  }

  @Test
  void statisticsWithNoValues_countZero() {
    assertThat(
            Aggregations.statistics(
                searcher, all("thingName:abc"), "connectivity.timestamp", Fleet.CATALOGUE))
        .isEqualTo(new Statistics(0, null, null, null, null, null, null, null));
  }

  @Test
  void cardinality_countsDistinctValuesAmongTheMatches() {
    assertThat(Aggregations.cardinality(searcher, all("*"), "thingTypeName", Fleet.CATALOGUE))
        .isEqualTo(2);
    assertThat(
            Aggregations.cardinality(searcher, all("*"), "attributes.temperature", Fleet.CATALOGUE))
        .isEqualTo(4);
    assertThat(
            Aggregations.cardinality(
                searcher, all("thingName:my*"), "connectivity.connected", Fleet.CATALOGUE))
        .isEqualTo(2);
    assertThat(
            Aggregations.cardinality(
                searcher, all("thingGroupNames:*"), "thingGroupNames", Fleet.CATALOGUE))
        .isEqualTo(4);
  }

  @Test
  void percentiles_interpolateBetweenTheNearestRanks_withAwsDefaultPercents() {
    // Sorted: 20.5, 22, 25; percentile p sits at rank p/100 × 2.
    List<PercentPair> percentiles =
        Aggregations.percentiles(
            searcher,
            all("attributes.temperature>0"),
            "attributes.temperature",
            null,
            Fleet.CATALOGUE);

    assertThat(percentiles)
        .extracting(PercentPair::percent)
        .containsExactly(1d, 5d, 25d, 50d, 75d, 95d, 99d);
    assertThat(percentiles)
        .extracting(PercentPair::value)
        .usingElementComparator((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b))
        .containsExactly(20.53, 20.65, 21.25, 22d, 23.5, 24.7, 24.94);
  }

  @Test
  void percentiles_ofChosenPercents_andOfNothing() {
    assertThat(
            Aggregations.percentiles(
                searcher, all("*"), "attributes.temperature", List.of(0d, 100d), Fleet.CATALOGUE))
        .containsExactly(new PercentPair(0, -5), new PercentPair(100, 25));
    assertThat(
            Aggregations.percentiles(
                searcher,
                all("thingName:abc"),
                "connectivity.timestamp",
                List.of(50d),
                Fleet.CATALOGUE))
        .isEmpty();
  }

  @Test
  void buckets_areOrderedByCountThenValue_andCappedAtMaxBuckets() {
    assertThat(Aggregations.buckets(searcher, all("*"), "thingGroupNames", 10, Fleet.CATALOGUE))
        .containsExactly(
            new Bucket("tv", 3), new Bucket("a", 2), new Bucket("ab", 1), new Bucket("b", 1));
    assertThat(Aggregations.buckets(searcher, all("*"), "thingGroupNames", 2, Fleet.CATALOGUE))
        .containsExactly(new Bucket("tv", 3), new Bucket("a", 2));
    assertThat(
            Aggregations.buckets(searcher, all("*"), "connectivity.connected", 10, Fleet.CATALOGUE))
        .containsExactly(new Bucket("true", 2), new Bucket("false", 1));
    assertThat(
            Aggregations.buckets(
                searcher, all("thingTypeName:aa"), "thingTypeName", 10, Fleet.CATALOGUE))
        .containsExactly(new Bucket("aa", 2));
  }

  @Test
  void aggregationsSeeOnlyTheirScope() {
    // The other scope has a myThing of type aa too.
    assertThat(Aggregations.buckets(searcher, all("*"), "thingTypeName", 10, Fleet.CATALOGUE))
        .containsExactly(new Bucket("aa", 2), new Bucket("bb", 1));
  }

  @Test
  void wrongOrUnknownFields_areInvalidAggregations() {
    assertInvalid(
        () -> Aggregations.statistics(searcher, all("*"), "colour", Fleet.CATALOGUE),
        "Unknown aggregation field 'colour'");
    assertInvalid(
        () -> Aggregations.percentiles(searcher, all("*"), "thingName", null, Fleet.CATALOGUE),
        "Percentiles need a Number field; 'thingName' is String");
    assertInvalid(
        () ->
            Aggregations.buckets(searcher, all("*"), "attributes.temperature", 10, Fleet.CATALOGUE),
        "Buckets need a String or Boolean field; 'attributes.temperature' is Number");
    assertInvalid(
        () -> Aggregations.buckets(searcher, all("*"), "thingName", 10_001, Fleet.CATALOGUE),
        "maxBuckets must be between 1 and 10000");
    assertInvalid(
        () ->
            Aggregations.percentiles(
                searcher, all("*"), "attributes.temperature", List.of(101d), Fleet.CATALOGUE),
        "Percent 101.0 is not between 0 and 100");
  }

  private static Query all(String queryString) {
    return fleet.query(queryString);
  }

  private static void assertInvalid(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ServiceException.class,
            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_AGGREGATION))
        .hasMessageContaining(message);
  }
}
