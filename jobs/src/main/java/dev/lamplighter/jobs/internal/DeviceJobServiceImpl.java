package dev.lamplighter.jobs.internal;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.DeviceExecution;
import dev.lamplighter.jobs.DeviceJobService;
import dev.lamplighter.jobs.ExecutionStateException;
import dev.lamplighter.jobs.ExecutionUpdate;
import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.JobExecutionStatus;
import dev.lamplighter.jobs.PendingExecutions;
import dev.lamplighter.jobs.ThingJobs;
import dev.lamplighter.jobs.spi.JobsPorts;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The devices' Jobs API. Each write is a compare-and-set on the execution's version inside a
 * transaction, tried again from a fresh read when another write came first (a device's update
 * racing a timeout or a cancel).
 */
public final class DeviceJobServiceImpl implements DeviceJobService {
  /** Most pending executions a thing is told about, as AWS's ListNotification. */
  static final int MAX_PENDING = 15;

  private static final int ATTEMPTS = 5;

  private final JobsPorts ports;
  private final Clock clock;
  private final ExecutionWriter writer;
  private final JobDocumentSource documents;

  DeviceJobServiceImpl(
      JobsPorts ports, Clock clock, ExecutionWriter writer, JobDocumentSource documents) {
    this.ports = ports;
    this.clock = clock;
    this.writer = writer;
    this.documents = documents;
  }

  @Override
  public PendingExecutions pending(Scope scope, String thingName) {
    List<JobExecution> pending = ports.executions().pendingForThing(scope, thingName, MAX_PENDING);
    return new PendingExecutions(
        pending.stream().filter(e -> e.status() == JobExecutionStatus.IN_PROGRESS).toList(),
        pending.stream().filter(e -> e.status() == JobExecutionStatus.QUEUED).toList());
  }

  @Override
  public Map<String, ThingJobs> thingJobs(Scope scope, Collection<String> thingNames) {
    Map<String, List<JobExecution>> pending =
        ports.executions().pendingForThings(scope, thingNames);
    Map<String, Optional<String>> rendered = new HashMap<>();
    Map<String, ThingJobs> result = new LinkedHashMap<>();
    for (String thing : thingNames) {
      List<JobExecution> executions = pending.getOrDefault(thing, List.of());
      List<JobExecution> listed = executions.subList(0, Math.min(executions.size(), MAX_PENDING));
      Optional<DeviceExecution> next = Optional.empty();
      if (!executions.isEmpty()) {
        JobExecution first = executions.get(0);
        Optional<String> document =
            rendered.computeIfAbsent(
                first.jobId(), id -> ports.jobs().find(scope, id).map(documents::forDevice));
        next = document.map(text -> new DeviceExecution(first, text));
      }
      result.put(
          thing,
          new ThingJobs(
              new PendingExecutions(
                  listed.stream()
                      .filter(e -> e.status() == JobExecutionStatus.IN_PROGRESS)
                      .toList(),
                  listed.stream().filter(e -> e.status() == JobExecutionStatus.QUEUED).toList()),
              next));
    }
    return result;
  }

