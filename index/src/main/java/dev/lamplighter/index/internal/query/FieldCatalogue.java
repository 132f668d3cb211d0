package dev.lamplighter.index.internal.query;

import dev.lamplighter.index.IndexField;
import dev.lamplighter.index.IndexField.FieldType;
import dev.lamplighter.index.IndexingConfiguration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields an index has and their types: the managed fields AWS lists in
 * GetIndexingConfiguration, the configured custom fields, and any {@code attributes.<name>}, which
 * is a String unless a custom field declares it otherwise.
 */
public final class FieldCatalogue {
  public static final String THING_NAME = "thingName";
  public static final String THING_ID = "thingId";
  public static final String THING_TYPE_NAME = "thingTypeName";
  public static final String THING_GROUP_NAMES = "thingGroupNames";
  public static final String REGISTRY_VERSION = "registry.version";
  public static final String CONNECTED = "connectivity.connected";
  public static final String CONNECTIVITY_TIMESTAMP = "connectivity.timestamp";
  public static final String DISCONNECT_REASON = "connectivity.disconnectReason";
  public static final String THING_GROUP_NAME = "thingGroupName";
  public static final String THING_GROUP_ID = "thingGroupId";
  public static final String THING_GROUP_DESCRIPTION = "thingGroupDescription";
  public static final String PARENT_GROUP_NAMES = "parentGroupNames";
  public static final String ATTRIBUTES_PREFIX = "attributes.";

  private final IndexKind kind;
  private final boolean connectivityIndexed;
  private final Map<String, FieldType> managed;
  private final Map<String, FieldType> custom;

  private FieldCatalogue(
      IndexKind kind,
      boolean connectivityIndexed,
      Map<String, FieldType> managed,
      List<IndexField> customFields) {
    this.kind = kind;
    this.connectivityIndexed = connectivityIndexed;
    this.managed = managed;
    this.custom = new LinkedHashMap<>();
    for (IndexField field : customFields) {
      custom.put(field.name(), field.type());
    }
  }

  /** The fields of AWS_Things under this configuration. */
  public static FieldCatalogue things(IndexingConfiguration configuration) {
    Map<String, FieldType> managed = new LinkedHashMap<>();
    managed.put(THING_NAME, FieldType.String);
    managed.put(THING_ID, FieldType.String);
    managed.put(THING_TYPE_NAME, FieldType.String);
    managed.put(THING_GROUP_NAMES, FieldType.String);
    managed.put(REGISTRY_VERSION, FieldType.Number);
    boolean connectivity = configuration.connectivityIndexed();
    if (connectivity) {
      managed.put(CONNECTED, FieldType.Boolean);
      managed.put(CONNECTIVITY_TIMESTAMP, FieldType.Number);
      managed.put(DISCONNECT_REASON, FieldType.String);
    }
    return new FieldCatalogue(
        IndexKind.THINGS, connectivity, managed, configuration.thingCustomFields());
  }

  /** The fields of AWS_ThingGroups under this configuration. */
  public static FieldCatalogue thingGroups(IndexingConfiguration configuration) {
    Map<String, FieldType> managed = new LinkedHashMap<>();
    managed.put(THING_GROUP_NAME, FieldType.String);
    managed.put(THING_GROUP_ID, FieldType.String);
    managed.put(THING_GROUP_DESCRIPTION, FieldType.String);
    managed.put(PARENT_GROUP_NAMES, FieldType.String);
    return new FieldCatalogue(
        IndexKind.THING_GROUPS, false, managed, configuration.thingGroupCustomFields());
  }

  public IndexKind kind() {
    return kind;
  }

  /** Whether connectivity fields are part of this index (things with connectivity STATUS only). */
  public boolean connectivityIndexed() {
    return connectivityIndexed;
  }

  /** The type of a field, or empty when the index has no such field. */
  public Optional<FieldType> typeOf(String fieldName) {
    FieldType type = managed.get(fieldName);
    if (type == null) {
      type = custom.get(fieldName);
    }
    if (type == null && isAttribute(fieldName)) {
      type = FieldType.String;
    }
    return Optional.ofNullable(type);
  }

  /** The managed fields, as GetIndexingConfiguration lists them. */
  public List<IndexField> managedFields() {
    List<IndexField> fields = new ArrayList<>();
    managed.forEach((name, type) -> fields.add(new IndexField(name, type)));
    return List.copyOf(fields);
  }

  /** The custom fields of the configuration, in their configured order. */
  public List<IndexField> customFields() {
    List<IndexField> fields = new ArrayList<>();
    custom.forEach((name, type) -> fields.add(new IndexField(name, type)));
    return List.copyOf(fields);
  }

  /** The type an attribute is indexed as: String unless a custom field says otherwise. */
  FieldType attributeType(String attributeName) {
    return custom.getOrDefault(ATTRIBUTES_PREFIX + attributeName, FieldType.String);
  }

  private static boolean isAttribute(String fieldName) {
    return fieldName.startsWith(ATTRIBUTES_PREFIX)
        && fieldName.length() > ATTRIBUTES_PREFIX.length();
  }
}
