package dev.lamplighter.api.wire;

/**
 * Names what a shape expects in a {@code SerializationException} message: {@code a string}, {@code
 * an integer}, {@code a map of strings}, {@code a list of objects}.
 */
final class ShapeDescriptions {
  private ShapeDescriptions() {}

  /** The expected value with its article, such as {@code a list of strings}. */
  static String describe(WireModel model, Shape shape) {
    return switch (shape.type()) {
      case STRING -> "a string";
      case INTEGER, LONG -> "an integer";
      case DOUBLE, FLOAT -> "a number";
      case BOOLEAN -> "a boolean";
      case BLOB -> "a base64-encoded string";
      case TIMESTAMP -> "a timestamp";
      case STRUCTURE -> "an object";
      case LIST -> "a list of " + plural(model, model.shape(shape.member().orElseThrow()));
      case MAP -> "a map of " + plural(model, model.shape(shape.value().orElseThrow()));
    };
  }

  private static String plural(WireModel model, Shape shape) {
    return switch (shape.type()) {
      case STRING -> "strings";
      case INTEGER, LONG -> "integers";
      case DOUBLE, FLOAT -> "numbers";
      case BOOLEAN -> "booleans";
      case BLOB -> "base64-encoded strings";
      case TIMESTAMP -> "timestamps";
      case STRUCTURE -> "objects";
      case LIST -> "lists";
      case MAP -> "maps";
    };
  }
}