  @Override
  public Optional<DeviceExecution> startNext(
      Scope scope, String thingName, Map<String, String> statusDetails, Long stepTimeout) {
    DetailsRules.check(statusDetails);
    DetailsRules.checkStepTimeout(stepTimeout);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Optional<DeviceExecution>> done =
          ports
              .transactions()
              .inTransaction(
                  () -> {
                    List<JobExecution> pending =
                        ports.executions().pendingForThing(scope, thingName, 1);
                    if (pending.isEmpty()) {
                      return Optional.of(Optional.<DeviceExecution>empty());
                    }
                    JobExecution next = pending.get(0);
                    Job job = job(scope, next.jobId());
                    if (next.status() == JobExecutionStatus.IN_PROGRESS) {
                      return Optional.of(Optional.of(withDocument(job, next, true)));
                    }
                    Instant now = clock.instant();
                    JobExecution started =
                        Timers.apply(
                            job,
                            next,
                            next.moved(JobExecutionStatus.IN_PROGRESS, statusDetails, now, false),
                            stepTimeout,
                            now);
                    JobExecution stored = writer.write(scope, job, next, started, now);
                    return stored == null
                        ? Optional.<Optional<DeviceExecution>>empty()
                        : Optional.of(Optional.of(withDocument(job, stored, true)));
                  });
      if (done.isPresent()) {
        return done.get();
      }
    }
    throw busy(thingName);
  }

  @Override
  public Optional<DeviceExecution> describe(
      Scope scope,
      String thingName,
      String jobId,
      Long executionNumber,
      boolean includeJobDocument) {
    JobExecution execution;
    if (NEXT.equals(jobId)) {
      List<JobExecution> pending = ports.executions().pendingForThing(scope, thingName, 1);
      if (pending.isEmpty()) {
        return Optional.empty();
      }
      execution = pending.get(0);
    } else {
      execution = existing(scope, jobId, thingName, executionNumber);
    }
    Job job = includeJobDocument ? job(scope, execution.jobId()) : null;
    return Optional.of(withDocument(job, execution, includeJobDocument));
  }

  @Override
  public DeviceExecution update(Scope scope, ExecutionUpdate update, boolean includeJobDocument) {
    if (update.status() == null) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "Value null at 'status' failed to satisfy constraint: Member must not be null");
    }
    if (!update.status().isReportableByDevice()) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "A device may set the status of a job execution to IN_PROGRESS, SUCCEEDED, FAILED or"
              + " REJECTED, not %s.",
          update.status());
    }
    DetailsRules.check(update.statusDetails());
    DetailsRules.checkStepTimeout(update.stepTimeoutInMinutes());
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      DeviceExecution done =
          ports.transactions().inTransaction(() -> tryUpdate(scope, update, includeJobDocument));
      if (done != null) {
        return done;
      }
    }
    throw busy(update.thingName());
  }

  private DeviceExecution tryUpdate(
      Scope scope, ExecutionUpdate update, boolean includeJobDocument) {
    JobExecution current =
        existing(scope, update.jobId(), update.thingName(), update.executionNumber());
    if (update.expectedVersion() != null && update.expectedVersion() != current.versionNumber()) {
      throw new ExecutionStateException(
          ErrorCode.EXECUTION_VERSION_MISMATCH,
          String.format(
              java.util.Locale.ROOT,
              "The job execution of job %s on thing %s is at version %d, not %d.",
              update.jobId(),
              update.thingName(),
              current.versionNumber(),
              update.expectedVersion()),
          current);
    }
    if (current.status().isTerminal()) {
      throw new ExecutionStateException(
          ErrorCode.INVALID_STATE_TRANSITION,
          String.format(
              java.util.Locale.ROOT,
              "The job execution of job %s on thing %s is %s and cannot become %s.",
              update.jobId(),
              update.thingName(),
              current.status(),
              update.status()),
          current);
    }
    Job job = job(scope, update.jobId());
    Instant now = clock.instant();
    JobExecution next =
        Timers.apply(
            job,
            current,
            current.moved(update.status(), update.statusDetails(), now, false),
            update.stepTimeoutInMinutes(),
            now);
    JobExecution stored = writer.write(scope, job, current, next, now);
    if (stored == null) {
      return null;
    }
    // The device sees the status it reported, even when a retry queued the execution again.
    return withDocument(job, next.status() == stored.status() ? stored : next, includeJobDocument);
  }

  private JobExecution existing(Scope scope, String jobId, String thingName, Long executionNumber) {
    Optional<JobExecution> found =
        ports.executions().find(scope, jobId, thingName).filter(JobExecution::rolledOut);
    if (found.isEmpty()
        || (executionNumber != null && executionNumber != found.get().executionNumber())) {
      throw executionNotFound(jobId, thingName, executionNumber);
    }
    return found.get();
  }

  static RuntimeException executionNotFound(String jobId, String thingName, Long number) {
    return number == null
        ? ErrorCode.RESOURCE_NOT_FOUND.exception(
            "No job execution of job %s on thing %s.", jobId, thingName)
        : ErrorCode.RESOURCE_NOT_FOUND.exception(
            "No job execution %d of job %s on thing %s.", number, jobId, thingName);
  }

  private Job job(Scope scope, String jobId) {
    return ports
        .jobs()
        .find(scope, jobId)
        .orElseThrow(() -> ErrorCode.RESOURCE_NOT_FOUND.exception("Job %s does not exist.", jobId));
  }

  private DeviceExecution withDocument(Job job, JobExecution execution, boolean include) {
    return new DeviceExecution(execution, include && job != null ? documents.forDevice(job) : null);
  }

  private static RuntimeException busy(String thingName) {
    return ErrorCode.THROTTLING.exception(
        "The job executions of thing %s changed too often meanwhile; try again.", thingName);
  }
}
