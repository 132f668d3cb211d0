package dev.lamplighter.api.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Builds an operation's input from an HTTP request, as the service model describes it, and
 * validates it. The result is a JSON object keyed by member names (not wire names), ready for
 * {@code WireJson.mapper().treeToValue(input, SomeRequest.class)}.
 *
 * <p>For a {@link Protocol#REST_JSON} service each member comes from where the model puts it:
 *
 * <ul>
 *   <li>{@code uri}: the decoded label value the route matched;
 *   <li>{@code querystring}: the first value of the parameter, all values for a list, and for a map
 *       member every parameter no other member or the URI template claims;
 *   <li>{@code header}: the header, matched case-insensitively (a list splits at commas; a {@code
 *       jsonvalue} string is base64-encoded JSON); {@code headers}: every header with the prefix,
 *       as a map keyed by the rest of the name;
 *   <li>the body: the structure's {@code payload} member takes the raw body (a blob as base64 text,
 *       a structure parsed as JSON); otherwise the body is a JSON object holding the members that
 *       have no location. An empty body holds no members.
 * </ul>
 *
 * <p>Timestamps in text default to ISO 8601 in the URI and query and to RFC 822 in headers; all
 * become epoch seconds in the result. For a {@link Protocol#JSON} service the whole input is the
 * JSON body.
 *
 * <p>Failures, in the order they are found: a body over the limit is {@code
 * RequestEntityTooLargeException}; text or JSON that cannot be read as the model's type is {@code
 * SerializationException} naming the member or parameter; then all constraint violations together
 * are one {@code InvalidRequestException} in AWS's format (see {@link ConstraintValidator}).
 *
 * <p>Decoding is pure and an instance is immutable and thread-safe.
 */
public final class RequestDecoder {
  /** The default limit on a request body: 1 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final WireModel model;
  private final int maxBodyBytes;
  private final JsonShapeReader reader;
  private final ConstraintValidator validator;

  /** A decoder for the operations of a model, with the default body limit. */
  public RequestDecoder(WireModel model) {
    this(model, DEFAULT_MAX_BODY_BYTES);
  }

