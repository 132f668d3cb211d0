package dev.lamplighter.index;

import java.util.Objects;

/**
 * A typed field of an index (AWS's Field): a custom field such as {@code attributes.temperature} of
 * type Number, or a managed field.
 */
public record IndexField(String name, FieldType type) {
  public IndexField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** AWS's FieldType, spelled as on the wire. */
  public enum FieldType {
    Number,
    String,
    Boolean
  }
}
