package dev.lamplighter.gateway.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.lamplighter.jobs.DeviceExecution;
import dev.lamplighter.jobs.JobExecution;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * AWS's JSON for jobs over MQTT: timestamps in epoch seconds, the job document as a JSON object, an
 * execution's details as a plain map.
 */
final class JobsJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private JobsJson() {}

  static long seconds(Instant instant) {
    return instant.getEpochSecond();
  }

  /** A JobExecution: what describe, start-next and notify-next carry. */
  static ObjectNode execution(DeviceExecution device, Instant now) {
    JobExecution execution = device.execution();
    ObjectNode node = MAPPER.createObjectNode();
    node.put("jobId", execution.jobId());
    node.put("thingName", execution.thingName());
    if (device.document() != null) {
      putDocument(node, device.document());
    }
    node.put("status", execution.status().name());
    if (!execution.statusDetails().isEmpty()) {
      ObjectNode details = node.putObject("statusDetails");
      execution.statusDetails().forEach(details::put);
    }
    summaryTimes(node, execution);
    Instant timesOut = execution.timesOutAt();
    if (timesOut != null && !execution.status().isTerminal()) {
      node.put(
          "approximateSecondsBeforeTimedOut",
          Math.max(0, Duration.between(now, timesOut).getSeconds()));
    }
    node.put("versionNumber", execution.versionNumber());
    node.put("executionNumber", execution.executionNumber());
    return node;
  }

  /** A JobExecutionSummary: what get and notify list. */
  static ObjectNode summary(JobExecution execution) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("jobId", execution.jobId());
    summaryTimes(node, execution);
    node.put("versionNumber", execution.versionNumber());
    node.put("executionNumber", execution.executionNumber());
    return node;
  }

  private static void summaryTimes(ObjectNode node, JobExecution execution) {
    node.put("queuedAt", seconds(execution.queuedAt()));
    if (execution.startedAt() != null) {
      node.put("startedAt", seconds(execution.startedAt()));
    }
    node.put("lastUpdatedAt", seconds(execution.lastUpdatedAt()));
  }

  /** A JobExecutionState: what update replies and rejections carry. */
  static ObjectNode state(JobExecution execution) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("status", execution.status().name());
    ObjectNode details = node.putObject("statusDetails");
    for (Map.Entry<String, String> entry : execution.statusDetails().entrySet()) {
      details.put(entry.getKey(), entry.getValue());
    }
    node.put("versionNumber", execution.versionNumber());
    return node;
  }

  /**
   * Puts a stored job document as {@code jobDocument}. Stored documents are JSON objects (checked
   * when the job was created, placeholders filled with escaped strings), so the text is copied as
   * it is instead of parsed for every device.
   */
  static void putDocument(ObjectNode node, String document) {
    node.putRawValue("jobDocument", new RawValue(document));
  }

  static byte[] bytes(ObjectNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
