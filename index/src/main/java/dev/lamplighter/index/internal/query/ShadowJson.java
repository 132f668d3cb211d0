package dev.lamplighter.index.internal.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.index.IndexField.FieldType;
import dev.lamplighter.shadow.Shadow;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The indexed shadow document, the JSON string SearchIndex returns as a thing's {@code shadow}: the
 * classic shadow's {@code desired}, {@code reported}, {@code metadata}, {@code hasDelta} and {@code
 * version} at the top, and each indexed named shadow the same under {@code name.<shadowName>}. Its
 * paths under {@code shadow.} are the shadow fields' names. Shadow documents are JSON by
 * definition, so this is the one class of the index that reads them.
 */
public final class ShadowJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ShadowJson() {}

  /** One value of the document: its field name, its JSON type and its text. */
  record Value(String field, FieldType type, String text) {}

  /** Told every value of the document. */
  interface ValueConsumer {
    void accept(Value value);
  }

  /**
   * The indexed document of a thing's shadows.
   *
   * @param shadows the thing's live shadows
   * @param classic whether the classic shadow is indexed
   * @param named the named shadows that are indexed
   * @return the JSON string, or null when none of the shadows is indexed
   */
  public static String indexed(List<Shadow> shadows, boolean classic, Set<String> named) {
    ObjectNode document = JSON.createObjectNode();
    ObjectNode byName = JSON.createObjectNode();
    for (Shadow shadow : shadows) {
      String name = shadow.id().shadowName();
      if (name == null && classic) {
        document.setAll(shadowNode(shadow));
      } else if (name != null && named.contains(name)) {
        byName.set(name, shadowNode(shadow));
      }
    }
    if (!byName.isEmpty()) {
      document.set("name", byName);
    }
    return document.isEmpty() ? null : write(document);
  }

  private static ObjectNode shadowNode(Shadow shadow) {
    ObjectNode node = JSON.createObjectNode();
    for (String section : List.of("desired", "reported")) {
      JsonNode values = shadow.state().get(section);
      if (values != null && values.isObject()) {
        node.set(section, values.deepCopy());
      }
    }
    if (!shadow.metadata().isEmpty()) {
      node.set("metadata", shadow.metadata().deepCopy());
    }
    node.put(ShadowFields.HAS_DELTA, !shadow.delta().isEmpty());
    node.put(ShadowFields.VERSION, shadow.version());
    return node;
  }

  /**
   * Every value of an indexed document under its field name. An array's elements are values of the
   * array's field; null values are not indexed.
   */
  static void forEachValue(String json, ValueConsumer consumer) {
    if (json == null) {
      return;
    }
    JsonNode document;
    try {
      document = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("An indexed shadow document is not JSON", e);
    }
    walk("shadow", document, consumer);
  }

  private static void walk(String field, JsonNode node, ValueConsumer consumer) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        walk(field + "." + member.getKey(), member.getValue(), consumer);
      }
    } else if (node.isArray()) {
      node.forEach(element -> walk(field, element, consumer));
    } else if (node.isNumber()) {
      consumer.accept(new Value(field, FieldType.Number, node.asText()));
    } else if (node.isBoolean()) {
      consumer.accept(new Value(field, FieldType.Boolean, node.asText()));
    } else if (node.isTextual()) {
      consumer.accept(new Value(field, FieldType.String, node.asText()));
    }
  }

  private static String write(ObjectNode document) {
    try {
      return JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
