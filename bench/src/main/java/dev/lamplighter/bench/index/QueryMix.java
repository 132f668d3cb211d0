package dev.lamplighter.bench.index;

/**
 * The SearchIndex queries both the API and raw Lucene run: one term, a wildcard with a range, a
 * negation, a range with a term, and a name prefix. Their raw Lucene twins are in {@link
 * RawQueries}.
 */
public enum QueryMix {
  CITY("attributes.city:Turin"),
  FIRMWARE_AND_WATTAGE("attributes.firmware:1.* AND attributes.wattage > 40"),
  TYPE_NOT_MODEL("thingTypeName:StreetLight AND NOT attributes.model:M7"),
  WATTAGE_RANGE_AND_CITY("attributes.wattage:[20 TO 60] AND attributes.city:Milan"),
  NAME_PREFIX("thingName:light-0012*");

  private final String queryString;

  QueryMix(String queryString) {
    this.queryString = queryString;
  }

  /** The AWS query string. */
  public String queryString() {
    return queryString;
  }

  /** The label in result lines. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
