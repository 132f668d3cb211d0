package dev.lamplighter.jobs.internal;

import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobDetails;
import dev.lamplighter.jobs.JobProcessDetails;
import dev.lamplighter.jobs.JobQuery;
import dev.lamplighter.jobs.JobService;
import dev.lamplighter.jobs.JobStatus;
import dev.lamplighter.jobs.JobSummary;
import dev.lamplighter.jobs.JobUpdate;
import dev.lamplighter.jobs.NewJob;
import dev.lamplighter.jobs.TargetSelection;
import dev.lamplighter.jobs.spi.JobTarget;
import dev.lamplighter.jobs.spi.JobsPorts;
import dev.lamplighter.registry.Registry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Jobs in the control plane. A write changes the job row and logs it; the engine, woken after the
 * commit, creates, rolls out and winds down executions.
 */
public final class JobServiceImpl implements JobService {
  static final int MAX_DELETING = 10;

  private final JobsPorts ports;
  private final Registry registry;
  private final Clock clock;
  private final Targets targets;
  private final JobLog log;
  private final JobDocumentSource documents;
  private final JobProgress progress;
  private final Runnable wakeEngine;

  JobServiceImpl(
      JobsPorts ports,
      Registry registry,
      Clock clock,
      JobDocumentSource documents,
      JobProgress progress,
      Runnable wakeEngine) {
    this.ports = ports;
    this.registry = registry;
    this.clock = clock;
    this.targets = new Targets(registry);
    this.log = new JobLog(ports.changeLog());
    this.documents = documents;
    this.progress = progress;
    this.wakeEngine = wakeEngine;
  }

  @Override
  public Job create(Scope scope, NewJob request) {
    Instant now = clock.instant();
    ResolvedDocument resolved = resolveDocument(scope, request);
    JobConfigs configs = resolved.configs();
    ConfigRules.check(configs);
    if (configs.scheduling() != null) {
      Schedules.check(configs.scheduling(), now);
    }
    JobStatus status = configs.scheduling() == null ? JobStatus.IN_PROGRESS : JobStatus.SCHEDULED;
    Job job =
        new Job(
            request.jobId(),
            status,
            request.targetSelection() == null
                ? TargetSelection.SNAPSHOT
                : request.targetSelection(),
            List.copyOf(new java.util.LinkedHashSet<>(request.targets())),
            request.description() != null ? request.description() : resolved.description(),
            resolved.document(),
            request.documentSource(),
            request.jobTemplateArn(),
            request.documentParameters(),
            configs,
            request.namespaceId(),
            null,
            null,
            false,
            request.destinationPackageVersions(),
            now,
            now,
            null,
            Job.RolloutState.START,
            1);
    Job created =
        ports
            .transactions()
            .inTransaction(
                () -> {
                  if (ports.jobs().find(scope, request.jobId()).isPresent()) {
                    String arn = arn(scope, request.jobId());
                    throw ErrorCode.RESOURCE_ALREADY_EXISTS
                        .exception("Job %s already exists.", request.jobId())
                        .withDetails(Map.of("resourceId", request.jobId(), "resourceArn", arn));
                  }
                  List<JobTarget> resolvedTargets = targets.resolve(scope, job.targets());
                  ports.jobs().insert(scope, job, resolvedTargets);
                  if (!request.tags().isEmpty()) {
                    registry.tags().tag(scope, arn(scope, job.jobId()), request.tags());
                  }
                  log.job(scope, job, null, null);
                  return job;
                });
    wakeEngine.run();
    return created;
  }

  private record ResolvedDocument(String document, String description, JobConfigs configs) {}

