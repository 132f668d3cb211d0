package dev.lamplighter.api.wire;

import java.util.Locale;

/** The kinds of shape the AWS service models use for the operations Lamplighter serves. */
public enum ShapeType {
  STRUCTURE,
  LIST,
  MAP,
  STRING,
  INTEGER,
  LONG,
  BOOLEAN,
  TIMESTAMP,
  BLOB,
  DOUBLE,
  FLOAT;

  /** The type named by a model's {@code type} field, such as {@code "structure"}. */
  static ShapeType of(String modelName) {
    return valueOf(modelName.toUpperCase(Locale.ROOT));
  }

  boolean isScalar() {
    return this != STRUCTURE && this != LIST && this != MAP;
  }
}
