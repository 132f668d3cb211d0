package dev.lamplighter.api.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * Shows a member's value in a validation message the way AWS does: strings as given, numbers in
 * plain notation, lists as {@code [a, b]}, maps and structures as {@code {key=value, ...}}. Values
 * of sensitive shapes are redacted; a rendering longer than {@value #MAX_CODE_POINTS} code points
 * is cut and ends with {@code ...}.
 */
final class ValueRenderer {
  static final int MAX_CODE_POINTS = 256;
  static final String REDACTED = "*** Sensitive Data Redacted ***";

  private final WireModel model;

  ValueRenderer(WireModel model) {
    this.model = model;
  }

  String render(Shape shape, JsonNode value) {
    StringBuilder out = new StringBuilder();
    append(shape, value, out);
    return truncate(out.toString());
  }

  private void append(Shape shape, JsonNode value, StringBuilder out) {
    if (shape.sensitive()) {
      out.append(REDACTED);
      return;
    }
    switch (shape.type()) {
      case LIST -> {
        Shape member = model.shape(shape.member().orElseThrow());
        out.append('[');
        for (int i = 0; i < value.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          append(member, value.get(i), out);
        }
        out.append(']');
      }
      case MAP -> {
        Shape valueShape = model.shape(shape.value().orElseThrow());
        appendEntries(value, out, entry -> valueShape);
      }
      case STRUCTURE ->
          appendEntries(value, out, entry -> model.shape(shape.members().get(entry).shape()));
      default -> out.append(scalar(value));
    }
  }

  private void appendEntries(JsonNode object, StringBuilder out, Function<String, Shape> shapeOf) {
    out.append('{');
    Iterator<Map.Entry<String, JsonNode>> entries = object.properties().iterator();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      out.append(entry.getKey()).append('=');
      append(shapeOf.apply(entry.getKey()), entry.getValue(), out);
      if (entries.hasNext()) {
        out.append(", ");
      }
    }
    out.append('}');
  }

  private static String scalar(JsonNode value) {
    if (value.isBigDecimal()) {
      return value.decimalValue().toPlainString();
    }
    return value.asText();
  }

  static String truncate(String text) {
    if (text.codePointCount(0, text.length()) <= MAX_CODE_POINTS) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, MAX_CODE_POINTS)) + "...";
  }
}
