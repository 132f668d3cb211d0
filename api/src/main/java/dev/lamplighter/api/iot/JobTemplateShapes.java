package dev.lamplighter.api.iot;

import dev.lamplighter.api.iot.JobShapes.AbortConfig;
import dev.lamplighter.api.iot.JobShapes.JobExecutionsRetryConfig;
import dev.lamplighter.api.iot.JobShapes.JobExecutionsRolloutConfig;
import dev.lamplighter.api.iot.JobShapes.MaintenanceWindow;
import dev.lamplighter.api.iot.JobShapes.PresignedUrlConfig;
import dev.lamplighter.api.iot.JobShapes.TimeoutConfig;
import java.time.Instant;
import java.util.List;

/** Wire records of the job template and managed template operations, named after the AWS model. */
final class JobTemplateShapes {
  private JobTemplateShapes() {}

  record CreateJobTemplateRequest(
      String jobTemplateId,
      String jobArn,
      String documentSource,
      String document,
      String description,
      PresignedUrlConfig presignedUrlConfig,
      JobExecutionsRolloutConfig jobExecutionsRolloutConfig,
      AbortConfig abortConfig,
      TimeoutConfig timeoutConfig,
      List<TagShapes.Tag> tags,
      JobExecutionsRetryConfig jobExecutionsRetryConfig,
      List<MaintenanceWindow> maintenanceWindows,
      List<String> destinationPackageVersions) {}

  record CreateJobTemplateResponse(String jobTemplateArn, String jobTemplateId) {}

  /** DescribeJobTemplate's and DeleteJobTemplate's input. */
  record JobTemplateIdRequest(String jobTemplateId) {}

  record DescribeJobTemplateResponse(
      String jobTemplateArn,
      String jobTemplateId,
      String description,
      String documentSource,
      String document,
      Instant createdAt,
      PresignedUrlConfig presignedUrlConfig,
      JobExecutionsRolloutConfig jobExecutionsRolloutConfig,
      AbortConfig abortConfig,
      TimeoutConfig timeoutConfig,
      JobExecutionsRetryConfig jobExecutionsRetryConfig,
      List<MaintenanceWindow> maintenanceWindows,
      List<String> destinationPackageVersions) {}

  record ListJobTemplatesRequest(Integer maxResults, String nextToken) {}

  record JobTemplateSummary(
      String jobTemplateArn, String jobTemplateId, String description, Instant createdAt) {}

  record ListJobTemplatesResponse(List<JobTemplateSummary> jobTemplates, String nextToken) {}

  record ListManagedJobTemplatesRequest(
      String templateName, Integer maxResults, String nextToken) {}

  record ManagedJobTemplateSummary(
      String templateArn,
      String templateName,
      String description,
      List<String> environments,
      String templateVersion) {}

  record ListManagedJobTemplatesResponse(
      List<ManagedJobTemplateSummary> managedJobTemplates, String nextToken) {}

  record DescribeManagedJobTemplateRequest(String templateName, String templateVersion) {}

  record DocumentParameter(
      String key, String description, String regex, String example, Boolean optional) {}

  record DescribeManagedJobTemplateResponse(
      String templateName,
      String templateArn,
      String description,
      String templateVersion,
      List<String> environments,
      List<DocumentParameter> documentParameters,
      String document) {}
}
