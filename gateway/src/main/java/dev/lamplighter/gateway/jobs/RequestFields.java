package dev.lamplighter.gateway.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.jobs.ExecutionUpdate;
import dev.lamplighter.jobs.JobExecutionStatus;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a jobs request's JSON as AWS does: an empty payload is an empty request, members the
 * operation does not know are ignored (device SDKs send {@code thingName} and {@code jobId} too),
 * numbers may come as numeric strings ({@code "expectedVersion":"1"}), and anything else of the
 * wrong type is an InvalidRequest.
 */
final class RequestFields {
  private RequestFields() {}

  /** A request refused before reaching the service, with AWS's rejection code. */
  static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;

    Invalid(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }

    String code() {
      return code;
    }
  }

  static ObjectNode body(byte[] payload) {
    if (payload.length == 0) {
      return JobsJson.MAPPER.createObjectNode();
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(payload))
              .toString();
    } catch (CharacterCodingException e) {
      throw new Invalid("InvalidJson", "The request is not UTF-8 text.");
    }
    JsonNode node;
    try {
      node = JobsJson.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new Invalid("InvalidJson", "The request is not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || node.isMissingNode()) {
      return JobsJson.MAPPER.createObjectNode();
    }
    if (!node.isObject()) {
      throw new Invalid("InvalidJson", "The request must be a JSON object.");
    }
    return (ObjectNode) node;
  }

  /** The request's clientToken, or null; never throws (rejections echo it too). */
  static String clientToken(ObjectNode body) {
    JsonNode token = body.get("clientToken");
    return token == null || token.isNull() ? null : token.asText();
  }

  /** The clientToken of a raw payload, when it parses. */
  static String clientToken(byte[] payload) {
    try {
      return clientToken(body(payload));
    } catch (Invalid e) {
      return null;
    }
  }

  static Long longValue(ObjectNode body, String member) {
    JsonNode value = body.get(member);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.asLong();
    }
    if (value.isTextual()) {
      try {
        return Long.parseLong(value.asText().trim());
      } catch (NumberFormatException e) {
        // fall through to the refusal
      }
    }
    throw new Invalid("InvalidRequest", member + " must be a whole number.");
  }

  static Boolean bool(ObjectNode body, String member) {
    JsonNode value = body.get(member);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isTextual()
        && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(value.asText());
    }
    throw new Invalid("InvalidRequest", member + " must be true or false.");
  }

  static Map<String, String> details(ObjectNode body) {
    JsonNode value = body.get("statusDetails");
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      throw new Invalid("InvalidRequest", "statusDetails must be an object of strings.");
    }
    Map<String, String> details = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getValue().isValueNode() || field.getValue().isNull()) {
        throw new Invalid(
            "InvalidRequest", "statusDetails value of " + field.getKey() + " must be a string.");
      }
      details.put(field.getKey(), field.getValue().asText());
    }
    return details;
  }

  static JobExecutionStatus status(ObjectNode body) {
    JsonNode value = body.get("status");
    if (value == null || value.isNull()) {
      return null;
    }
    try {
      return JobExecutionStatus.valueOf(value.asText());
    } catch (IllegalArgumentException e) {
      throw new Invalid(
          "InvalidRequest",
          "status "
              + value.asText()
              + " is not one of IN_PROGRESS, SUCCEEDED, FAILED and REJECTED.");
    }
  }

  /** UpdateJobExecution's request body, over MQTT and HTTPS alike. */
  static ExecutionUpdate executionUpdate(String thingName, String jobId, ObjectNode body) {
    return new ExecutionUpdate(
        thingName,
        jobId,
        status(body),
        details(body),
        longValue(body, "expectedVersion"),
        longValue(body, "executionNumber"),
        longValue(body, "stepTimeoutInMinutes"));
  }
}
