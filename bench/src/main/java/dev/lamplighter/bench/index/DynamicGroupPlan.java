package dev.lamplighter.bench.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The suite's dynamic thing groups: per city, five query shapes of the kind an operator writes (old
 * firmware of one model, strong floodlights, old installations, one firmware of one model, a
 * wattage band in a district), so each change is checked against queries of every form. Each shape
 * matches a few percent of the fleet or less, about 8 % together, so that building the groups stays
 * a small part of the run. The last group, {@link #PROBE_GROUP}, matches only the things the
 * convergence probe marks.
 */
final class DynamicGroupPlan {
  static final String PROBE_GROUP = "campaign-in";
  static final String PROBE_ATTRIBUTE = "campaign";

  private static final List<Shape> SHAPES =
      List.of(
          new Shape(
              "old-m3", "attributes.city:%s AND attributes.firmware:1.* AND attributes.model:M3"),
          new Shape(
              "strong-flood",
              "attributes.city:%s AND attributes.wattage > 100 AND thingTypeName:Floodlight"),
          new Shape(
              "old-install-m1",
              "attributes.city:%s AND attributes.installYear < 2008 AND attributes.model:M1"),
          new Shape(
              "fw301-m7",
              "attributes.city:%s AND attributes.firmware:3.0.1 AND attributes.model:M7"),
          new Shape(
              "district3-mid",
              "attributes.city:%s AND thingGroupNames:district-3 AND attributes.wattage:[40 TO 60]"));

  /** A group's name and query. */
  record Group(String name, String queryString) {}

  private record Shape(String name, String query) {}

  private DynamicGroupPlan() {}

  /** {@code count} groups: the probe group and {@code count - 1} city groups, shape by shape. */
  static List<Group> groups(int count) {
    List<Group> groups = new ArrayList<>();
    int cities = FleetPlan.CITIES.size();
    for (int k = 0; k < count - 1; k++) {
      Shape shape = SHAPES.get((k / cities) % SHAPES.size());
      String city = FleetPlan.CITIES.get(k % cities);
      String suffix = k < cities * SHAPES.size() ? "" : "-" + (k / (cities * SHAPES.size()));
      groups.add(
          new Group(
              "dyn-" + shape.name() + "-" + city.toLowerCase(Locale.ROOT) + suffix,
              String.format(Locale.ROOT, shape.query(), city)));
    }
    groups.add(new Group(PROBE_GROUP, "attributes." + PROBE_ATTRIBUTE + ":in"));
    return groups;
  }
}
