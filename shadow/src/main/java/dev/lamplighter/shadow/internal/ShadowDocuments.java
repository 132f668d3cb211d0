package dev.lamplighter.shadow.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.shadow.Shadow;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * AWS IoT's shadow document rules, as pure functions on Jackson trees.
 *
 * <ul>
 *   <li>A request is UTF-8 JSON with an object {@code state} holding only {@code desired} and
 *       {@code reported}, each an object or {@code null}; an optional non-negative integer {@code
 *       version} and a {@code clientToken} of at most 64 bytes. Within a section, keys nest at most
 *       6 levels and arrays hold no nulls. Messages are AWS's.
 *   <li>Merge: a key set to {@code null} is removed, objects merge key by key, anything else
 *       (arrays included) replaces the stored value whole; an object left empty is removed, and so
 *       is an empty section. Every leaf written gets {@code {"timestamp": seconds}} metadata (an
 *       array gets one per element).
 *   <li>The stored state ({@code desired} and {@code reported}, without metadata) is at most 8 KB.
 *   <li>Delta: every desired key whose value differs from the reported one or that is not reported,
 *       recursively for objects, with the desired metadata.
 * </ul>
 */
public final class ShadowDocuments {
  /** The mapper of shadow documents. */
  public static final ObjectMapper MAPPER = JsonMapper.builder().build();

  /** AWS's limit on a shadow's state, desired and reported together, in bytes. */
  static final int MAX_STATE_BYTES = 8 * 1024;

  /** AWS's limit on the nesting of keys within {@code desired} or {@code reported}. */
  static final int MAX_DEPTH = 6;

  /** AWS's limit on a client token, in UTF-8 bytes. */
  static final int MAX_CLIENT_TOKEN_BYTES = 64;

  static final String DESIRED = "desired";
  static final String REPORTED = "reported";
  static final String DELTA = "delta";
  private static final String TIMESTAMP = "timestamp";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ShadowDocuments() {}

