package dev.lamplighter.index.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Reads the parts of a change log entry's JSON state the index needs. The change log's states are a
 * documented JSON contract (docs/architecture.md), so the index reads them as JSON rather than as
 * the writing module's classes.
 */
final class ChangeStates {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChangeStates() {}

  /** The thing of a membership entry ({@code {"thingName", "groupName"}}). */
  static Optional<String> thingName(String stateJson) {
    if (stateJson == null) {
      return Optional.empty();
    }
    try {
      JsonNode name = JSON.readTree(stateJson).get("thingName");
      return name == null || !name.isTextual() ? Optional.empty() : Optional.of(name.asText());
    } catch (IOException e) {
      throw new UncheckedIOException("A change log state is not JSON: " + stateJson, e);
    }
  }
}
