package dev.lamplighter.jobs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;

/**
 * Reads the one field the engine needs from a group membership's change log state: the thing's name
 * ({@code {"thingName", "groupName"}}, as the registry logs it).
 */
final class MembershipStates {
  private static final ObjectMapper JSON = new ObjectMapper();

  private MembershipStates() {}

  static Optional<String> thingName(String stateJson) {
    if (stateJson == null) {
      return Optional.empty();
    }
    try {
      JsonNode name = JSON.readTree(stateJson).get("thingName");
      return name == null || !name.isTextual() ? Optional.empty() : Optional.of(name.asText());
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }
}
