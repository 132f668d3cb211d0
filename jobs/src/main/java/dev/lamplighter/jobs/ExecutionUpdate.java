package dev.lamplighter.jobs;

import java.util.Map;
import java.util.Objects;

/**
 * UpdateJobExecution from a device.
 *
 * @param status IN_PROGRESS, SUCCEEDED, FAILED or REJECTED
 * @param statusDetails replaces the execution's details, or null to keep them
 * @param expectedVersion the version the device last saw, or null to skip the check
 * @param executionNumber the execution meant, or null for the current one
 * @param stepTimeoutInMinutes a new step timer (1 to 10080; -1 clears it), or null
 */
public record ExecutionUpdate(
    String thingName,
    String jobId,
    JobExecutionStatus status,
    Map<String, String> statusDetails,
    Long expectedVersion,
    Long executionNumber,
    Long stepTimeoutInMinutes) {
  public ExecutionUpdate {
    Objects.requireNonNull(thingName, "thingName");
    Objects.requireNonNull(jobId, "jobId");
    statusDetails = statusDetails == null ? null : Map.copyOf(statusDetails);
  }
}
