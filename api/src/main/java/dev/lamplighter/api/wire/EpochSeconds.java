package dev.lamplighter.api.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Timestamps as AWS JSON protocols carry them: seconds since the epoch as a JSON number with a
 * millisecond fraction, such as {@code 1700000000.123}.
 */
final class EpochSeconds {
  private EpochSeconds() {}

  /** The instant as epoch seconds with exactly three fraction digits (truncated to millis). */
  static BigDecimal of(Instant instant) {
    return BigDecimal.valueOf(instant.toEpochMilli(), 3);
  }

  /**
   * The instant of a number of epoch seconds, to the nanosecond.
   *
   * @throws ArithmeticException or {@link DateTimeException} if out of {@link Instant}'s range
   */
  static Instant toInstant(BigDecimal seconds) {
    BigDecimal exact = seconds.setScale(9, RoundingMode.HALF_UP);
    BigDecimal whole = exact.setScale(0, RoundingMode.FLOOR);
    int nanos = exact.subtract(whole).movePointRight(9).intValueExact();
    return Instant.ofEpochSecond(whole.longValueExact(), nanos);
  }

  /** Writes an {@link Instant} as epoch seconds with a millisecond fraction. */
  static final class Serializer extends StdScalarSerializer<Instant> {
    private static final long serialVersionUID = 1L;

    Serializer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeNumber(of(value));
    }
  }

  /**
   * Reads an {@link Instant} from epoch seconds (a JSON number, or a string holding one); an ISO
   * 8601 string is accepted too.
   */
  static final class Deserializer extends StdScalarDeserializer<Instant> {
    private static final long serialVersionUID = 1L;

    Deserializer() {
      super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      try {
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
          return toInstant(decimal(p));
        }
        if (token == JsonToken.VALUE_STRING) {
          return parseText(p.getText().trim());
        }
      } catch (ArithmeticException | NumberFormatException | DateTimeException e) {
        return (Instant) ctxt.handleWeirdStringValue(Instant.class, p.getText(), e.getMessage());
      }
      return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
    }

    private static Instant parseText(String text) {
      BigDecimal seconds;
      try {
        seconds = new BigDecimal(text);
      } catch (NumberFormatException notANumber) {
        return Instant.parse(text);
      }
      return toInstant(seconds);
    }

    /** A double keeps its shortest decimal form, so 1.700000000123E9 reads as ...000.123. */
    private static BigDecimal decimal(JsonParser p) throws IOException {
      JsonParser.NumberType type = p.getNumberType();
      if (type == JsonParser.NumberType.DOUBLE || type == JsonParser.NumberType.FLOAT) {
        return BigDecimal.valueOf(p.getDoubleValue());
      }
      return p.getDecimalValue();
    }
  }
}
