package dev.lamplighter.api.jobsdata;

import dev.lamplighter.api.http.Call;
import dev.lamplighter.api.jobsdata.DeviceJobShapes.DescribeJobExecutionRequest;
import dev.lamplighter.api.jobsdata.DeviceJobShapes.ExecutionResponse;
import dev.lamplighter.api.jobsdata.DeviceJobShapes.GetPendingJobExecutionsRequest;
import dev.lamplighter.api.jobsdata.DeviceJobShapes.GetPendingJobExecutionsResponse;
import dev.lamplighter.api.jobsdata.DeviceJobShapes.JobExecutionState;
import dev.lamplighter.api.jobsdata.DeviceJobShapes.JobExecutionSummary;
import dev.lamplighter.api.jobsdata.DeviceJobShapes.StartNextPendingJobExecutionRequest;
import dev.lamplighter.api.jobsdata.DeviceJobShapes.UpdateJobExecutionRequest;
import dev.lamplighter.api.jobsdata.DeviceJobShapes.UpdateJobExecutionResponse;
import dev.lamplighter.jobs.DeviceExecution;
import dev.lamplighter.jobs.DeviceJobService;
import dev.lamplighter.jobs.ExecutionUpdate;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.JobExecutionStatus;
import dev.lamplighter.jobs.PendingExecutions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Handlers of the iot-jobs-data operations: decode, one call to {@link DeviceJobService}, encode.
 * An execution's {@code approximateSecondsBeforeTimedOut} is counted against the server's clock
 * when the request is served.
 */
final class DeviceJobOperations {
  private static final ExecutionResponse NO_EXECUTION = new ExecutionResponse(null);

  private final DeviceJobService device;
  private final Clock clock;

  DeviceJobOperations(DeviceJobService device, Clock clock) {
    this.device = device;
    this.clock = clock;
  }

  /** DescribeJobExecution; {@code $next} with nothing pending answers {@code {}}, as AWS does. */
  Object describe(Call call) {
    DescribeJobExecutionRequest request = call.input(DescribeJobExecutionRequest.class);
    Optional<DeviceExecution> execution =
        device.describe(
            call.scope(),
            request.thingName(),
            request.jobId(),
            request.executionNumber(),
            !Boolean.FALSE.equals(request.includeJobDocument()));
    return execution.map(e -> new ExecutionResponse(execution(e, now()))).orElse(NO_EXECUTION);
  }

  Object pending(Call call) {
    PendingExecutions pending =
        device.pending(call.scope(), call.input(GetPendingJobExecutionsRequest.class).thingName());
    return new GetPendingJobExecutionsResponse(
        summaries(pending.inProgress()), summaries(pending.queued()));
  }

  Object startNext(Call call) {
    StartNextPendingJobExecutionRequest request =
        call.input(StartNextPendingJobExecutionRequest.class);
    return device
        .startNext(
            call.scope(),
            request.thingName(),
            request.statusDetails(),
            request.stepTimeoutInMinutes())
        .map(e -> new ExecutionResponse(execution(e, now())))
        .orElse(NO_EXECUTION);
  }

  Object update(Call call) {
    UpdateJobExecutionRequest request = call.input(UpdateJobExecutionRequest.class);
    boolean includeDocument = Boolean.TRUE.equals(request.includeJobDocument());
    DeviceExecution updated =
        device.update(
            call.scope(),
            new ExecutionUpdate(
                request.thingName(),
                request.jobId(),
                JobExecutionStatus.valueOf(request.status()),
                request.statusDetails(),
                request.expectedVersion(),
                request.executionNumber(),
                request.stepTimeoutInMinutes()),
            includeDocument);
    JobExecution execution = updated.execution();
    return new UpdateJobExecutionResponse(
        Boolean.TRUE.equals(request.includeJobExecutionState())
            ? new JobExecutionState(
                execution.status().name(),
                details(execution.statusDetails()),
                execution.versionNumber())
            : null,
        includeDocument ? updated.document() : null);
  }

  private Instant now() {
    return clock.instant();
  }

  /** The model's {@code JobExecution} of an execution, its timer counted from {@code now}. */
  static DeviceJobShapes.JobExecution execution(DeviceExecution device, Instant now) {
    JobExecution execution = device.execution();
    return new DeviceJobShapes.JobExecution(
        execution.jobId(),
        execution.thingName(),
        execution.status().name(),
        details(execution.statusDetails()),
        epochSeconds(execution.queuedAt()),
        epochSeconds(execution.startedAt()),
        epochSeconds(execution.lastUpdatedAt()),
        secondsBeforeTimedOut(execution, now),
        execution.versionNumber(),
        execution.executionNumber(),
        device.document());
  }

  /**
   * Whole seconds until the execution's earlier timer fires (never negative), or null when it has
   * no timer or is terminal.
   */
  static Long secondsBeforeTimedOut(JobExecution execution, Instant now) {
    Instant timesOutAt = execution.timesOutAt();
    if (timesOutAt == null || execution.status().isTerminal()) {
      return null;
    }
    return Math.max(0, Duration.between(now, timesOutAt).getSeconds());
  }

  private static List<JobExecutionSummary> summaries(List<JobExecution> executions) {
    return executions.stream()
        .map(
            e ->
                new JobExecutionSummary(
                    e.jobId(),
                    epochSeconds(e.queuedAt()),
                    epochSeconds(e.startedAt()),
                    epochSeconds(e.lastUpdatedAt()),
                    e.versionNumber(),
                    e.executionNumber()))
        .toList();
  }

  private static Map<String, String> details(Map<String, String> details) {
    return details.isEmpty() ? null : details;
  }

  /** The model types these times as {@code long}: whole seconds since the epoch. */
  private static Long epochSeconds(Instant instant) {
    return instant == null ? null : instant.getEpochSecond();
  }
}
