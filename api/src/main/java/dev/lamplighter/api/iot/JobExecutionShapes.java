package dev.lamplighter.api.iot;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Wire records of the control plane's job execution operations, named after the AWS model. */
final class JobExecutionShapes {
  private JobExecutionShapes() {}

  record DescribeJobExecutionRequest(String jobId, String thingName, Long executionNumber) {}

  /** {@code detailsMap} is absent when the execution has no details, leaving {@code {}}. */
  record JobExecutionStatusDetails(Map<String, String> detailsMap) {}

  /** The model's {@code JobExecution} shape of the {@code iot} service. */
  record JobExecution(
      String jobId,
      String status,
      Boolean forceCanceled,
      JobExecutionStatusDetails statusDetails,
      String thingArn,
      Instant queuedAt,
      Instant startedAt,
      Instant lastUpdatedAt,
      Long executionNumber,
      Long versionNumber,
      Long approximateSecondsBeforeTimedOut) {}

  record DescribeJobExecutionResponse(JobExecution execution) {}

  record CancelJobExecutionRequest(
      String jobId,
      String thingName,
      Boolean force,
      Long expectedVersion,
      Map<String, String> statusDetails) {}

  record DeleteJobExecutionRequest(
      String jobId, String thingName, Long executionNumber, Boolean force, String namespaceId) {}

  record ListJobExecutionsForJobRequest(
      String jobId, String status, Integer maxResults, String nextToken) {}

  record ListJobExecutionsForThingRequest(
      String thingName,
      String status,
      String namespaceId,
      Integer maxResults,
      String nextToken,
      String jobId) {}

  /** The model's {@code JobExecutionSummary} shape. */
  record JobExecutionSummary(
      String status,
      Instant queuedAt,
      Instant startedAt,
      Instant lastUpdatedAt,
      Long executionNumber,
      Integer retryAttempt) {}

  record JobExecutionSummaryForJob(String thingArn, JobExecutionSummary jobExecutionSummary) {}

  record JobExecutionSummaryForThing(String jobId, JobExecutionSummary jobExecutionSummary) {}

  record ListJobExecutionsForJobResponse(
      List<JobExecutionSummaryForJob> executionSummaries, String nextToken) {}

  record ListJobExecutionsForThingResponse(
      List<JobExecutionSummaryForThing> executionSummaries, String nextToken) {}
}