  /**
   * Reads and checks a request state document.
   *
   * @throws dev.lamplighter.core.error.ServiceException as AWS answers a bad one
   */
  static ShadowRequest parse(byte[] payload) {
    JsonNode root = readUtf8Json(payload);
    if (!(root instanceof ObjectNode document)) {
      throw ErrorCode.INVALID_REQUEST.exception("Invalid JSON");
    }
    String clientToken = clientToken(document);
    Long version = null;
    JsonNode versionNode = document.get("version");
    if (versionNode != null) {
      if (!versionNode.isIntegralNumber()
          || !versionNode.canConvertToLong()
          || versionNode.asLong() < 0) {
        throw ErrorCode.INVALID_REQUEST.exception("Invalid version");
      }
      version = versionNode.asLong();
    }
    JsonNode stateNode = document.get("state");
    if (stateNode == null) {
      throw ErrorCode.INVALID_REQUEST.exception("Missing required node: state");
    }
    if (!(stateNode instanceof ObjectNode state)) {
      throw ErrorCode.INVALID_REQUEST.exception("State node must be an object");
    }
    for (Iterator<String> names = state.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals(DESIRED) && !name.equals(REPORTED)) {
        throw ErrorCode.INVALID_REQUEST.exception("State contains an invalid node");
      }
    }
    JsonNode desired = section(state, DESIRED, "Desired node must be an object");
    JsonNode reported = section(state, REPORTED, "Reported node must be an object");
    if (size(state) > MAX_STATE_BYTES) {
      throw ErrorCode.REQUEST_TOO_LARGE.exception("The payload exceeds the maximum size allowed");
    }
    return new ShadowRequest(state, desired, reported, version, clientToken);
  }

  /**
   * The client token of a request payload, read leniently for rejected answers and for requests
   * whose body AWS otherwise ignores (get, delete): null when the payload is not such JSON.
   */
  public static String clientTokenOf(byte[] payload) {
    try {
      JsonNode root = MAPPER.readTree(payload);
      JsonNode token = root == null ? null : root.get("clientToken");
      return token != null && token.isTextual() ? token.asText() : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static JsonNode readUtf8Json(byte[] payload) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(payload))
              .toString();
    } catch (CharacterCodingException e) {
      throw ErrorCode.UNSUPPORTED_DOCUMENT_ENCODING.exception(
          "Unsupported documented encoding; supported encoding is UTF-8");
    }
    try {
      JsonNode root = MAPPER.readTree(text);
      if (root == null || root.isMissingNode()) {
        throw ErrorCode.INVALID_REQUEST.exception("Invalid JSON");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw ErrorCode.INVALID_REQUEST.exception("Invalid JSON");
    }
  }

  private static String clientToken(ObjectNode document) {
    JsonNode token = document.get("clientToken");
    if (token == null) {
      return null;
    }
    if (!token.isTextual()
        || token.asText().getBytes(StandardCharsets.UTF_8).length > MAX_CLIENT_TOKEN_BYTES) {
      throw ErrorCode.INVALID_REQUEST.exception("Invalid clientToken");
    }
    return token.asText();
  }

  private static JsonNode section(ObjectNode state, String name, String notAnObject) {
    JsonNode section = state.get(name);
    if (section == null || section.isNull()) {
      return section;
    }
    if (!section.isObject()) {
      throw ErrorCode.INVALID_REQUEST.exception(notAnObject);
    }
    if (levels(section) > MAX_DEPTH) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "JSON contains too many levels of nesting; maximum is " + MAX_DEPTH);
    }
    checkArrays(section);
    return section;
  }

  /** How deep keys nest in {@code node}: 1 for an object of plain values. */
  private static int levels(JsonNode node) {
    int deepest = 0;
    for (JsonNode child : node) {
      deepest = Math.max(deepest, child.isArray() ? arrayLevels(child) : levels(child));
    }
    return node.isObject() ? deepest + 1 : deepest;
  }

  private static int arrayLevels(JsonNode array) {
    int deepest = 0;
    for (JsonNode element : array) {
      deepest = Math.max(deepest, element.isArray() ? arrayLevels(element) : levels(element));
    }
    return deepest;
  }

  private static void checkArrays(JsonNode node) {
    for (JsonNode child : node) {
      if (node.isArray() && child.isNull()) {
        throw ErrorCode.INVALID_REQUEST.exception("State contains an invalid node");
      }
      if (child.isContainerNode()) {
        checkArrays(child);
      }
    }
  }

  /** The compact JSON size of {@code node} in bytes. */
  static int size(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node).length;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  /**
   * Merges a request's section into the stored one, in place, and its metadata.
   *
   * @param stored the stored section (changed)
   * @param metadata the stored section's metadata (changed)
   * @param request the request's section, an object
   */
  static void merge(ObjectNode stored, ObjectNode metadata, ObjectNode request, long timestamp) {
    for (Iterator<Map.Entry<String, JsonNode>> it = request.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (value.isNull()) {
        stored.remove(key);
        metadata.remove(key);
      } else if (value.isObject()) {
        JsonNode current = stored.get(key);
        ObjectNode target = current instanceof ObjectNode o ? o : NODES.objectNode();
        JsonNode currentMeta = metadata.get(key);
        ObjectNode targetMeta =
            current instanceof ObjectNode && currentMeta instanceof ObjectNode m
                ? m
                : NODES.objectNode();
        merge(target, targetMeta, (ObjectNode) value, timestamp);
        if (target.isEmpty()) {
          stored.remove(key);
          metadata.remove(key);
        } else {
          stored.set(key, target);
          metadata.set(key, targetMeta);
        }
      } else {
        stored.set(key, value.deepCopy());
        metadata.set(key, leafMetadata(value, timestamp));
      }
    }
  }

  /** Metadata of a value written whole: a timestamp per leaf, one per array element. */
  static JsonNode leafMetadata(JsonNode value, long timestamp) {
    if (value.isArray()) {
      ArrayNode elements = NODES.arrayNode();
      value.forEach(element -> elements.add(leafMetadata(element, timestamp)));
      return elements;
    }
    if (value.isObject()) {
      ObjectNode fields = NODES.objectNode();
      value
          .fields()
          .forEachRemaining(f -> fields.set(f.getKey(), leafMetadata(f.getValue(), timestamp)));
      return fields;
    }
    return NODES.objectNode().put(TIMESTAMP, timestamp);
  }

  /** The metadata {@code accepted} reports for a request's section: deleted keys included. */
  static JsonNode requestMetadata(JsonNode section, long timestamp) {
    if (section.isNull()) {
      return NODES.objectNode().put(TIMESTAMP, timestamp);
    }
    ObjectNode fields = NODES.objectNode();
    section
        .fields()
        .forEachRemaining(
            f ->
                fields.set(
                    f.getKey(),
                    f.getValue().isNull()
                        ? NODES.objectNode().put(TIMESTAMP, timestamp)
                        : f.getValue().isObject()
                            ? requestMetadata(f.getValue(), timestamp)
                            : leafMetadata(f.getValue(), timestamp)));
    return fields;
  }

  /** The delta of a state: desired keys whose values differ from the reported ones. */
  public static ObjectNode delta(ObjectNode state) {
    JsonNode desired = state.get(DESIRED);
    if (!(desired instanceof ObjectNode wanted)) {
      return NODES.objectNode();
    }
    JsonNode reported = state.get(REPORTED);
    return delta(wanted, reported instanceof ObjectNode r ? r : NODES.objectNode());
  }

  private static ObjectNode delta(ObjectNode desired, ObjectNode reported) {
    ObjectNode delta = NODES.objectNode();
    desired
        .fields()
        .forEachRemaining(
            f -> {
              JsonNode want = f.getValue();
              JsonNode have = reported.get(f.getKey());
              if (want instanceof ObjectNode wantObject && have instanceof ObjectNode haveObject) {
                ObjectNode inner = delta(wantObject, haveObject);
                if (!inner.isEmpty()) {
                  delta.set(f.getKey(), inner);
                }
              } else if (have == null || !want.equals(have)) {
                delta.set(f.getKey(), want.deepCopy());
              }
            });
    return delta;
  }

  /** The metadata of a delta: the desired metadata of its keys. */
  static ObjectNode deltaMetadata(ObjectNode delta, JsonNode desiredMetadata) {
    ObjectNode metadata = NODES.objectNode();
    delta
        .fields()
        .forEachRemaining(
            f -> {
              JsonNode meta = desiredMetadata == null ? null : desiredMetadata.get(f.getKey());
              if (f.getValue() instanceof ObjectNode inner && meta instanceof ObjectNode) {
                metadata.set(f.getKey(), deltaMetadata(inner, meta));
              } else if (meta != null) {
                metadata.set(f.getKey(), meta.deepCopy());
              }
            });
    return metadata;
  }

  /** GetThingShadow's document. */
  public static ObjectNode getResponse(Shadow shadow, long nowSeconds) {
    ObjectNode document = NODES.objectNode();
    ObjectNode state = shadow.state().deepCopy();
    ObjectNode delta = delta(shadow.state());
    if (!delta.isEmpty()) {
      state.set(DELTA, delta);
    }
    document.set("state", state);
    document.set("metadata", shadow.metadata().deepCopy());
    document.put("version", shadow.version());
    document.put(TIMESTAMP, nowSeconds);
    return document;
  }

  /**
   * A state with its metadata and version as {@code update/documents} shows each side, from their
   * stored JSON, which the change log takes as it is: neither parsed nor written again.
   */
  static ObjectNode logged(String stateJson, String metadataJson, long version) {
    ObjectNode snapshot = NODES.objectNode();
    snapshot.putRawValue("state", new RawValue(stateJson));
    snapshot.putRawValue("metadata", new RawValue(metadataJson));
    snapshot.put("version", version);
    return snapshot;
  }

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ObjectNode readObject(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      return node instanceof ObjectNode object ? object : NODES.objectNode();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored shadow document is not JSON", e);
    }
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