  /** A decoder for the operations of a model that refuses bodies over {@code maxBodyBytes}. */
  public RequestDecoder(WireModel model, int maxBodyBytes) {
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("maxBodyBytes must not be negative: " + maxBodyBytes);
    }
    this.model = model;
    this.maxBodyBytes = maxBodyBytes;
    this.reader = new JsonShapeReader(model);
    this.validator = new ConstraintValidator(model);
  }

  /** The wire protocol of this decoder's service. */
  public Protocol protocol() {
    return model.protocol();
  }

  /**
   * The validated input of an operation.
   *
   * @param op an operation of this decoder's model
   * @param pathLabels the label values {@link UriTemplate#match} returned (empty for JSON)
   * @param query the decoded query parameters
   * @param headers the request headers, names in any case
   * @param body the raw body, possibly empty
   * @throws ServiceException {@code REQUEST_TOO_LARGE}, {@code SERIALIZATION} or {@code
   *     INVALID_REQUEST} as described above
   * @throws IllegalArgumentException if the operation is not one of this decoder's model
   */
  public ObjectNode decode(
      OperationSpec op,
      Map<String, String> pathLabels,
      Map<String, List<String>> query,
      Map<String, List<String>> headers,
      byte[] body) {
    if (!model.owns(op)) {
      throw new IllegalArgumentException(
          op.service() + " " + op.name() + " is not an operation of " + model);
    }
    byte[] bytes = body == null ? new byte[0] : body;
    if (bytes.length > maxBodyBytes) {
      throw ErrorCode.REQUEST_TOO_LARGE.exception(
          "Request body of %d bytes exceeds the limit of %d bytes", bytes.length, maxBodyBytes);
    }
    if (op.input().isEmpty()) {
      return NODES.objectNode();
    }
    Shape input = model.shape(op.input().get());
    ObjectNode bound =
        model.protocol() == Protocol.JSON
            ? jsonBody(input, bytes)
            : rest(op, input, pathLabels, query, headers, bytes);
    List<Violation> violations = validator.validate(input, bound);
    if (!violations.isEmpty()) {
      throw ErrorCode.INVALID_REQUEST.exception(ValidationMessage.format(violations));
    }
    return bound;
  }

  private ObjectNode jsonBody(Shape input, byte[] bytes) {
    JsonNode json = JsonShapeReader.parse(bytes);
    if (json.isMissingNode()) {
      return NODES.objectNode();
    }
    return reader.readStructure(input, json, "", m -> true);
  }

  private ObjectNode rest(
      OperationSpec op,
      Shape input,
      Map<String, String> labels,
      Map<String, List<String>> query,
      Map<String, List<String>> headers,
      byte[] bytes) {
    Map<String, List<String>> headerIndex = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> headerIndex.merge(name, values, RequestDecoder::concat));
    ObjectNode body = restBody(input, bytes);
    ObjectNode out = NODES.objectNode();
    for (Member member : input.members().values()) {
      Shape shape = model.shape(member.shape());
      JsonNode value =
          switch (member.location()) {
            case URI -> label(member, shape, labels.get(member.wireName()));
            case QUERYSTRING ->
                shape.type() == ShapeType.MAP
                    ? remainingQuery(op, input, shape, query)
                    : queryParameter(member, shape, query.get(member.wireName()));
            case HEADER -> header(member, shape, headerIndex.get(member.wireName()));
            case HEADERS -> prefixedHeaders(member, shape, headerIndex);
            case BODY -> body.get(member.name());
            case STATUS_CODE -> null;
          };
      if (value != null) {
        out.set(member.name(), value);
      }
    }
    return out;
  }

  private ObjectNode restBody(Shape input, byte[] bytes) {
    ObjectNode out = NODES.objectNode();
    if (input.payload().isPresent()) {
      Member payload = input.members().get(input.payload().get());
      Shape shape = model.shape(payload.shape());
      if (bytes.length == 0) {
        return out;
      }
      switch (shape.type()) {
        case BLOB -> out.put(payload.name(), Base64.getEncoder().encodeToString(bytes));
        case STRING -> out.put(payload.name(), new String(bytes, StandardCharsets.UTF_8));
        default -> {
          JsonNode json = JsonShapeReader.parse(bytes);
          if (!json.isMissingNode()) {
            out.set(payload.name(), reader.read(shape, payload, json, payload.name()));
          }
        }
      }
      return out;
    }
    boolean hasBodyMembers =
        input.members().values().stream().anyMatch(m -> m.location() == Location.BODY);
    if (!hasBodyMembers) {
      return out;
    }
    JsonNode json = JsonShapeReader.parse(bytes);
    if (json.isMissingNode()) {
      return out;
    }
    return reader.readStructure(input, json, "", m -> m.location() == Location.BODY);
  }

  private JsonNode label(Member member, Shape shape, String value) {
    if (value == null) {
      return null;
    }
    return TextValues.parse(
        model, shape, value, textFormat(member, shape, TimestampFormat.ISO8601), where(member));
  }

  private JsonNode queryParameter(Member member, Shape shape, List<String> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    String what = where(member);
    if (shape.type() == ShapeType.LIST) {
      Shape element = model.shape(shape.member().orElseThrow());
      ArrayNode list = NODES.arrayNode(values.size());
      TimestampFormat format = textFormat(member, element, TimestampFormat.ISO8601);
      values.forEach(v -> list.add(TextValues.parse(model, element, v, format, what)));
      return list;
    }
    return TextValues.parse(
        model, shape, values.get(0), textFormat(member, shape, TimestampFormat.ISO8601), what);
  }

  private JsonNode remainingQuery(
      OperationSpec op, Shape input, Shape mapShape, Map<String, List<String>> query) {
    Set<String> claimed = new HashSet<>(op.template().requiredQuery().keySet());
    for (Member other : input.members().values()) {
      if (other.location() == Location.QUERYSTRING) {
        claimed.add(other.wireName());
      }
    }
    Shape valueShape = model.shape(mapShape.value().orElseThrow());
    ObjectNode map = NODES.objectNode();
    query.forEach(
        (name, values) -> {
          if (claimed.contains(name) || values.isEmpty()) {
            return;
          }
          if (valueShape.type() == ShapeType.LIST) {
            ArrayNode list = map.putArray(name);
            values.forEach(list::add);
          } else {
            map.put(name, values.get(0));
          }
        });
    return map.isEmpty() ? null : map;
  }

  private JsonNode header(Member member, Shape shape, List<String> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    String what = where(member);
    String text = values.get(0);
    if (member.jsonValue()) {
      return TextNode.valueOf(jsonValueHeader(text, what));
    }
    if (shape.type() == ShapeType.LIST) {
      Shape element = model.shape(shape.member().orElseThrow());
      TimestampFormat format = textFormat(member, element, TimestampFormat.RFC822);
      ArrayNode list = NODES.arrayNode();
      for (String value : String.join(",", values).split(",", -1)) {
        list.add(TextValues.parse(model, element, value.trim(), format, what));
      }
      return list;
    }
    return TextValues.parse(
        model, shape, text, textFormat(member, shape, TimestampFormat.RFC822), what);
  }

  private static String jsonValueHeader(String text, String what) {
    try {
      String json = new String(Base64.getDecoder().decode(text.trim()), StandardCharsets.UTF_8);
      JsonShapeReader.parse(json.getBytes(StandardCharsets.UTF_8));
      return json;
    } catch (IllegalArgumentException | ServiceException e) {
      throw TextValues.unexpected(what, "base64-encoded JSON");
    }
  }

  private JsonNode prefixedHeaders(
      Member member, Shape mapShape, Map<String, List<String>> headerIndex) {
    String prefix = member.wireName();
    ObjectNode map = NODES.objectNode();
    headerIndex.forEach(
        (name, values) -> {
          if (name.length() > prefix.length()
              && name.regionMatches(true, 0, prefix, 0, prefix.length())
              && !values.isEmpty()) {
            map.put(name.substring(prefix.length()), values.get(0));
          }
        });
    return map.isEmpty() ? null : map;
  }

  private static TimestampFormat textFormat(
      Member member, Shape shape, TimestampFormat locationDefault) {
    return member
        .timestampFormat()
        .orElseGet(() -> shape.timestampFormat().orElse(locationDefault));
  }

  private static String where(Member member) {
    return switch (member.location()) {
      case URI -> "path parameter '" + member.wireName() + "'";
      case QUERYSTRING -> "query parameter '" + member.wireName() + "'";
      default -> "header '" + member.wireName() + "'";
    };
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
