package dev.lamplighter.api.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.time.Instant;

/**
 * The JSON configuration of the API edge, shared by request binding and response writing.
 *
 * <ul>
 *   <li>Binding a tree to a request record ignores properties the record does not declare: the
 *       {@link RequestDecoder} has already checked the tree against the model.
 *   <li>Writing omits null properties and null map values, as AWS does.
 *   <li>{@link Instant} travels as epoch seconds with a millisecond fraction ({@code
 *       1700000000.123}), the AWS JSON protocols' timestamp form, and is read the same way (an ISO
 *       8601 string is accepted too).
 *   <li>Floating-point numbers read into trees as {@link java.math.BigDecimal}, so timestamps keep
 *       their exact milliseconds; trailing content after the JSON value is an error.
 * </ul>
 *
 * <p>Handlers bind with {@code WireJson.mapper().treeToValue(input, CreateThingRequest.class)}.
 */
public final class WireJson {
  private static final ObjectMapper MAPPER = newMapper();

  private WireJson() {}

  /**
   * The shared mapper. It is thread-safe for reading and writing; do not reconfigure it (use {@link
   * #newMapper()} for a private copy).
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A new mapper with the edge's configuration. */
  public static ObjectMapper newMapper() {
    SimpleModule time = new SimpleModule("lamplighter-wire-time");
    time.addSerializer(Instant.class, new EpochSeconds.Serializer());
    time.addDeserializer(Instant.class, new EpochSeconds.Deserializer());
    return JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .addModule(time)
        .build();
  }
}
