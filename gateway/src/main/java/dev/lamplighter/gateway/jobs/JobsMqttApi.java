package dev.lamplighter.gateway.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.gateway.topics.JobsTopics;
import dev.lamplighter.gateway.topics.TopicRequest;
import dev.lamplighter.jobs.DeviceExecution;
import dev.lamplighter.jobs.DeviceJobService;
import dev.lamplighter.jobs.ExecutionStateException;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.PendingExecutions;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jobs device API over MQTT: decodes the request's JSON, makes one call to the {@link
 * DeviceJobService}, and answers on {@code …/accepted} with AWS's JSON, or on {@code …/rejected}
 * with AWS's error codes ({@code InvalidJson}, {@code InvalidRequest}, {@code ResourceNotFound},
 * {@code InvalidStateTransition}, {@code VersionMismatch}, {@code RequestThrottled}, {@code
 * InternalError}, {@code InvalidTopic}). Every reply echoes the request's {@code clientToken} and
 * carries a {@code timestamp} in epoch seconds.
 */
public final class JobsMqttApi implements JobsTopics {
  private static final Logger LOG = LoggerFactory.getLogger(JobsMqttApi.class);
  private static final Pattern JOB_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

  private final DeviceJobService jobs;
  private final Clock clock;

  public JobsMqttApi(DeviceJobService jobs, Clock clock) {
    this.jobs = jobs;
    this.clock = clock;
  }

  @Override
  public void getPendingJobExecutions(TopicRequest request) {
    serve(
        request,
        body -> {
          PendingExecutions pending = jobs.pending(request.scope(), thing(request));
          ObjectNode reply = JobsJson.MAPPER.createObjectNode();
          ArrayNode inProgress = reply.putArray("inProgressJobs");
          pending.inProgress().forEach(e -> inProgress.add(JobsJson.summary(e)));
          ArrayNode queued = reply.putArray("queuedJobs");
          pending.queued().forEach(e -> queued.add(JobsJson.summary(e)));
          return reply;
        });
  }

  @Override
  public void startNextPendingJobExecution(TopicRequest request) {
    serve(
        request,
        body -> {
          Optional<DeviceExecution> started =
              jobs.startNext(
                  request.scope(),
                  thing(request),
                  RequestFields.details(body),
                  RequestFields.longValue(body, "stepTimeoutInMinutes"));
          return withExecution(started);
        });
  }

  @Override
  public void describeJobExecution(TopicRequest request) {
    serve(
        request,
        body -> {
          Boolean include = RequestFields.bool(body, "includeJobDocument");
          Optional<DeviceExecution> execution =
              jobs.describe(
                  request.scope(),
                  thing(request),
                  request.variable("jobId"),
                  RequestFields.longValue(body, "executionNumber"),
                  include == null || include);
          return withExecution(execution);
        });
  }

  @Override
  public void updateJobExecution(TopicRequest request) {
    serve(
        request,
        body -> {
          String jobId = request.variable("jobId");
          if (!JOB_ID.matcher(jobId).matches()) {
            throw new RequestFields.Invalid(
                "InvalidRequest",
                "jobId " + jobId + " must be 1 to 64 characters of [a-zA-Z0-9_-].");
          }
          Boolean includeState = RequestFields.bool(body, "includeJobExecutionState");
          Boolean includeDocument = RequestFields.bool(body, "includeJobDocument");
          DeviceExecution updated =
              jobs.update(
                  request.scope(),
                  RequestFields.executionUpdate(thing(request), jobId, body),
                  Boolean.TRUE.equals(includeDocument));
          ObjectNode reply = JobsJson.MAPPER.createObjectNode();
          if (Boolean.TRUE.equals(includeState)) {
            reply.set("executionState", JobsJson.state(updated.execution()));
          }
          if (updated.document() != null) {
            JobsJson.putDocument(reply, updated.document());
          }
          return reply;
        });
  }

  @Override
  public void invalidTopic(TopicRequest request) {
    reject(
        request,
        RequestFields.clientToken(request.message().payload()),
        "InvalidTopic",
        "Topic " + request.topic() + " maps to no AWS IoT Jobs operation.",
        null);
  }

  @Override
  public void throttled(TopicRequest request) {
    reject(
        request,
        RequestFields.clientToken(request.message().payload()),
        "RequestThrottled",
        "Too many requests are waiting; try again.",
        null);
  }

  /** An operation: given the request body, the accepted reply without timestamp and token. */
  @FunctionalInterface
  private interface Operation {
    ObjectNode serve(ObjectNode body);
  }

  private void serve(TopicRequest request, Operation operation) {
    ObjectNode body;
    try {
      body = RequestFields.body(request.message().payload());
    } catch (RequestFields.Invalid invalid) {
      reject(request, null, invalid.code(), invalid.getMessage(), null);
      return;
    }
    String clientToken = RequestFields.clientToken(body);
    try {
      ObjectNode reply = operation.serve(body);
      envelope(reply, clientToken);
      request.reply(request.topic() + "/accepted", JobsJson.bytes(reply));
    } catch (RequestFields.Invalid invalid) {
      reject(request, clientToken, invalid.code(), invalid.getMessage(), null);
    } catch (ExecutionStateException refused) {
      reject(
          request,
          clientToken,
          RejectedCodes.of(refused.code()),
          refused.getMessage(),
          refused.current());
    } catch (ServiceException refused) {
      reject(request, clientToken, RejectedCodes.of(refused.code()), refused.getMessage(), null);
    } catch (RuntimeException failure) {
      LOG.error("[{}] {} failed", request.client().clientId(), request.topic(), failure);
      reject(request, clientToken, "InternalError", "The request could not be served.", null);
    }
  }

  private ObjectNode withExecution(Optional<DeviceExecution> execution) {
    ObjectNode reply = JobsJson.MAPPER.createObjectNode();
    execution.ifPresent(e -> reply.set("execution", JobsJson.execution(e, clock.instant())));
    return reply;
  }

  private void envelope(ObjectNode reply, String clientToken) {
    reply.put("timestamp", JobsJson.seconds(clock.instant()));
    if (clientToken != null) {
      reply.put("clientToken", clientToken);
    }
  }

  private void reject(
      TopicRequest request, String clientToken, String code, String message, JobExecution current) {
    ObjectNode reply = JobsJson.MAPPER.createObjectNode();
    reply.put("code", code);
    reply.put("message", message);
    envelope(reply, clientToken);
    if (current != null) {
      reply.set("executionState", JobsJson.state(current));
    }
    request.reply(request.topic() + "/rejected", JobsJson.bytes(reply));
  }

  private static String thing(TopicRequest request) {
    return request.variable("thingName");
  }
}
