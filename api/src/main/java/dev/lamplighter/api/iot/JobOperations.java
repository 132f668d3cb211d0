package dev.lamplighter.api.iot;

import dev.lamplighter.api.http.Call;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.iot.JobShapes.AssociateTargetsWithJobRequest;
import dev.lamplighter.api.iot.JobShapes.CancelJobRequest;
import dev.lamplighter.api.iot.JobShapes.Configs;
import dev.lamplighter.api.iot.JobShapes.CreateJobRequest;
import dev.lamplighter.api.iot.JobShapes.DeleteJobRequest;
import dev.lamplighter.api.iot.JobShapes.DescribeJobResponse;
import dev.lamplighter.api.iot.JobShapes.GetJobDocumentResponse;
import dev.lamplighter.api.iot.JobShapes.JobArnResponse;
import dev.lamplighter.api.iot.JobShapes.JobDocumentRequest;
import dev.lamplighter.api.iot.JobShapes.ListJobsRequest;
import dev.lamplighter.api.iot.JobShapes.ListJobsResponse;
import dev.lamplighter.api.iot.JobShapes.ScheduledJobRollout;
import dev.lamplighter.api.iot.JobShapes.UpdateJobRequest;
import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobDetails;
import dev.lamplighter.jobs.JobExecutionStatus;
import dev.lamplighter.jobs.JobProcessDetails;
import dev.lamplighter.jobs.JobQuery;
import dev.lamplighter.jobs.JobService;
import dev.lamplighter.jobs.JobStatus;
import dev.lamplighter.jobs.JobSummary;
import dev.lamplighter.jobs.JobUpdate;
import dev.lamplighter.jobs.NewJob;
import dev.lamplighter.jobs.TargetSelection;
import java.util.Collection;
import java.util.Map;

/**
 * Handlers of the job operations: decode, one service call, encode. {@code namespaceId} is accepted
 * where the model has it; the domain identifies a job by its id alone.
 */
final class JobOperations {
  private final JobService jobs;
  private final PageTokens pages;

  JobOperations(JobService jobs, PageTokens pages) {
    this.jobs = jobs;
    this.pages = pages;
  }

  Object create(Call call) {
    CreateJobRequest request = call.input(CreateJobRequest.class);
    Job job =
        jobs.create(
            call.scope(),
            new NewJob(
                request.jobId(),
                request.targets(),
                request.targetSelection() == null
                    ? null
                    : TargetSelection.valueOf(request.targetSelection()),
                request.description(),
                request.document(),
                request.documentSource(),
                request.jobTemplateArn(),
                request.documentParameters(),
                JobConfigMapping.toDomain(
                    new Configs(
                        request.jobExecutionsRolloutConfig(),
                        request.abortConfig(),
                        request.timeoutConfig(),
                        request.jobExecutionsRetryConfig(),
                        request.schedulingConfig(),
                        request.presignedUrlConfig())),
                request.namespaceId(),
                TagShapes.registryTags(request.tags()),
                request.destinationPackageVersions()));
    return arnResponse(call.scope(), job);
  }

  Object describe(Call call) {
    JobDocumentRequest request = call.input(JobDocumentRequest.class);
    JobDetails details =
        jobs.describe(
            call.scope(), request.jobId(), Boolean.TRUE.equals(request.beforeSubstitution()));
    Job job = details.job();
    return new DescribeJobResponse(job.documentSource(), describedJob(call.scope(), details));
  }

  Object getDocument(Call call) {
    JobDocumentRequest request = call.input(JobDocumentRequest.class);
    return new GetJobDocumentResponse(
        jobs.document(
            call.scope(), request.jobId(), Boolean.TRUE.equals(request.beforeSubstitution())));
  }

  Object update(Call call) {
    UpdateJobRequest request = call.input(UpdateJobRequest.class);
    jobs.update(
        call.scope(),
        new JobUpdate(
            request.jobId(),
            request.description(),
            JobConfigMapping.toDomain(
                new Configs(
                    request.jobExecutionsRolloutConfig(),
                    request.abortConfig(),
                    request.timeoutConfig(),
                    request.jobExecutionsRetryConfig(),
                    null,
                    request.presignedUrlConfig()))));
    return null;
  }

  Object cancel(Call call) {
    CancelJobRequest request = call.input(CancelJobRequest.class);
    Job job =
        jobs.cancel(
            call.scope(),
            request.jobId(),
            request.reasonCode(),
            request.comment(),
            Boolean.TRUE.equals(request.force()));
    return arnResponse(call.scope(), job);
  }

