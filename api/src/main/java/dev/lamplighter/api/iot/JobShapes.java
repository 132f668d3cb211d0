package dev.lamplighter.api.iot;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Wire records of the job operations and of the advanced job configurations jobs and job templates
 * share, named after the AWS model's shapes and members. Enums travel as their names; {@link
 * JobConfigMapping} turns the configurations into {@link dev.lamplighter.jobs.JobConfigs} and back.
 */
final class JobShapes {
  private JobShapes() {}

  // The advanced configurations.

  record PresignedUrlConfig(String roleArn, Long expiresInSec) {}

  record RateIncreaseCriteria(Integer numberOfNotifiedThings, Integer numberOfSucceededThings) {}

  record ExponentialRolloutRate(
      Integer baseRatePerMinute,
      Double incrementFactor,
      RateIncreaseCriteria rateIncreaseCriteria) {}

  record JobExecutionsRolloutConfig(
      Integer maximumPerMinute, ExponentialRolloutRate exponentialRate) {}

  record AbortCriteria(
      String failureType,
      String action,
      Double thresholdPercentage,
      Integer minNumberOfExecutedThings) {}

  record AbortConfig(List<AbortCriteria> criteriaList) {}

  record TimeoutConfig(Long inProgressTimeoutInMinutes) {}

  record RetryCriteria(String failureType, Integer numberOfRetries) {}

  record JobExecutionsRetryConfig(List<RetryCriteria> criteriaList) {}

  record MaintenanceWindow(String startTime, Integer durationInMinutes) {}

  record SchedulingConfig(
      String startTime,
      String endTime,
      String endBehavior,
      List<MaintenanceWindow> maintenanceWindows) {}

  /** The six configurations of a job, each null when not set. */
  record Configs(
      JobExecutionsRolloutConfig jobExecutionsRolloutConfig,
      AbortConfig abortConfig,
      TimeoutConfig timeoutConfig,
      JobExecutionsRetryConfig jobExecutionsRetryConfig,
      SchedulingConfig schedulingConfig,
      PresignedUrlConfig presignedUrlConfig) {

    /**
     * These configurations as AWS describes them: an unset rollout, timeout or presigned-URL
     * configuration is an empty object ({@code {}}), the others stay absent.
     */
    Configs described() {
      return new Configs(
          jobExecutionsRolloutConfig != null
              ? jobExecutionsRolloutConfig
              : new JobExecutionsRolloutConfig(null, null),
          abortConfig,
          timeoutConfig != null ? timeoutConfig : new TimeoutConfig(null),
          jobExecutionsRetryConfig,
          schedulingConfig,
          presignedUrlConfig != null ? presignedUrlConfig : new PresignedUrlConfig(null, null));
    }
  }

  // The operations.

  record CreateJobRequest(
      String jobId,
      List<String> targets,
      String documentSource,
      String document,
      String description,
      PresignedUrlConfig presignedUrlConfig,
      String targetSelection,
      JobExecutionsRolloutConfig jobExecutionsRolloutConfig,
      AbortConfig abortConfig,
      TimeoutConfig timeoutConfig,
      List<TagShapes.Tag> tags,
      String namespaceId,
      String jobTemplateArn,
      JobExecutionsRetryConfig jobExecutionsRetryConfig,
      Map<String, String> documentParameters,
      SchedulingConfig schedulingConfig,
      List<String> destinationPackageVersions) {}

  /** The answer of CreateJob, CancelJob and AssociateTargetsWithJob. */
  record JobArnResponse(String jobArn, String jobId, String description) {}

  /** DescribeJob's and GetJobDocument's input. */
  record JobDocumentRequest(String jobId, Boolean beforeSubstitution) {}

  record ScheduledJobRollout(String startTime) {}

  record JobProcessDetails(
      List<String> processingTargets,
      Long numberOfCanceledThings,
      Long numberOfSucceededThings,
      Long numberOfFailedThings,
      Long numberOfRejectedThings,
      Long numberOfQueuedThings,
      Long numberOfInProgressThings,
      Long numberOfRemovedThings,
      Long numberOfTimedOutThings) {}

  /** The model's {@code Job} shape, as DescribeJob answers it. */
  record Job(
      String jobArn,
      String jobId,
      String targetSelection,
      String status,
      Boolean forceCanceled,
      String reasonCode,
      String comment,
      List<String> targets,
      String description,
      PresignedUrlConfig presignedUrlConfig,
      JobExecutionsRolloutConfig jobExecutionsRolloutConfig,
      AbortConfig abortConfig,
      Instant createdAt,
      Instant lastUpdatedAt,
      Instant completedAt,
      JobProcessDetails jobProcessDetails,
      TimeoutConfig timeoutConfig,
      String namespaceId,
      String jobTemplateArn,
      JobExecutionsRetryConfig jobExecutionsRetryConfig,
      Map<String, String> documentParameters,
      @JsonProperty("isConcurrent") Boolean isConcurrent,
      SchedulingConfig schedulingConfig,
      List<ScheduledJobRollout> scheduledJobRollouts,
      List<String> destinationPackageVersions) {}

  record DescribeJobResponse(String documentSource, Job job) {}

  record GetJobDocumentResponse(String document) {}

  record UpdateJobRequest(
      String jobId,
      String description,
      PresignedUrlConfig presignedUrlConfig,
      JobExecutionsRolloutConfig jobExecutionsRolloutConfig,
      AbortConfig abortConfig,
      TimeoutConfig timeoutConfig,
      String namespaceId,
      JobExecutionsRetryConfig jobExecutionsRetryConfig) {}

  record CancelJobRequest(String jobId, String reasonCode, String comment, Boolean force) {}

  record DeleteJobRequest(String jobId, Boolean force, String namespaceId) {}

  record ListJobsRequest(
      String status,
      String targetSelection,
      Integer maxResults,
      String nextToken,
      String thingGroupName,
      String thingGroupId,
      String namespaceId) {}

  /** The model's {@code JobSummary} shape. */
  record JobSummary(
      String jobArn,
      String jobId,
      String thingGroupId,
      String targetSelection,
      String status,
      Instant createdAt,
      Instant lastUpdatedAt,
      Instant completedAt,
      @JsonProperty("isConcurrent") Boolean isConcurrent) {}

  record ListJobsResponse(List<JobSummary> jobs, String nextToken) {}

  record AssociateTargetsWithJobRequest(
      List<String> targets, String jobId, String comment, String namespaceId) {}
}
