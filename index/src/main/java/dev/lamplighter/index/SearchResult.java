package dev.lamplighter.index;

import java.util.List;
import java.util.Optional;

/**
 * One page of SearchIndex: things for AWS_Things, thing groups for AWS_ThingGroups, in name order.
 *
 * @param next the cursor to resume after this page, or empty when this was the last page
 */
public record SearchResult(
    List<ThingIndexDocument> things,
    List<ThingGroupIndexDocument> thingGroups,
    Optional<String> next) {
  public SearchResult {
    things = List.copyOf(things);
    thingGroups = List.copyOf(thingGroups);
  }
}
