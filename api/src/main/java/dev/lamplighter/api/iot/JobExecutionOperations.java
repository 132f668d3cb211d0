package dev.lamplighter.api.iot;

import dev.lamplighter.api.http.Call;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.iot.JobExecutionShapes.CancelJobExecutionRequest;
import dev.lamplighter.api.iot.JobExecutionShapes.DeleteJobExecutionRequest;
import dev.lamplighter.api.iot.JobExecutionShapes.DescribeJobExecutionRequest;
import dev.lamplighter.api.iot.JobExecutionShapes.DescribeJobExecutionResponse;
import dev.lamplighter.api.iot.JobExecutionShapes.JobExecutionStatusDetails;
import dev.lamplighter.api.iot.JobExecutionShapes.JobExecutionSummary;
import dev.lamplighter.api.iot.JobExecutionShapes.JobExecutionSummaryForJob;
import dev.lamplighter.api.iot.JobExecutionShapes.JobExecutionSummaryForThing;
import dev.lamplighter.api.iot.JobExecutionShapes.ListJobExecutionsForJobRequest;
import dev.lamplighter.api.iot.JobExecutionShapes.ListJobExecutionsForJobResponse;
import dev.lamplighter.api.iot.JobExecutionShapes.ListJobExecutionsForThingRequest;
import dev.lamplighter.api.iot.JobExecutionShapes.ListJobExecutionsForThingResponse;
import dev.lamplighter.core.arn.Arn;
import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.JobExecutionService;
import dev.lamplighter.jobs.JobExecutionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Handlers of the control plane's job execution operations: decode, one service call, encode.
 * {@code approximateSecondsBeforeTimedOut} is computed against the server's clock when the request
 * is served.
 */
final class JobExecutionOperations {
  private final JobExecutionService executions;
  private final PageTokens pages;
  private final Clock clock;

  JobExecutionOperations(JobExecutionService executions, PageTokens pages, Clock clock) {
    this.executions = executions;
    this.pages = pages;
    this.clock = clock;
  }

  Object describe(Call call) {
    DescribeJobExecutionRequest request = call.input(DescribeJobExecutionRequest.class);
    JobExecution execution =
        executions.describe(
            call.scope(), request.jobId(), request.thingName(), request.executionNumber());
    return new DescribeJobExecutionResponse(execution(call.scope(), execution, clock.instant()));
  }

  Object cancel(Call call) {
    CancelJobExecutionRequest request = call.input(CancelJobExecutionRequest.class);
    executions.cancel(
        call.scope(),
        request.jobId(),
        request.thingName(),
        Boolean.TRUE.equals(request.force()),
        request.expectedVersion(),
        request.statusDetails());
    return null;
  }

  Object delete(Call call) {
    DeleteJobExecutionRequest request = call.input(DeleteJobExecutionRequest.class);
    executions.delete(
        call.scope(),
        request.jobId(),
        request.thingName(),
        request.executionNumber(),
        Boolean.TRUE.equals(request.force()));
    return null;
  }

  Object listForJob(Call call) {
    ListJobExecutionsForJobRequest request = call.input(ListJobExecutionsForJobRequest.class);
    JobExecutionStatus status = status(request.status());
    Object[] filters = {request.jobId(), status};
    PageRequest page =
        pages.request(
            call,
            request.maxResults(),
            request.nextToken(),
            ThingOperations.DEFAULT_PAGE_SIZE,
            filters);
    Page<JobExecution> result = executions.listForJob(call.scope(), request.jobId(), status, page);
    Scope scope = call.scope();
    return new ListJobExecutionsForJobResponse(
        result.items().stream()
            .map(e -> new JobExecutionSummaryForJob(thingArn(scope, e.thingName()), summary(e)))
            .toList(),
        pages.next(call, result, filters));
  }

  Object listForThing(Call call) {
    ListJobExecutionsForThingRequest request = call.input(ListJobExecutionsForThingRequest.class);
    JobExecutionStatus status = status(request.status());
    Object[] filters = {request.thingName(), status, request.jobId(), request.namespaceId()};
    PageRequest page =
        pages.request(
            call,
            request.maxResults(),
            request.nextToken(),
            ThingOperations.DEFAULT_PAGE_SIZE,
            filters);
    Page<JobExecution> result =
        executions.listForThing(call.scope(), request.thingName(), status, request.jobId(), page);
    return new ListJobExecutionsForThingResponse(
        result.items().stream()
            .map(e -> new JobExecutionSummaryForThing(e.jobId(), summary(e)))
            .toList(),
        pages.next(call, result, filters));
  }

  /** The model's {@code JobExecution} shape of an execution, its timer counted from {@code now}. */
  static JobExecutionShapes.JobExecution execution(
      Scope scope, JobExecution execution, Instant now) {
    return new JobExecutionShapes.JobExecution(
        execution.jobId(),
        execution.status().name(),
        execution.forceCanceled(),
        new JobExecutionStatusDetails(
            execution.statusDetails().isEmpty() ? null : execution.statusDetails()),
        thingArn(scope, execution.thingName()),
        execution.queuedAt(),
        execution.startedAt(),
        execution.lastUpdatedAt(),
        execution.executionNumber(),
        execution.versionNumber(),
        secondsBeforeTimedOut(execution, now));
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

  private static JobExecutionSummary summary(JobExecution execution) {
    return new JobExecutionSummary(
        execution.status().name(),
        execution.queuedAt(),
        execution.startedAt(),
        execution.lastUpdatedAt(),
        execution.executionNumber(),
        execution.retryAttempt());
  }

  private static JobExecutionStatus status(String status) {
    return status == null ? null : JobExecutionStatus.valueOf(status);
  }

  private static String thingArn(Scope scope, String thingName) {
    return Arn.of(scope, ResourceType.THING, thingName).toString();
  }
}
