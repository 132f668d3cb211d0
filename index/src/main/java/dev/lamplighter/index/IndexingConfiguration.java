package dev.lamplighter.index;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a scope's fleet index holds: UpdateIndexingConfiguration's thing and thing group
 * configurations.
 *
 * @param thingIndexingMode OFF, REGISTRY or REGISTRY_AND_SHADOW
 * @param thingConnectivityIndexingMode OFF or STATUS
 * @param deviceDefenderIndexingMode OFF or VIOLATIONS (kept; nothing feeds it yet)
 * @param namedShadowIndexingMode OFF or ON: ON indexes the named shadows of {@code
 *     namedShadowNames}
 * @param thingCustomFields typed fields of AWS_Things, such as {@code attributes.firmware} or
 *     {@code shadow.reported.wattage}
 * @param thingGroupIndexingMode OFF or ON
 * @param thingGroupCustomFields typed fields of AWS_ThingGroups
 * @param namedShadowNames AWS's {@code filter.namedShadowNames}: the named shadows to index, in the
 *     configured order (kept when named shadow indexing is OFF, as AWS keeps the filter)
 */
public record IndexingConfiguration(
    ThingIndexingMode thingIndexingMode,
    ConnectivityIndexingMode thingConnectivityIndexingMode,
    String deviceDefenderIndexingMode,
    String namedShadowIndexingMode,
    List<IndexField> thingCustomFields,
    GroupIndexingMode thingGroupIndexingMode,
    List<IndexField> thingGroupCustomFields,
    List<String> namedShadowNames) {

  /**
   * Lamplighter's default: registry and connectivity of things, and thing groups, are indexed.
   * AWS's default is OFF; an index that is on from the start is what a self-hosted fleet wants, and
   * OFF is honoured when configured.
   */
  public static final IndexingConfiguration DEFAULT =
      new IndexingConfiguration(
          ThingIndexingMode.REGISTRY,
          ConnectivityIndexingMode.STATUS,
          "OFF",
          "OFF",
          List.of(),
          GroupIndexingMode.ON,
          List.of(),
          List.of());

  /** AWS's limit on {@code filter.namedShadowNames}. */
  public static final int MAX_NAMED_SHADOW_NAMES = 10;

  public IndexingConfiguration {
    Objects.requireNonNull(thingIndexingMode, "thingIndexingMode");
    Objects.requireNonNull(thingConnectivityIndexingMode, "thingConnectivityIndexingMode");
    Objects.requireNonNull(deviceDefenderIndexingMode, "deviceDefenderIndexingMode");
    Objects.requireNonNull(namedShadowIndexingMode, "namedShadowIndexingMode");
    thingCustomFields = List.copyOf(thingCustomFields);
    Objects.requireNonNull(thingGroupIndexingMode, "thingGroupIndexingMode");
    thingGroupCustomFields = List.copyOf(thingGroupCustomFields);
    namedShadowNames = List.copyOf(namedShadowNames);
  }

  /** A configuration without a named shadow filter. */
  public IndexingConfiguration(
      ThingIndexingMode thingIndexingMode,
      ConnectivityIndexingMode thingConnectivityIndexingMode,
      String deviceDefenderIndexingMode,
      String namedShadowIndexingMode,
      List<IndexField> thingCustomFields,
      GroupIndexingMode thingGroupIndexingMode,
      List<IndexField> thingGroupCustomFields) {
    this(
        thingIndexingMode,
        thingConnectivityIndexingMode,
        deviceDefenderIndexingMode,
        namedShadowIndexingMode,
        thingCustomFields,
        thingGroupIndexingMode,
        thingGroupCustomFields,
        List.of());
  }

  public boolean thingsIndexed() {
    return thingIndexingMode != ThingIndexingMode.OFF;
  }

  public boolean connectivityIndexed() {
    return thingsIndexed() && thingConnectivityIndexingMode == ConnectivityIndexingMode.STATUS;
  }

  /** Whether things' classic shadows are indexed (thingIndexingMode REGISTRY_AND_SHADOW). */
  public boolean classicShadowIndexed() {
    return thingIndexingMode == ThingIndexingMode.REGISTRY_AND_SHADOW;
  }

  /** The named shadows that are indexed: the filter's names when named shadow indexing is ON. */
  public Set<String> indexedNamedShadows() {
    if (!thingsIndexed() || !"ON".equals(namedShadowIndexingMode)) {
      return Set.of();
    }
    return Collections.unmodifiableSet(new LinkedHashSet<>(namedShadowNames));
  }

  /** Whether any shadow of a thing is part of its document. */
  public boolean shadowsIndexed() {
    return classicShadowIndexed() || !indexedNamedShadows().isEmpty();
  }

  public boolean groupsIndexed() {
    return thingGroupIndexingMode == GroupIndexingMode.ON;
  }

  /** AWS's thingIndexingMode. */
  public enum ThingIndexingMode {
    OFF,
    REGISTRY,
    REGISTRY_AND_SHADOW
  }

  /** AWS's thingConnectivityIndexingMode. */
  public enum ConnectivityIndexingMode {
    OFF,
    STATUS
  }

  /** AWS's thingGroupIndexingMode. */
  public enum GroupIndexingMode {
    OFF,
    ON
  }
}
