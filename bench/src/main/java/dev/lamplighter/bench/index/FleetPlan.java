package dev.lamplighter.bench.index;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The street lights the index suite seeds, as pure arithmetic on their number: the same thing
 * always gets the same name, type, attributes and static group, so every step (and a rerun) agrees
 * on the fleet without sharing state.
 *
 * <p>Cities are skewed (the first is about 28 % of the fleet, the last about 1.4 %), as real fleets
 * are; the other attributes are close to uniform. Typed things carry five attributes; the few
 * untyped things only three, AWS's limit for a thing without a type.
 */
public final class FleetPlan {
  public static final List<String> CITIES =
      List.of(
          "Turin",
          "Milan",
          "Rome",
          "Naples",
          "Genoa",
          "Bologna",
          "Florence",
          "Bari",
          "Catania",
          "Venice",
          "Verona",
          "Messina",
          "Padua",
          "Trieste",
          "Brescia",
          "Parma",
          "Taranto",
          "Prato",
          "Modena",
          "Ravenna");
  public static final List<String> FIRMWARE =
      List.of(
          "1.0.0", "1.2.1", "1.4.2", "1.5.0", "2.0.0", "2.1.3", "2.2.0", "2.3.1", "2.4.0", "2.5.2",
          "3.0.0", "3.0.1");
  public static final int MODELS = 10;
  public static final int STATIC_GROUPS = 10;
  public static final String STREET_LIGHT = "StreetLight";
  public static final String FLOODLIGHT = "Floodlight";
  public static final List<String> THING_TYPES = List.of(STREET_LIGHT, FLOODLIGHT);

  /** The Number custom fields declared before seeding. */
  public static final List<String> NUMBER_FIELDS =
      List.of("attributes.wattage", "attributes.installYear");

  private static final double[] CITY_CUMULATIVE = cumulativeZipf(CITIES.size());

  private final int things;

  public FleetPlan(int things) {
    this.things = things;
  }

  public int things() {
    return things;
  }

  /** {@code light-0000000} onwards; seven digits hold ten million things. */
  public static String thing(int i) {
    return String.format(Locale.ROOT, "light-%07d", i);
  }

  /** StreetLight for 80 %, Floodlight for 15 %, none for 5 %. */
  public Optional<String> thingType(int i) {
    int percent = random(i, 1).nextInt(100);
    if (percent < 80) {
      return Optional.of(STREET_LIGHT);
    }
    return percent < 95 ? Optional.of(FLOODLIGHT) : Optional.empty();
  }

  public boolean typed(int i) {
    return thingType(i).isPresent();
  }

  public Map<String, String> attributes(int i) {
    SplittableRandom random = random(i, 2);
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("city", city(random.nextDouble()));
    attributes.put("firmware", FIRMWARE.get(random.nextInt(FIRMWARE.size())));
    attributes.put("wattage", Integer.toString(10 + 5 * random.nextInt(23)));
    String model = "M" + (1 + random.nextInt(MODELS));
    String installYear = Integer.toString(2005 + random.nextInt(20));
    if (typed(i)) {
      attributes.put("model", model);
      attributes.put("installYear", installYear);
    }
    return attributes;
  }

  /** Every tenth thing belongs to one of the static groups {@code district-0} … {@code -9}. */
  public static Optional<String> staticGroup(int i) {
    return i % 10 == 0 ? Optional.of(district((i / 10) % STATIC_GROUPS)) : Optional.empty();
  }

  public static String district(int k) {
    return "district-" + k;
  }

  /** How many things {@link #staticGroup} places in a group. */
  public int staticMembers() {
    return (things + 9) / 10;
  }

  /** The number of the {@code n}-th static member. */
  public static int staticMember(int n) {
    return n * 10;
  }

  private static String city(double u) {
    for (int k = 0; k < CITY_CUMULATIVE.length; k++) {
      if (u < CITY_CUMULATIVE[k]) {
        return CITIES.get(k);
      }
    }
    return CITIES.get(CITIES.size() - 1);
  }

  private static double[] cumulativeZipf(int n) {
    double[] cumulative = new double[n];
    double total = 0;
    for (int k = 0; k < n; k++) {
      total += 1.0 / (k + 1);
      cumulative[k] = total;
    }
    for (int k = 0; k < n; k++) {
      cumulative[k] /= total;
    }
    return cumulative;
  }

  private static SplittableRandom random(int i, int stream) {
    return new SplittableRandom(i * 31L + stream);
  }
}
