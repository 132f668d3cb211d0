package dev.lamplighter.api.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Reads the text of a URI label, query parameter or header as a scalar shape: integers and longs in
 * decimal, booleans as {@code true} / {@code false} (any case), doubles in decimal notation or
 * {@code NaN} / {@code Infinity} / {@code -Infinity}, blobs in base64, timestamps in the format the
 * model or the location's default says. Text that does not parse is a {@code
 * SerializationException} naming the parameter.
 */
final class TextValues {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  private TextValues() {}

  /**
   * The value of a scalar shape.
   *
   * @param what names the parameter in a message, such as {@code query parameter 'maxResults'}
   */
  static JsonNode parse(
      WireModel model, Shape shape, String text, TimestampFormat format, String what) {
    JsonNode value = parseOrNull(shape, text, format);
    if (value == null) {
      throw ErrorCode.SERIALIZATION.exception(
          "Unexpected value for "
              + what
              + ": expected "
              + ShapeDescriptions.describe(model, shape));
    }
    return value;
  }

  private static JsonNode parseOrNull(Shape shape, String text, TimestampFormat format) {
    try {
      return switch (shape.type()) {
        case STRING -> TextNode.valueOf(text);
        case INTEGER -> IntNode.valueOf(Integer.parseInt(text));
        case LONG -> LongNode.valueOf(Long.parseLong(text));
        case BOOLEAN -> bool(text);
        case DOUBLE, FLOAT -> floating(text);
        case BLOB ->
            TextNode.valueOf(Base64.getEncoder().encodeToString(Base64.getDecoder().decode(text)));
        case TIMESTAMP -> DecimalNode.valueOf(EpochSeconds.of(parseTimestamp(text, format)));
        case STRUCTURE, LIST, MAP ->
            throw new IllegalStateException("shape " + shape.name() + " cannot travel as text");
      };
    } catch (IllegalArgumentException | ArithmeticException | DateTimeException e) {
      // NumberFormatException is an IllegalArgumentException, as is a bad base64 string.
      return null;
    }
  }

  private static JsonNode bool(String text) {
    if ("true".equalsIgnoreCase(text)) {
      return BooleanNode.TRUE;
    }
    if ("false".equalsIgnoreCase(text)) {
      return BooleanNode.FALSE;
    }
    return null;
  }

  private static JsonNode floating(String text) {
    return switch (text) {
      case "NaN" -> DoubleNode.valueOf(Double.NaN);
      case "Infinity" -> DoubleNode.valueOf(Double.POSITIVE_INFINITY);
      case "-Infinity" -> DoubleNode.valueOf(Double.NEGATIVE_INFINITY);
      default -> DECIMAL.matcher(text).matches() ? DecimalNode.valueOf(new BigDecimal(text)) : null;
    };
  }

  /**
   * A timestamp in the given format.
   *
   * @throws DateTimeException or {@link ArithmeticException} or {@link NumberFormatException} if
   *     the text is not one
   */
  static Instant parseTimestamp(String text, TimestampFormat format) {
    return switch (format) {
      case ISO8601 ->
          OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      case RFC822 -> ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      case UNIX_TIMESTAMP -> {
        if (!DECIMAL.matcher(text).matches()) {
          throw new DateTimeException("not epoch seconds: " + text);
        }
        yield EpochSeconds.toInstant(new BigDecimal(text));
      }
    };
  }

  /** A {@code SerializationException} for a value that is not what the parameter needs. */
  static ServiceException unexpected(String what, String expected) {
    return ErrorCode.SERIALIZATION.exception(
        "Unexpected value for " + what + ": expected " + expected);
  }
}
