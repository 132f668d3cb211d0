package dev.lamplighter.api.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Checks a bound input tree against the model's constraints and lists every violation, in member
 * order, depth first. The tree must already have the model's JSON types (see {@link
 * JsonShapeReader}); this class only judges values.
 *
 * <p>Paths follow AWS: member names joined with {@code .}, list elements as {@code tags.1.member}
 * (1-based), structure values of a map as {@code map.key}. Each failed constraint of a scalar is
 * its own violation, in the order length, value range, pattern, enum. Keys and values of a map are
 * judged together: one violation for all failing keys ({@code Map keys must satisfy constraint:
 * [...]}) and one for all failing scalar values ({@code Map value must satisfy constraint: [...]}),
 * each listing the failed constraints once in that same order.
 */
final class ConstraintValidator {
  /** The order in which constraint phrases of one value are reported. */
  private enum Check {
    LENGTH_MIN,
    LENGTH_MAX,
    VALUE_MIN,
    VALUE_MAX,
    PATTERN,
    ENUM
  }

  private final WireModel model;
  private final ValueRenderer renderer;

  ConstraintValidator(WireModel model) {
    this.model = model;
    this.renderer = new ValueRenderer(model);
  }

  /** Every violation in a structure value, with paths relative to it. */
  List<Violation> validate(Shape structure, JsonNode value) {
    List<Violation> violations = new ArrayList<>();
    structure(structure, value, "", violations);
    return violations;
  }

  private void structure(Shape shape, JsonNode value, String path, List<Violation> out) {
    for (Member member : shape.members().values()) {
      String memberPath = path.isEmpty() ? member.name() : path + "." + member.name();
      JsonNode memberValue = value.get(member.name());
      if (memberValue == null || memberValue.isNull()) {
        if (shape.isRequired(member.name())) {
          out.add(new Violation(memberPath, null, "Member must not be null"));
        }
        continue;
      }
      value(model.shape(member.shape()), memberValue, memberPath, out);
    }
  }

  private void value(Shape shape, JsonNode value, String path, List<Violation> out) {
    switch (shape.type()) {
      case STRUCTURE -> structure(shape, value, path, out);
      case LIST -> list(shape, value, path, out);
      case MAP -> map(shape, value, path, out);
      default -> {
        for (String phrase : failures(shape, value).values()) {
          out.add(new Violation(path, renderer.render(shape, value), phrase));
        }
      }
    }
  }

  private void list(Shape shape, JsonNode value, String path, List<Violation> out) {
    for (String phrase : sizeFailures(shape, value.size()).values()) {
      out.add(new Violation(path, renderer.render(shape, value), phrase));
    }
    Shape member = model.shape(shape.member().orElseThrow());
    for (int i = 0; i < value.size(); i++) {
      value(member, value.get(i), path + "." + (i + 1) + ".member", out);
    }
  }

  private void map(Shape shape, JsonNode value, String path, List<Violation> out) {
    String rendered = renderer.render(shape, value);
    for (String phrase : sizeFailures(shape, value.size()).values()) {
      out.add(new Violation(path, rendered, phrase));
    }
    Shape keyShape = model.shape(shape.key().orElseThrow());
    Shape valueShape = model.shape(shape.value().orElseThrow());
    Map<Check, String> keyFailures = new EnumMap<>(Check.class);
    Map<Check, String> valueFailures = new EnumMap<>(Check.class);
    List<Violation> nested = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      keyFailures.putAll(failures(keyShape, TextNode.valueOf(entry.getKey())));
      if (valueShape.type().isScalar()) {
        valueFailures.putAll(failures(valueShape, entry.getValue()));
      } else {
        value(valueShape, entry.getValue(), path + "." + entry.getKey(), nested);
      }
    }
    if (!keyFailures.isEmpty()) {
      out.add(
          new Violation(
              path, rendered, "Map keys must satisfy constraint: " + bracket(keyFailures)));
    }
    if (!valueFailures.isEmpty()) {
      out.add(
          new Violation(
              path, rendered, "Map value must satisfy constraint: " + bracket(valueFailures)));
    }
    out.addAll(nested);
  }

  private static String bracket(Map<Check, String> failures) {
    StringJoiner joined = new StringJoiner(", ", "[", "]");
    failures.values().forEach(joined::add);
    return joined.toString();
  }

  /** The failed constraints of a scalar value, in reporting order. */
  private static Map<Check, String> failures(Shape shape, JsonNode value) {
    Map<Check, String> failed = new EnumMap<>(Check.class);
    switch (shape.type()) {
      case STRING -> {
        String text = value.asText();
        failed.putAll(sizeFailures(shape, text.codePointCount(0, text.length())));
        shape
            .pattern()
            .filter(p -> !p.matcher(text).matches())
            .ifPresent(
                p ->
                    failed.put(
                        Check.PATTERN,
                        "Member must satisfy regular expression pattern: " + p.pattern()));
        if (!shape.enumValues().isEmpty() && !shape.enumValues().contains(text)) {
          failed.put(
              Check.ENUM, "Member must satisfy enum value set: " + shape.enumValues().toString());
        }
      }
      case BLOB -> failed.putAll(sizeFailures(shape, blobLength(value.asText())));
      case INTEGER, LONG, DOUBLE, FLOAT -> rangeFailures(shape, value, failed);
      default -> {
        // booleans and timestamps carry no constraints in the models
      }
    }
    return failed;
  }

  private static Map<Check, String> sizeFailures(Shape shape, long length) {
    Map<Check, String> failed = new EnumMap<>(Check.class);
    shape
        .min()
        .filter(min -> BigDecimal.valueOf(length).compareTo(min) < 0)
        .ifPresent(
            min ->
                failed.put(
                    Check.LENGTH_MIN,
                    "Member must have length greater than or equal to " + plain(min)));
    shape
        .max()
        .filter(max -> BigDecimal.valueOf(length).compareTo(max) > 0)
        .ifPresent(
            max ->
                failed.put(
                    Check.LENGTH_MAX,
                    "Member must have length less than or equal to " + plain(max)));
    return failed;
  }

  private static void rangeFailures(Shape shape, JsonNode value, Map<Check, String> failed) {
    double asDouble = value.asDouble();
    if (Double.isNaN(asDouble)) {
      return;
    }
    int belowMin;
    int aboveMax;
    if (Double.isInfinite(asDouble)) {
      belowMin = asDouble < 0 ? -1 : 1;
      aboveMax = asDouble > 0 ? 1 : -1;
    } else {
      BigDecimal number = value.decimalValue();
      belowMin = shape.min().map(number::compareTo).orElse(1);
      aboveMax = shape.max().map(number::compareTo).orElse(-1);
    }
    if (shape.min().isPresent() && belowMin < 0) {
      failed.put(
          Check.VALUE_MIN,
          "Member must have value greater than or equal to " + plain(shape.min().get()));
    }
    if (shape.max().isPresent() && aboveMax > 0) {
      failed.put(
          Check.VALUE_MAX,
          "Member must have value less than or equal to " + plain(shape.max().get()));
    }
  }

  private static long blobLength(String base64) {
    return Base64.getDecoder().decode(base64).length;
  }

  private static String plain(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }
}
