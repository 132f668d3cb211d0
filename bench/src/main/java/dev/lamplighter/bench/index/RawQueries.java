package dev.lamplighter.bench.index;

import java.util.Locale;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;

/**
 * The {@link QueryMix} built by hand as Lucene queries over the fields the server writes: each AWS
 * field name is a Lucene field, strings are case-folded exact terms, Numbers are {@code
 * DoublePoint}s under {@code <name>|number}, and every document carries {@code _scope} = {@code
 * THINGS|<account>|<region>}. The shapes are the ones the server's query builder makes (a wildcard
 * stays a {@code WildcardQuery}, a NOT a {@code MUST_NOT} clause beside the others), so the two
 * sides search alike and the ratio between them is what the API adds around the search.
 */
final class RawQueries {
  static final String SCOPE_FIELD = "_scope";

  /**
   * A Number field's Lucene name: the AWS name with the type, as the server's documents have it.
   */
  private static final String WATTAGE = "attributes.wattage|number";

  private RawQueries() {}

  /** The query limited to the things of one account and region, as the server limits it. */
  static Query scoped(QueryMix mix, String account, String region) {
    return new BooleanQuery.Builder()
        .add(new TermQuery(new Term(SCOPE_FIELD, "THINGS|" + account + "|" + region)), Occur.FILTER)
        .add(of(mix), Occur.MUST)
        .build();
  }

  static Query of(QueryMix mix) {
    return switch (mix) {
      case CITY -> term("attributes.city", "Turin");
      case FIRMWARE_AND_WATTAGE ->
          all(
              new WildcardQuery(new Term("attributes.firmware", "1.*")),
              DoublePoint.newRangeQuery(WATTAGE, Math.nextUp(40.0), Double.POSITIVE_INFINITY));
      case TYPE_NOT_MODEL ->
          new BooleanQuery.Builder()
              .add(term("thingTypeName", "StreetLight"), Occur.FILTER)
              .add(term("attributes.model", "M7"), Occur.MUST_NOT)
              .build();
      case WATTAGE_RANGE_AND_CITY ->
          all(DoublePoint.newRangeQuery(WATTAGE, 20, 60), term("attributes.city", "Milan"));
      case NAME_PREFIX -> new WildcardQuery(new Term("thingName", "light-0012*"));
    };
  }

  /** String terms are case-folded, as the server indexes them for case-insensitive search. */
  private static Query term(String field, String value) {
    return new TermQuery(new Term(field, value.toLowerCase(Locale.ROOT)));
  }

  private static Query all(Query first, Query second) {
    return new BooleanQuery.Builder().add(first, Occur.FILTER).add(second, Occur.FILTER).build();
  }
}
