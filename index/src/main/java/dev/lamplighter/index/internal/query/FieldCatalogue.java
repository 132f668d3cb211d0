package dev.lamplighter.index.internal.query;

import dev.lamplighter.index.IndexField;
import dev.lamplighter.index.IndexField.FieldType;
import dev.lamplighter.index.IndexingConfiguration;
import dev.lamplighter.index.internal.query.ShadowFields.ShadowField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fields an index has and their types: the managed fields AWS lists in
 * GetIndexingConfiguration, the configured custom fields, any {@code attributes.<name>}, which is a
 * String unless a custom field declares it otherwise, and the fields of the indexed shadows ({@link
 * ShadowFields}), whose desired and reported values are typed by their JSON type unless a custom
 * field declares one.
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

  private static final List<FieldType> VALUE_TYPES = ShadowFields.VALUE_TYPES;
  private static final List<FieldType> NONE = List.of();

  private final IndexKind kind;
  private final boolean connectivityIndexed;
  private final Map<String, FieldType> managed;
  private final Map<String, FieldType> custom;
  private final boolean classicShadow;
  private final Set<String> namedShadows;

  private FieldCatalogue(
      IndexKind kind,
      boolean connectivityIndexed,
      Map<String, FieldType> managed,
      List<IndexField> customFields,
      boolean classicShadow,
      Set<String> namedShadows) {
    this.kind = kind;
    this.connectivityIndexed = connectivityIndexed;
    this.managed = managed;
    this.classicShadow = classicShadow;
    this.namedShadows = Set.copyOf(namedShadows);
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
    if (configuration.classicShadowIndexed()) {
      managed.put(ShadowFields.PREFIX + ShadowFields.HAS_DELTA, FieldType.Boolean);
      managed.put(ShadowFields.PREFIX + ShadowFields.VERSION, FieldType.Number);
    }
    Set<String> named = configuration.indexedNamedShadows();
    if (!named.isEmpty()) {
      // Listed as AWS lists them, with * for every shadow of the filter.
      managed.put(ShadowFields.prefix("*") + ShadowFields.HAS_DELTA, FieldType.Boolean);
      managed.put(ShadowFields.prefix("*") + ShadowFields.VERSION, FieldType.Number);
    }
    return new FieldCatalogue(
        IndexKind.THINGS,
        connectivity,
        managed,
        configuration.thingCustomFields(),
        configuration.classicShadowIndexed(),
        named);
  }

  /** The fields of AWS_ThingGroups under this configuration. */
  public static FieldCatalogue thingGroups(IndexingConfiguration configuration) {
    Map<String, FieldType> managed = new LinkedHashMap<>();
    managed.put(THING_GROUP_NAME, FieldType.String);
    managed.put(THING_GROUP_ID, FieldType.String);
    managed.put(THING_GROUP_DESCRIPTION, FieldType.String);
    managed.put(PARENT_GROUP_NAMES, FieldType.String);
    return new FieldCatalogue(
        IndexKind.THING_GROUPS,
        false,
        managed,
        configuration.thingGroupCustomFields(),
        false,
        Set.of());
  }

  public IndexKind kind() {
    return kind;
  }

  /** Whether connectivity fields are part of this index (things with connectivity STATUS only). */
  public boolean connectivityIndexed() {
    return connectivityIndexed;
  }

  /**
   * The one type of a field, or empty when the index has no such field or when the field is a
   * shadow value typed by its values ({@link #typesOf}).
   */
  public Optional<FieldType> typeOf(String fieldName) {
    List<FieldType> types = typesOf(fieldName);
    return types.size() == 1 ? Optional.of(types.get(0)) : Optional.empty();
  }

  /**
   * The types a field's values may have: one for a typed field, the three JSON types for a desired
   * or reported shadow value no custom field types, none when the index has no such field.
   */
  public List<FieldType> typesOf(String fieldName) {
    FieldType type = managed.get(fieldName);
    if (type == null) {
      type = custom.get(fieldName);
    }
    if (type == null && isAttribute(fieldName)) {
      type = FieldType.String;
    }
    if (type != null) {
      return List.of(type);
    }
    return indexedShadowField(fieldName)
        .map(
            field ->
                field.fixedType().map(List::of).orElse(field.isStateValue() ? VALUE_TYPES : NONE))
        .orElse(List.of());
  }

  /** Whether a custom field may name this field: an attribute or an indexed shadow's value. */
  public boolean acceptsCustomField(String fieldName) {
    return isAttribute(fieldName)
        || indexedShadowField(fieldName).filter(ShadowField::isStateValue).isPresent();
  }

  /** The type a shadow value is indexed as: its custom field's, or null to keep its JSON type. */
  FieldType declaredType(String fieldName) {
    return custom.get(fieldName);
  }

  private Optional<ShadowField> indexedShadowField(String fieldName) {
    return ShadowFields.parse(fieldName)
        .filter(
            field ->
                field.shadowName() == null
                    ? classicShadow
                    : namedShadows.contains(field.shadowName()));
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
