package dev.lamplighter.api.wire;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Reads JSON as the model's shapes say it must look, the way an AWS service's JSON deserializer
 * does: it parses the body, checks every modeled member's JSON type, and returns a tree with only
 * the modeled members, keyed by member name and in member order. Unknown members and explicit
 * {@code null}s are dropped. Numbers become {@link IntNode} / {@link LongNode} for integer shapes;
 * timestamps become epoch seconds ({@link DecimalNode} with millisecond scale).
 *
 * <p>A value of the wrong JSON type is a {@code SerializationException} naming the member path and
 * what was expected. A wrongly typed element of a list or value of a map is reported at the list or
 * map, with the collection's description ({@code expected a map of strings}).
 */
final class JsonShapeReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final WireModel model;

  JsonShapeReader(WireModel model) {
    this.model = model;
  }

  /**
   * Parses a JSON document; a blank body is {@link MissingNode}.
   *
   * @throws ServiceException {@code SERIALIZATION} if the body is not well-formed JSON
   */
  static JsonNode parse(byte[] body) {
    try {
      JsonNode tree = WireJson.mapper().readTree(body);
      return tree == null ? MissingNode.getInstance() : tree;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new ServiceException(
          ErrorCode.SERIALIZATION, "Malformed JSON in the request body" + where, Map.of(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The members of a structure that pass the filter, read from a JSON object.
   *
   * @param path the structure's path, empty for the operation input
   */
  ObjectNode readStructure(Shape shape, JsonNode json, String path, Predicate<Member> include) {
    if (!json.isObject()) {
      throw unexpected(path, shape);
    }
    ObjectNode out = NODES.objectNode();
    for (Member member : shape.members().values()) {
      if (!include.test(member)) {
        continue;
      }
      JsonNode value = json.get(member.wireName());
      if (value == null || value.isNull()) {
        continue;
      }
      String memberPath = path.isEmpty() ? member.name() : path + "." + member.name();
      out.set(member.name(), read(model.shape(member.shape()), member, value, memberPath));
    }
    return out;
  }

  /** One non-null value of a shape. */
  JsonNode read(Shape shape, Member member, JsonNode json, String path) {
    JsonNode value = readOrNull(shape, member, json, path);
    if (value == null) {
      throw unexpected(path, shape);
    }
    return value;
  }

  /** The value read, or {@code null} if its JSON type is wrong for a scalar shape. */
  private JsonNode readOrNull(Shape shape, Member member, JsonNode json, String path) {
    return switch (shape.type()) {
      case STRUCTURE -> readStructure(shape, json, path, m -> true);
      case LIST -> readList(shape, json, path);
      case MAP -> readMap(shape, json, path);
      case STRING -> json.isTextual() ? json : null;
      case BOOLEAN -> json.isBoolean() ? BooleanNode.valueOf(json.booleanValue()) : null;
      case INTEGER -> integral(json, Integer.MIN_VALUE, Integer.MAX_VALUE, true);
      case LONG -> integral(json, Long.MIN_VALUE, Long.MAX_VALUE, false);
      case DOUBLE, FLOAT -> floating(json);
      case BLOB -> json.isTextual() && isBase64(json.textValue()) ? json : null;
      case TIMESTAMP -> timestamp(shape, member, json);
    };
  }

  private ArrayNode readList(Shape shape, JsonNode json, String path) {
    if (!json.isArray()) {
      throw unexpected(path, shape);
    }
    Shape element = model.shape(shape.member().orElseThrow());
    ArrayNode out = NODES.arrayNode(json.size());
    for (int i = 0; i < json.size(); i++) {
      JsonNode item = json.get(i);
      JsonNode value =
          item.isNull() || !kindMatches(element, item)
              ? null
              : readOrNull(element, null, item, path + "." + (i + 1) + ".member");
      if (value == null) {
        throw unexpected(path, shape);
      }
      out.add(value);
    }
    return out;
  }

  private ObjectNode readMap(Shape shape, JsonNode json, String path) {
    if (!json.isObject()) {
      throw unexpected(path, shape);
    }
    Shape valueShape = model.shape(shape.value().orElseThrow());
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> entry : json.properties()) {
      JsonNode item = entry.getValue();
      JsonNode value =
          item.isNull() || !kindMatches(valueShape, item)
              ? null
              : readOrNull(valueShape, null, item, path + "." + entry.getKey());
      if (value == null) {
        throw unexpected(path, shape);
      }
      out.set(entry.getKey(), value);
    }
    return out;
  }

  /** Whether a collection element has the JSON kind of its shape; deeper errors say more. */
  private static boolean kindMatches(Shape shape, JsonNode json) {
    return switch (shape.type()) {
      case STRUCTURE, MAP -> json.isObject();
      case LIST -> json.isArray();
      default -> true;
    };
  }

  private static JsonNode integral(JsonNode json, long min, long max, boolean asInt) {
    if (!json.isNumber()) {
      return null;
    }
    try {
      long value = json.decimalValue().longValueExact();
      if (value < min || value > max) {
        return null;
      }
      return asInt ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
    } catch (ArithmeticException notIntegral) {
      return null;
    }
  }

  private static JsonNode floating(JsonNode json) {
    if (json.isNumber()) {
      return json.isBigDecimal() ? json : DecimalNode.valueOf(json.decimalValue());
    }
    if (json.isTextual()) {
      return switch (json.textValue()) {
        case "NaN" -> DoubleNode.valueOf(Double.NaN);
        case "Infinity" -> DoubleNode.valueOf(Double.POSITIVE_INFINITY);
        case "-Infinity" -> DoubleNode.valueOf(Double.NEGATIVE_INFINITY);
        default -> null;
      };
    }
    return null;
  }

  private static JsonNode timestamp(Shape shape, Member member, JsonNode json) {
    try {
      if (json.isNumber()) {
        return DecimalNode.valueOf(EpochSeconds.of(EpochSeconds.toInstant(json.decimalValue())));
      }
      TimestampFormat format =
          member != null && member.timestampFormat().isPresent()
              ? member.timestampFormat().get()
              : shape.timestampFormat().orElse(TimestampFormat.UNIX_TIMESTAMP);
      if (json.isTextual() && format != TimestampFormat.UNIX_TIMESTAMP) {
        Instant instant = TextValues.parseTimestamp(json.textValue(), format);
        return DecimalNode.valueOf(EpochSeconds.of(instant));
      }
    } catch (ArithmeticException | DateTimeException e) {
      return null;
    }
    return null;
  }

  private static boolean isBase64(String text) {
    try {
      Base64.getDecoder().decode(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private ServiceException unexpected(String path, Shape shape) {
    String subject = path.isEmpty() ? "the request body" : "'" + path + "'";
    return ErrorCode.SERIALIZATION.exception(
        "Unexpected value for "
            + subject
            + ": expected "
            + ShapeDescriptions.describe(model, shape));
  }
}
