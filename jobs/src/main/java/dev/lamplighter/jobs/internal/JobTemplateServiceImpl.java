package dev.lamplighter.jobs.internal;

import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.event.ChangeRecord;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobTemplate;
import dev.lamplighter.jobs.JobTemplateService;
import dev.lamplighter.jobs.ManagedJobTemplate;
import dev.lamplighter.jobs.NewJobTemplate;
import dev.lamplighter.jobs.spi.JobsPorts;
import dev.lamplighter.registry.Registry;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Custom job templates in the store, and the managed templates shipped with the server. */
public final class JobTemplateServiceImpl implements JobTemplateService {
  private final JobsPorts ports;
  private final Registry registry;
  private final Clock clock;
  private final JobDocumentSource documents;

  JobTemplateServiceImpl(
      JobsPorts ports, Registry registry, Clock clock, JobDocumentSource documents) {
    this.ports = ports;
    this.registry = registry;
    this.clock = clock;
    this.documents = documents;
  }

  @Override
  public JobTemplate create(Scope scope, NewJobTemplate request) {
    return ports
        .transactions()
        .inTransaction(
            () -> {
              if (ports.templates().find(scope, request.jobTemplateId()).isPresent()) {
                throw ErrorCode.CONFLICT
                    .exception("Job template %s already exists.", request.jobTemplateId())
                    .withDetails(Map.of("resourceId", request.jobTemplateId()));
              }
              Job source = request.jobArn() == null ? null : sourceJob(scope, request.jobArn());
              boolean hasDocument = request.document() != null || request.documentSource() != null;
              String document;
              if (hasDocument) {
                if ((request.document() == null) == (request.documentSource() == null)) {
                  throw ErrorCode.INVALID_REQUEST.exception(
                      "A job template needs exactly one of document and documentSource.");
                }
                if (request.document() != null) {
                  JobDocuments.check(request.document());
                  document = request.document();
                } else {
                  document = documents.read(request.documentSource());
                }
              } else if (source != null) {
                document = source.document();
              } else {
                throw ErrorCode.INVALID_REQUEST.exception(
                    "A job template needs a document, a documentSource or a jobArn to copy.");
              }
              JobConfigs configs =
                  source == null
                      ? request.configs()
                      : withoutSchedule(source.configs()).overriddenBy(request.configs());
              ConfigRules.check(configs);
              if (configs.scheduling() != null) {
                Schedules.checkWindows(configs.scheduling().maintenanceWindows());
              }
              JobTemplate template =
                  new JobTemplate(
                      request.jobTemplateId(),
                      request.description(),
                      document,
                      hasDocument ? request.documentSource() : null,
                      configs,
                      request.destinationPackageVersions().isEmpty() && source != null
                          ? source.destinationPackageVersions()
                          : request.destinationPackageVersions(),
                      clock.instant());
              ports.templates().insert(scope, template);
              if (!request.tags().isEmpty()) {
                registry.tags().tag(scope, arn(scope, template.jobTemplateId()), request.tags());
              }
              ports
                  .changeLog()
                  .append(
                      ChangeRecord.created(
                          scope,
                          ResourceType.JOB_TEMPLATE,
                          template.jobTemplateId(),
                          Map.of("jobTemplateId", template.jobTemplateId())));
              return template;
            });
  }

  /** A job's configurations as a template keeps them: maintenance windows, no start or end. */
  private static JobConfigs withoutSchedule(JobConfigs configs) {
    JobConfigs.Scheduling scheduling = configs.scheduling();
    JobConfigs.Scheduling windows =
        scheduling == null || scheduling.maintenanceWindows().isEmpty()
            ? null
            : new JobConfigs.Scheduling(null, null, null, scheduling.maintenanceWindows());
    return new JobConfigs(
        configs.rollout(),
        configs.abort(),
        configs.timeout(),
        configs.retry(),
        windows,
        configs.presignedUrl());
  }

  private Job sourceJob(Scope scope, String jobArn) {
    Arn arn =
        Arn.parse(jobArn)
            .filter(a -> a.type() == ResourceType.JOB && a.scope().equals(scope))
            .orElseThrow(
                () ->
                    ErrorCode.INVALID_REQUEST.exception(
                        "jobArn %s is not the ARN of a job in the account and region of the"
                            + " request.",
                        jobArn));
    return ports
        .jobs()
        .find(scope, arn.name())
        .orElseThrow(
            () -> ErrorCode.RESOURCE_NOT_FOUND.exception("Job %s does not exist.", arn.name()));
  }

  @Override
  public JobTemplate describe(Scope scope, String jobTemplateId) {
    return ports
        .templates()
        .find(scope, jobTemplateId)
        .orElseThrow(
            () ->
                ErrorCode.RESOURCE_NOT_FOUND.exception(
                    "Job template %s does not exist.", jobTemplateId));
  }

  @Override
  public Page<JobTemplate> list(Scope scope, PageRequest page) {
    return ports.templates().list(scope, page);
  }

  @Override
  public void delete(Scope scope, String jobTemplateId) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              describe(scope, jobTemplateId);
              ports.templates().delete(scope, jobTemplateId);
              registry.tags().removeAll(scope, arn(scope, jobTemplateId));
              ports
                  .changeLog()
                  .append(ChangeRecord.deleted(scope, ResourceType.JOB_TEMPLATE, jobTemplateId));
            });
  }

  @Override
  public List<ManagedJobTemplate> listManaged(String templateName) {
    return ManagedTemplates.list(templateName);
  }

  @Override
  public ManagedJobTemplate describeManaged(String templateName, String version) {
    return ManagedTemplates.find(templateName, version);
  }

  static String arn(Scope scope, String jobTemplateId) {
    return Arn.of(scope, ResourceType.JOB_TEMPLATE, jobTemplateId).toString();
  }
}
