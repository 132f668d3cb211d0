package dev.lamplighter.api.iot;

import dev.lamplighter.api.http.Call;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.iot.JobShapes.Configs;
import dev.lamplighter.api.iot.JobTemplateShapes.CreateJobTemplateRequest;
import dev.lamplighter.api.iot.JobTemplateShapes.CreateJobTemplateResponse;
import dev.lamplighter.api.iot.JobTemplateShapes.DescribeJobTemplateResponse;
import dev.lamplighter.api.iot.JobTemplateShapes.DescribeManagedJobTemplateRequest;
import dev.lamplighter.api.iot.JobTemplateShapes.DescribeManagedJobTemplateResponse;
import dev.lamplighter.api.iot.JobTemplateShapes.JobTemplateIdRequest;
import dev.lamplighter.api.iot.JobTemplateShapes.JobTemplateSummary;
import dev.lamplighter.api.iot.JobTemplateShapes.ListJobTemplatesRequest;
import dev.lamplighter.api.iot.JobTemplateShapes.ListJobTemplatesResponse;
import dev.lamplighter.api.iot.JobTemplateShapes.ListManagedJobTemplatesRequest;
import dev.lamplighter.api.iot.JobTemplateShapes.ListManagedJobTemplatesResponse;
import dev.lamplighter.api.iot.JobTemplateShapes.ManagedJobTemplateSummary;
import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.DocumentParameter;
import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobTemplate;
import dev.lamplighter.jobs.JobTemplateService;
import dev.lamplighter.jobs.ManagedJobTemplate;
import dev.lamplighter.jobs.NewJobTemplate;
import java.util.List;
import java.util.Optional;

/**
 * Handlers of the job template and managed template operations: decode, one service call, encode.
 * The managed templates are a short list shipped with the server, so ListManagedJobTemplates pages
 * it here, its {@code nextToken} holding the position of the next template.
 */
final class JobTemplateOperations {
  private final JobTemplateService templates;
  private final PageTokens pages;

  JobTemplateOperations(JobTemplateService templates, PageTokens pages) {
    this.templates = templates;
    this.pages = pages;
  }

  Object create(Call call) {
    CreateJobTemplateRequest request = call.input(CreateJobTemplateRequest.class);
    JobConfigs configs =
        JobConfigMapping.toDomain(
            new Configs(
                request.jobExecutionsRolloutConfig(),
                request.abortConfig(),
                request.timeoutConfig(),
                request.jobExecutionsRetryConfig(),
                null,
                request.presignedUrlConfig()));
    JobTemplate template =
        templates.create(
            call.scope(),
            new NewJobTemplate(
                request.jobTemplateId(),
                request.description(),
                request.jobArn(),
                request.document(),
                request.documentSource(),
                new JobConfigs(
                    configs.rollout(),
                    configs.abort(),
                    configs.timeout(),
                    configs.retry(),
                    JobConfigMapping.templateScheduling(request.maintenanceWindows()),
                    configs.presignedUrl()),
                TagShapes.registryTags(request.tags()),
                request.destinationPackageVersions()));
    return new CreateJobTemplateResponse(
        arn(call.scope(), template.jobTemplateId()), template.jobTemplateId());
  }

  Object describe(Call call) {
    JobTemplate template =
        templates.describe(call.scope(), call.input(JobTemplateIdRequest.class).jobTemplateId());
    return described(call.scope(), template);
  }

  Object list(Call call) {
    ListJobTemplatesRequest request = call.input(ListJobTemplatesRequest.class);
    PageRequest page =
        pages.request(
            call, request.maxResults(), request.nextToken(), ThingOperations.DEFAULT_PAGE_SIZE);
    Page<JobTemplate> result = templates.list(call.scope(), page);
    Scope scope = call.scope();
    return new ListJobTemplatesResponse(
        result.items().stream()
            .map(
                t ->
                    new JobTemplateSummary(
                        arn(scope, t.jobTemplateId()),
                        t.jobTemplateId(),
                        t.description(),
                        t.createdAt()))
            .toList(),
        pages.next(call, result));
  }

  Object delete(Call call) {
    templates.delete(call.scope(), call.input(JobTemplateIdRequest.class).jobTemplateId());
    return null;
  }

  Object listManaged(Call call) {
    ListManagedJobTemplatesRequest request = call.input(ListManagedJobTemplatesRequest.class);
    PageRequest page =
        pages.request(
            call,
            request.maxResults(),
            request.nextToken(),
            ThingOperations.DEFAULT_PAGE_SIZE,
            request.templateName());
    List<ManagedJobTemplate> all = templates.listManaged(request.templateName());
    int from = page.after().map(Integer::parseInt).orElse(0);
    int to = Math.min(all.size(), from + page.limit());
    String region = call.scope().region().toString();
    List<ManagedJobTemplateSummary> items =
        all.subList(Math.min(from, to), to).stream()
            .map(
                t ->
                    new ManagedJobTemplateSummary(
                        t.arn(region), t.name(), t.description(), t.environments(), t.version()))
            .toList();
    Optional<String> next = to < all.size() ? Optional.of(Integer.toString(to)) : Optional.empty();
    return new ListManagedJobTemplatesResponse(
        items, pages.next(call, next, request.templateName()));
  }

  Object describeManaged(Call call) {
    DescribeManagedJobTemplateRequest request = call.input(DescribeManagedJobTemplateRequest.class);
    ManagedJobTemplate template =
        templates.describeManaged(request.templateName(), request.templateVersion());
    return new DescribeManagedJobTemplateResponse(
        template.name(),
        template.arn(call.scope().region().toString()),
        template.description(),
        template.version(),
        template.environments(),
        template.parameters().stream().map(JobTemplateOperations::parameter).toList(),
        template.document());
  }

  /**
   * DescribeJobTemplate's answer: unset rollout, timeout and presigned-URL configurations are {}.
   */
  static DescribeJobTemplateResponse described(Scope scope, JobTemplate template) {
    Configs configs = JobConfigMapping.toWire(template.configs()).described();
    return new DescribeJobTemplateResponse(
        arn(scope, template.jobTemplateId()),
        template.jobTemplateId(),
        template.description(),
        template.documentSource(),
        template.document(),
        template.createdAt(),
        configs.presignedUrlConfig(),
        configs.jobExecutionsRolloutConfig(),
        configs.abortConfig(),
        configs.timeoutConfig(),
        configs.jobExecutionsRetryConfig(),
        JobConfigMapping.templateWindows(template.configs().scheduling()),
        template.destinationPackageVersions().isEmpty()
            ? null
            : template.destinationPackageVersions());
  }

  private static JobTemplateShapes.DocumentParameter parameter(DocumentParameter parameter) {
    return new JobTemplateShapes.DocumentParameter(
        parameter.key(),
        parameter.description(),
        parameter.regex(),
        parameter.example(),
        parameter.optional());
  }

  /** A custom template's ARN: {@code arn:aws:iot:{region}:{account}:jobtemplate/{id}}. */
  static String arn(Scope scope, String jobTemplateId) {
    return Arn.of(scope, ResourceType.JOB_TEMPLATE, jobTemplateId).toString();
  }
}
