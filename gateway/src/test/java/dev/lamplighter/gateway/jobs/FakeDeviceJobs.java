package dev.lamplighter.gateway.jobs;

import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.DeviceExecution;
import dev.lamplighter.jobs.DeviceJobService;
import dev.lamplighter.jobs.ExecutionStateException;
import dev.lamplighter.jobs.ExecutionUpdate;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.JobExecutionStatus;
import dev.lamplighter.jobs.PendingExecutions;
import dev.lamplighter.jobs.ThingJobs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The device Jobs API over a map, with the service's ordering and refusals, for the MQTT adapter's
 * tests (the service itself is tested on the real stores).
 */
class FakeDeviceJobs implements DeviceJobService {
  static final String DOCUMENT = "{\"operation\":\"install\",\"url\":\"https://files/fw.bin\"}";

  final Map<String, JobExecution> executions = new LinkedHashMap<>();
  int thingJobsReads;
  final List<ExecutionUpdate> updates = new ArrayList<>();
  Instant now = Instant.parse("2026-05-01T10:00:00Z");

  void queue(String jobId, String thingName, Instant queuedAt) {
    executions.put(jobId + "/" + thingName, JobExecution.queued(jobId, thingName, queuedAt));
  }

  private List<JobExecution> pendingOf(String thingName) {
    return executions.values().stream()
        .filter(e -> e.thingName().equals(thingName) && e.status().isPending())
        .sorted(
            Comparator.comparing((JobExecution e) -> e.status() != JobExecutionStatus.IN_PROGRESS)
                .thenComparing(JobExecution::queuedAt))
        .toList();
  }

  @Override
  public PendingExecutions pending(Scope scope, String thingName) {
    List<JobExecution> pending = pendingOf(thingName);
    return new PendingExecutions(
        pending.stream().filter(e -> e.status() == JobExecutionStatus.IN_PROGRESS).toList(),
        pending.stream().filter(e -> e.status() == JobExecutionStatus.QUEUED).toList());
  }

  @Override
  public Map<String, ThingJobs> thingJobs(Scope scope, Collection<String> thingNames) {
    thingJobsReads++;
    Map<String, ThingJobs> result = new LinkedHashMap<>();
    for (String thing : thingNames) {
      List<JobExecution> pending = pendingOf(thing);
      result.put(
          thing,
          new ThingJobs(
              pending(scope, thing),
              pending.stream().findFirst().map(e -> new DeviceExecution(e, DOCUMENT))));
    }
    return result;
  }

  @Override
  public Optional<DeviceExecution> startNext(
      Scope scope, String thingName, Map<String, String> details, Long stepTimeout) {
    List<JobExecution> pending = pendingOf(thingName);
    if (pending.isEmpty()) {
      return Optional.empty();
    }
    JobExecution next = pending.get(0);
    if (next.status() == JobExecutionStatus.QUEUED) {
      next = next.moved(JobExecutionStatus.IN_PROGRESS, details, now, false);
      executions.put(next.jobId() + "/" + thingName, next);
    }
    return Optional.of(new DeviceExecution(next, DOCUMENT));
  }

  @Override
  public Optional<DeviceExecution> describe(
      Scope scope, String thingName, String jobId, Long executionNumber, boolean include) {
    JobExecution execution;
    if (NEXT.equals(jobId)) {
      List<JobExecution> pending = pendingOf(thingName);
      if (pending.isEmpty()) {
        return Optional.empty();
      }
      execution = pending.get(0);
    } else {
      execution = executions.get(jobId + "/" + thingName);
      if (execution == null) {
        throw ErrorCode.RESOURCE_NOT_FOUND.exception(
            "No job execution of job %s on thing %s.", jobId, thingName);
      }
    }
    return Optional.of(new DeviceExecution(execution, include ? DOCUMENT : null));
  }

  @Override
  public DeviceExecution update(Scope scope, ExecutionUpdate update, boolean includeJobDocument) {
    updates.add(update);
    JobExecution current = executions.get(update.jobId() + "/" + update.thingName());
    if (current == null) {
      throw ErrorCode.RESOURCE_NOT_FOUND.exception(
          "No job execution of job %s on thing %s.", update.jobId(), update.thingName());
    }
    if (update.status() == null) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "Value null at 'status' failed to satisfy constraint: Member must not be null");
    }
    if (update.expectedVersion() != null && update.expectedVersion() != current.versionNumber()) {
      throw new ExecutionStateException(
          ErrorCode.EXECUTION_VERSION_MISMATCH, "stale version", current);
    }
    if (current.status().isTerminal()) {
      throw new ExecutionStateException(
          ErrorCode.INVALID_STATE_TRANSITION, "already " + current.status(), current);
    }
    JobExecution next = current.moved(update.status(), update.statusDetails(), now, false);
    executions.put(update.jobId() + "/" + update.thingName(), next);
    return new DeviceExecution(next, includeJobDocument ? DOCUMENT : null);
  }
}
