package dev.lamplighter.index;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A thing as the AWS_Things index holds it, and as SearchIndex returns it (AWS's ThingDocument).
 *
 * @param thingName the thing's name
 * @param thingId the thing's id
 * @param thingTypeName its thing type, or null
 * @param attributes its attributes, ordered by name
 * @param version the registry version of the thing
 * @param thingGroupNames the static and dynamic groups it is a direct member of, in name order
 * @param connectivity its connectivity, or null when it never connected or connectivity is not
 *     indexed
 * @param shadow the indexed shadows as AWS's ThingDocument carries them, a JSON string: the classic
 *     shadow's {@code desired}, {@code reported}, {@code metadata}, {@code hasDelta} and {@code
 *     version} at the top, each indexed named shadow the same under {@code name.<shadowName>}; null
 *     when the thing has no indexed shadow
 */
public record ThingIndexDocument(
    String thingName,
    String thingId,
    String thingTypeName,
    Map<String, String> attributes,
    long version,
    List<String> thingGroupNames,
    Connectivity connectivity,
    String shadow) {
  public ThingIndexDocument {
    Objects.requireNonNull(thingName, "thingName");
    Objects.requireNonNull(thingId, "thingId");
    attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    thingGroupNames = List.copyOf(thingGroupNames);
  }

  /** A thing without indexed shadows. */
  public ThingIndexDocument(
      String thingName,
      String thingId,
      String thingTypeName,
      Map<String, String> attributes,
      long version,
      List<String> thingGroupNames,
      Connectivity connectivity) {
    this(
        thingName,
        thingId,
        thingTypeName,
        attributes,
        version,
        thingGroupNames,
        connectivity,
        null);
  }
}