  private ResolvedDocument resolveDocument(Scope scope, NewJob request) {
    String templateArn = request.jobTemplateArn();
    boolean hasDocument = request.document() != null || request.documentSource() != null;
    if (templateArn == null) {
      if (!request.documentParameters().isEmpty()) {
        throw ErrorCode.INVALID_REQUEST.exception(
            "documentParameters can only be used with an AWS managed job template.");
      }
      return new ResolvedDocument(ownDocument(request), null, request.configs());
    }
    var managed = ManagedTemplates.byArn(templateArn);
    if (managed.isPresent()) {
      if (hasDocument) {
        throw ErrorCode.INVALID_REQUEST.exception(
            "A job created from managed template %s takes its document from the template; give"
                + " neither document nor documentSource.",
            managed.get().name());
      }
      TemplateParameters.resolve(managed.get(), request.documentParameters());
      return new ResolvedDocument(
          managed.get().document(), managed.get().description(), request.configs());
    }
    if (!request.documentParameters().isEmpty()) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "documentParameters can only be used with an AWS managed job template, not %s.",
          templateArn);
    }
    Arn arn =
        Arn.parse(templateArn)
            .filter(a -> a.type() == ResourceType.JOB_TEMPLATE)
            .orElseThrow(
                () ->
                    ErrorCode.INVALID_REQUEST.exception(
                        "jobTemplateArn %s is not the ARN of a job template.", templateArn));
    if (!arn.scope().equals(scope)) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "Job template %s is not in the account and region of the request.", templateArn);
    }
    var template =
        ports
            .templates()
            .find(scope, arn.name())
            .orElseThrow(
                () ->
                    ErrorCode.RESOURCE_NOT_FOUND.exception(
                        "Job template %s does not exist.", arn.name()));
    String document = hasDocument ? ownDocument(request) : template.document();
    JobConfigs configs = template.configs().overriddenBy(request.configs());
    return new ResolvedDocument(document, template.description(), configs);
  }

  private String ownDocument(NewJob request) {
    if ((request.document() == null) == (request.documentSource() == null)) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "A job needs exactly one of document and documentSource.");
    }
    if (request.document() != null) {
      JobDocuments.check(request.document());
      return request.document();
    }
    return documents.read(request.documentSource());
  }

  @Override
  public JobDetails describe(Scope scope, String jobId, boolean beforeSubstitution) {
    Job job = progress.find(scope, jobId);
    JobProcessDetails details = progress.details(scope, job);
    List<String> rollouts = List.of();
    if (job.configs().scheduling() != null
        && !job.configs().scheduling().maintenanceWindows().isEmpty()
        && job.status().isActive()) {
      rollouts =
          Schedules.nextStarts(job.configs().scheduling().maintenanceWindows(), clock.instant(), 7)
              .stream()
              .map(Schedules::format)
              .toList();
    }
    return new JobDetails(
        job,
        beforeSubstitution ? job.document() : JobDocumentSource.substituted(job),
        details,
        progress.concurrent(job, details),
        rollouts);
  }

  @Override
  public String document(Scope scope, String jobId, boolean beforeSubstitution) {
    Job job = progress.find(scope, jobId);
    return beforeSubstitution ? job.document() : JobDocumentSource.substituted(job);
  }

  @Override
  public Job update(Scope scope, JobUpdate update) {
    ConfigRules.check(update.configs());
    Job updated =
        ports
            .transactions()
            .inTransaction(
                () -> {
                  Job job = progress.find(scope, update.jobId());
                  if (!job.status().isActive()) {
                    throw ErrorCode.INVALID_REQUEST.exception(
                        "Job %s is %s and can no longer be updated.", job.jobId(), job.status());
                  }
                  Instant now = clock.instant();
                  JobConfigs configs = job.configs().overriddenBy(update.configs());
                  Job next =
                      job.updated(
                          update.description() != null ? update.description() : job.description(),
                          configs,
                          now);
                  if (update.configs().rollout() != null && job.rollout().anchorAt() != null) {
                    // A new rate counts from now.
                    next = next.withRollout(job.rollout().anchored(now, job.rollout().rateStep()));
                  }
                  return progress.replace(scope, job, next, null);
                });
    wakeEngine.run();
    return updated;
  }

  @Override
  public Job cancel(Scope scope, String jobId, String reasonCode, String comment, boolean force) {
    Job canceled =
        ports
            .transactions()
            .inTransaction(
                () -> {
                  Job job = progress.find(scope, jobId);
                  boolean upgradeToForce =
                      job.status() == JobStatus.CANCELED && force && !job.forceCanceled();
                  if (!job.status().isActive() && !upgradeToForce) {
                    throw ErrorCode.INVALID_REQUEST.exception(
                        "Job %s is %s and cannot be canceled.", jobId, job.status());
                  }
                  Job next =
                      job.canceled(
                          reasonCode != null ? reasonCode : job.reasonCode(),
                          comment != null ? comment : job.comment(),
                          force,
                          clock.instant());
                  return progress.replace(scope, job, next, progress.details(scope, job));
                });
    wakeEngine.run();
    return canceled;
  }

  @Override
  public void delete(Scope scope, String jobId, boolean force) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              Job job = progress.find(scope, jobId);
              if (job.status() == JobStatus.DELETION_IN_PROGRESS) {
                throw ErrorCode.INVALID_REQUEST.exception(
                    "Job %s is already being deleted.", jobId);
              }
              if (!job.status().isFinished() && !force) {
                throw ErrorCode.INVALID_STATE_TRANSITION.exception(
                    "Job %s is %s; set force to delete a job that is not COMPLETED or CANCELED.",
                    jobId, job.status());
              }
              if (ports.jobs().countDeleting(scope) >= MAX_DELETING) {
                throw ErrorCode.LIMIT_EXCEEDED.exception(
                    "%d jobs are being deleted already; wait until one of them is gone.",
                    MAX_DELETING);
              }
              Job next =
                  job.withStatus(JobStatus.DELETION_IN_PROGRESS, clock.instant())
                      .withRollout(job.rollout().windingDown(true));
              progress.replace(scope, job, next, null);
            });
    wakeEngine.run();
  }

  @Override
  public Page<JobSummary> list(Scope scope, JobQuery query, PageRequest page) {
    if (query.thingGroupName() != null) {
      registry.thingGroups().describe(scope, query.thingGroupName());
    }
    Page<Job> jobs = ports.jobs().list(scope, query, page);
    return jobs.map(
        job ->
            new JobSummary(
                job.jobId(),
                job.status(),
                job.targetSelection(),
                ports.jobs().firstGroupId(scope, job.jobId()).orElse(null),
                job.createdAt(),
                job.lastUpdatedAt(),
                job.completedAt(),
                job.rollout().winding()
                    || (job.status() == JobStatus.IN_PROGRESS
                        && !job.rollout().targetsResolved())));
  }

  @Override
  public Job associateTargets(Scope scope, String jobId, List<String> newTargets, String comment) {
    Job updated =
        ports
            .transactions()
            .inTransaction(
                () -> {
                  Job job = progress.find(scope, jobId);
                  if (job.targetSelection() != TargetSelection.CONTINUOUS) {
                    throw ErrorCode.INVALID_REQUEST.exception(
                        "Targets can be added only to a continuous job; job %s is a snapshot"
                            + " job.",
                        jobId);
                  }
                  if (job.status() != JobStatus.IN_PROGRESS) {
                    throw ErrorCode.INVALID_REQUEST.exception(
                        "Targets can be added only to a job IN_PROGRESS; job %s is %s.",
                        jobId, job.status());
                  }
                  Set<String> known = Set.copyOf(job.targets());
                  List<String> added =
                      newTargets.stream()
                          .distinct()
                          .filter(t -> !known.contains(t))
                          .collect(Collectors.toList());
                  List<String> all = new ArrayList<>(job.targets());
                  all.addAll(added);
                  if (all.size() > Targets.MAX_TARGETS) {
                    throw ErrorCode.LIMIT_EXCEEDED.exception(
                        "A job can have at most %d targets; job %s would have %d.",
                        Targets.MAX_TARGETS, jobId, all.size());
                  }
                  if (added.isEmpty()) {
                    return job;
                  }
                  ports.jobs().addTargets(scope, jobId, targets.resolve(scope, added));
                  return progress.replace(
                      scope, job, job.withTargets(all, comment, clock.instant()), null);
                });
    wakeEngine.run();
    return updated;
  }

  static String arn(Scope scope, String jobId) {
    return Arn.of(scope, ResourceType.JOB, jobId).toString();
  }
}
