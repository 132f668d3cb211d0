package dev.lamplighter.bench.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One ListThingsInThingGroup answer: {@code {"things":["name",...],"nextToken":"..."}}.
 *
 * @param things the names on the page, in the order given
 * @param nextToken the token of the next page, null on the last page
 */
record ThingPage(List<String> things, String nextToken) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads an answer's body.
   *
   * @throws IllegalArgumentException when it is not such an object
   */
  static ThingPage parse(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode names = root.path("things");
    if (!names.isMissingNode() && !names.isArray()) {
      throw new IllegalArgumentException("'things' is not an array");
    }
    List<String> things = new ArrayList<>(names.size());
    for (JsonNode name : names) {
      if (!name.isTextual()) {
        throw new IllegalArgumentException("a thing name that is not a string: " + name);
      }
      things.add(name.asText());
    }
    JsonNode token = root.path("nextToken");
    String next = token.isTextual() && !token.asText().isEmpty() ? token.asText() : null;
    return new ThingPage(List.copyOf(things), next);
  }
}
