package dev.lamplighter.bench.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The JSON of the AWS IoT Jobs MQTT API as a device reads and writes it: the execution a {@code
 * notify-next} notification or a {@code start-next/accepted} reply carries, the code of a {@code
 * …/rejected} reply, and the StartNextPendingJobExecution and UpdateJobExecution requests.
 */
final class JobMessages {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The execution a message carries.
   *
   * @param jobId its job
   * @param versionNumber its version, what an update names as {@code expectedVersion}
   */
  record Execution(String jobId, long versionNumber) {}

  private JobMessages() {}

  /**
   * The {@code execution} member of a notify-next or start-next/accepted payload; null when there
   * is none (nothing is pending) or the payload is not such JSON.
   */
  static Execution execution(byte[] payload) {
    JsonNode execution = read(payload).path("execution");
    if (!execution.isObject() || !execution.path("jobId").isTextual()) {
      return null;
    }
    return new Execution(
        execution.get("jobId").asText(), execution.path("versionNumber").asLong(0));
  }

  /** The {@code code} of a rejected reply, or {@code ?}. */
  static String rejectionCode(byte[] payload) {
    JsonNode code = read(payload).path("code");
    return code.isTextual() ? code.asText() : "?";
  }

  /** StartNextPendingJobExecution: {@code {"clientToken": …}}. */
  static byte[] startNext(String clientToken) {
    ObjectNode body = JSON.createObjectNode();
    body.put("clientToken", clientToken);
    return bytes(body);
  }

  /** UpdateJobExecution to SUCCEEDED at the version the device last saw. */
  static byte[] succeeded(long expectedVersion, String clientToken) {
    ObjectNode body = JSON.createObjectNode();
    body.put("status", "SUCCEEDED");
    body.put("expectedVersion", expectedVersion);
    body.putObject("statusDetails").put("result", "installed");
    body.put("clientToken", clientToken);
    return bytes(body);
  }

  private static JsonNode read(byte[] payload) {
    try {
      JsonNode node = JSON.readTree(payload);
      return node == null ? JSON.missingNode() : node;
    } catch (IOException e) {
      return JSON.missingNode();
    }
  }

  private static byte[] bytes(ObjectNode body) {
    try {
      return JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON body", e);
    }
  }
}
