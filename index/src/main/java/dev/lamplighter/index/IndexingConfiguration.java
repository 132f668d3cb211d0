package dev.lamplighter.index;

import java.util.List;
import java.util.Objects;

/**
 * What a scope's fleet index holds: UpdateIndexingConfiguration's thing and thing group
 * configurations.
 *
 * @param thingIndexingMode OFF, REGISTRY or REGISTRY_AND_SHADOW
 * @param thingConnectivityIndexingMode OFF or STATUS
 * @param deviceDefenderIndexingMode OFF or VIOLATIONS (kept; nothing feeds it yet)
 * @param namedShadowIndexingMode OFF or ON (kept; nothing feeds it yet)
 * @param thingCustomFields typed fields of AWS_Things, such as {@code attributes.firmware}
 * @param thingGroupIndexingMode OFF or ON
 * @param thingGroupCustomFields typed fields of AWS_ThingGroups
 */
public record IndexingConfiguration(
    ThingIndexingMode thingIndexingMode,
    ConnectivityIndexingMode thingConnectivityIndexingMode,
    String deviceDefenderIndexingMode,
    String namedShadowIndexingMode,
    List<IndexField> thingCustomFields,
    GroupIndexingMode thingGroupIndexingMode,
    List<IndexField> thingGroupCustomFields) {

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
          List.of());

  public IndexingConfiguration {
    Objects.requireNonNull(thingIndexingMode, "thingIndexingMode");
    Objects.requireNonNull(thingConnectivityIndexingMode, "thingConnectivityIndexingMode");
    Objects.requireNonNull(deviceDefenderIndexingMode, "deviceDefenderIndexingMode");
    Objects.requireNonNull(namedShadowIndexingMode, "namedShadowIndexingMode");
    thingCustomFields = List.copyOf(thingCustomFields);
    Objects.requireNonNull(thingGroupIndexingMode, "thingGroupIndexingMode");
    thingGroupCustomFields = List.copyOf(thingGroupCustomFields);
  }

  public boolean thingsIndexed() {
    return thingIndexingMode != ThingIndexingMode.OFF;
  }

  public boolean connectivityIndexed() {
    return thingsIndexed() && thingConnectivityIndexingMode == ConnectivityIndexingMode.STATUS;
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
