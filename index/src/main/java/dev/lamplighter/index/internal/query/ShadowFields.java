package dev.lamplighter.index.internal.query;

import dev.lamplighter.index.IndexField.FieldType;
import java.util.List;
import java.util.Optional;

/**
 * The names of shadow fields in AWS_Things: {@code shadow.<part>} for the classic shadow and {@code
 * shadow.name.<shadowName>.<part>} for a named one, where the part is {@code version}, {@code
 * hasDelta}, {@code desired.<path>}, {@code reported.<path>} or {@code
 * metadata.<desired|reported>.<path>.timestamp}. They are the paths of the indexed shadow document
 * ({@link ShadowJson}) under {@code shadow.}.
 */
final class ShadowFields {
  static final String PREFIX = "shadow.";
  static final String NAMED_PREFIX = "shadow.name.";
  static final String VERSION = "version";
  static final String HAS_DELTA = "hasDelta";

  /** The types a desired or reported value may have: its JSON type decides. */
  static final List<FieldType> VALUE_TYPES =
      List.of(FieldType.String, FieldType.Number, FieldType.Boolean);

  private ShadowFields() {}

  /**
   * A shadow field name taken apart.
   *
   * @param shadowName the named shadow, or null for the classic one
   * @param part what follows the shadow's prefix, such as {@code reported.wattage}
   */
  record ShadowField(String shadowName, String part) {
    /** A desired or reported value, typed by its JSON type unless a custom field types it. */
    boolean isStateValue() {
      return hasPath(part, "desired.") || hasPath(part, "reported.");
    }

    /** The type of a field whose type does not depend on its values, if this is one. */
    Optional<FieldType> fixedType() {
      if (part.equals(VERSION)) {
        return Optional.of(FieldType.Number);
      }
      if (part.equals(HAS_DELTA)) {
        return Optional.of(FieldType.Boolean);
      }
      boolean metadata = hasPath(part, "metadata.desired.") || hasPath(part, "metadata.reported.");
      if (metadata && part.endsWith(".timestamp")) {
        return Optional.of(FieldType.Number);
      }
      return Optional.empty();
    }
  }

  /** The field taken apart, or empty when it does not name a shadow field. */
  static Optional<ShadowField> parse(String field) {
    if (field.startsWith(NAMED_PREFIX)) {
      String rest = field.substring(NAMED_PREFIX.length());
      int dot = rest.indexOf('.');
      if (dot <= 0 || dot == rest.length() - 1) {
        return Optional.empty();
      }
      return Optional.of(new ShadowField(rest.substring(0, dot), rest.substring(dot + 1)));
    }
    if (field.startsWith(PREFIX) && field.length() > PREFIX.length()) {
      return Optional.of(new ShadowField(null, field.substring(PREFIX.length())));
    }
    return Optional.empty();
  }

  /** The prefix of a shadow's fields: {@code shadow.} or {@code shadow.name.<shadowName>.}. */
  static String prefix(String shadowName) {
    return shadowName == null ? PREFIX : NAMED_PREFIX + shadowName + ".";
  }

  private static boolean hasPath(String part, String section) {
    return part.startsWith(section) && part.length() > section.length();
  }
}