  Object delete(Call call) {
    DeleteJobRequest request = call.input(DeleteJobRequest.class);
    jobs.delete(call.scope(), request.jobId(), Boolean.TRUE.equals(request.force()));
    return null;
  }

  Object list(Call call) {
    ListJobsRequest request = call.input(ListJobsRequest.class);
    JobQuery query =
        new JobQuery(
            request.status() == null ? null : JobStatus.valueOf(request.status()),
            request.targetSelection() == null
                ? null
                : TargetSelection.valueOf(request.targetSelection()),
            request.thingGroupName(),
            request.thingGroupId(),
            request.namespaceId());
    Object[] filters = {
      query.status(),
      query.targetSelection(),
      query.thingGroupName(),
      query.thingGroupId(),
      query.namespaceId()
    };
    PageRequest page =
        pages.request(
            call,
            request.maxResults(),
            request.nextToken(),
            ThingOperations.DEFAULT_PAGE_SIZE,
            filters);
    Page<JobSummary> result = jobs.list(call.scope(), query, page);
    return new ListJobsResponse(
        result.items().stream().map(summary -> summary(call.scope(), summary)).toList(),
        pages.next(call, result, filters));
  }

  Object associateTargets(Call call) {
    AssociateTargetsWithJobRequest request = call.input(AssociateTargetsWithJobRequest.class);
    Job job =
        jobs.associateTargets(call.scope(), request.jobId(), request.targets(), request.comment());
    return arnResponse(call.scope(), job);
  }

  /** The model's {@code Job} shape of a described job. */
  static JobShapes.Job describedJob(Scope scope, JobDetails details) {
    Job job = details.job();
    Configs configs = JobConfigMapping.toWire(job.configs()).described();
    return new JobShapes.Job(
        arn(scope, job.jobId()),
        job.jobId(),
        job.targetSelection().name(),
        job.status().name(),
        job.forceCanceled(),
        job.reasonCode(),
        job.comment(),
        job.targets(),
        job.description(),
        configs.presignedUrlConfig(),
        configs.jobExecutionsRolloutConfig(),
        configs.abortConfig(),
        job.createdAt(),
        job.lastUpdatedAt(),
        job.completedAt(),
        processDetails(details.processDetails()),
        configs.timeoutConfig(),
        job.namespaceId(),
        job.jobTemplateArn(),
        configs.jobExecutionsRetryConfig(),
        nullIfEmpty(job.documentParameters()),
        details.concurrent(),
        configs.schedulingConfig(),
        nullIfEmpty(details.scheduledRollouts().stream().map(ScheduledJobRollout::new).toList()),
        nullIfEmpty(job.destinationPackageVersions()));
  }

  static JobShapes.JobProcessDetails processDetails(JobProcessDetails details) {
    return new JobShapes.JobProcessDetails(
        nullIfEmpty(details.processingTargets()),
        details.count(JobExecutionStatus.CANCELED),
        details.count(JobExecutionStatus.SUCCEEDED),
        details.count(JobExecutionStatus.FAILED),
        details.count(JobExecutionStatus.REJECTED),
        details.count(JobExecutionStatus.QUEUED),
        details.count(JobExecutionStatus.IN_PROGRESS),
        details.count(JobExecutionStatus.REMOVED),
        details.count(JobExecutionStatus.TIMED_OUT));
  }

  private static JobShapes.JobSummary summary(Scope scope, JobSummary summary) {
    return new JobShapes.JobSummary(
        arn(scope, summary.jobId()),
        summary.jobId(),
        summary.thingGroupId(),
        summary.targetSelection().name(),
        summary.status().name(),
        summary.createdAt(),
        summary.lastUpdatedAt(),
        summary.completedAt(),
        summary.concurrent());
  }

  private static JobArnResponse arnResponse(Scope scope, Job job) {
    return new JobArnResponse(arn(scope, job.jobId()), job.jobId(), job.description());
  }

  /** A job's ARN: {@code arn:aws:iot:{region}:{account}:job/{jobId}}. */
  static String arn(Scope scope, String jobId) {
    return Arn.of(scope, ResourceType.JOB, jobId).toString();
  }

  private static <T extends Collection<?>> T nullIfEmpty(T values) {
    return values == null || values.isEmpty() ? null : values;
  }

  private static <K, V> Map<K, V> nullIfEmpty(Map<K, V> values) {
    return values == null || values.isEmpty() ? null : values;
  }
}
