package dev.lamplighter.registry;

/**
 * The filters of ListThings; null members do not filter.
 *
 * @param typeName only things of this type
 * @param attributeName only things that have this attribute
 * @param attributeValue with this value (exactly, or as a prefix when {@code valuePrefix})
 * @param valuePrefix whether {@code attributeValue} matches as a prefix
 */
public record ThingQuery(
    String typeName, String attributeName, String attributeValue, boolean valuePrefix) {
  public static ThingQuery all() {
    return new ThingQuery(null, null, null, false);
  }

  public static ThingQuery ofType(String typeName) {
    return new ThingQuery(typeName, null, null, false);
  }
}
