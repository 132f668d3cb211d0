package dev.lamplighter.api.jobsdata;

import java.util.List;
import java.util.Map;

/**
 * Wire records of the iot-jobs-data operations, named after the AWS model. Unlike the control
 * plane, this model types the execution times as {@code long} epoch seconds, the job document as
 * the JSON text in a string, and {@code statusDetails} as a plain map.
 */
final class DeviceJobShapes {
  private DeviceJobShapes() {}

  record DescribeJobExecutionRequest(
      String jobId, String thingName, Boolean includeJobDocument, Long executionNumber) {}

  /** The model's {@code JobExecution} shape of the {@code iot-jobs-data} service. */
  record JobExecution(
      String jobId,
      String thingName,
      String status,
      Map<String, String> statusDetails,
      Long queuedAt,
      Long startedAt,
      Long lastUpdatedAt,
      Long approximateSecondsBeforeTimedOut,
      Long versionNumber,
      Long executionNumber,
      String jobDocument) {}

  /** The answer of DescribeJobExecution and StartNextPendingJobExecution: {@code {}} for none. */
  record ExecutionResponse(JobExecution execution) {}

  record GetPendingJobExecutionsRequest(String thingName) {}

  record JobExecutionSummary(
      String jobId,
      Long queuedAt,
      Long startedAt,
      Long lastUpdatedAt,
      Long versionNumber,
      Long executionNumber) {}

  record GetPendingJobExecutionsResponse(
      List<JobExecutionSummary> inProgressJobs, List<JobExecutionSummary> queuedJobs) {}

  record StartNextPendingJobExecutionRequest(
      String thingName, Map<String, String> statusDetails, Long stepTimeoutInMinutes) {}

  record UpdateJobExecutionRequest(
      String jobId,
      String thingName,
      String status,
      Map<String, String> statusDetails,
      Long stepTimeoutInMinutes,
      Long expectedVersion,
      Boolean includeJobExecutionState,
      Boolean includeJobDocument,
      Long executionNumber) {}

  record JobExecutionState(String status, Map<String, String> statusDetails, Long versionNumber) {}

  record UpdateJobExecutionResponse(JobExecutionState executionState, String jobDocument) {}
}
