package dev.lamplighter.bench.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Reads answers' JSON bodies. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  /**
   * The body as a tree.
   *
   * @throws IllegalStateException when it is not JSON
   */
  static JsonNode read(byte[] body) {
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException("an answer that is not JSON: " + e.getMessage(), e);
    }
  }
}
