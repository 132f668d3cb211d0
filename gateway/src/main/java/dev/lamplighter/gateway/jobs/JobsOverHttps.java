package dev.lamplighter.gateway.jobs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.gateway.auth.DeviceRequests;
import dev.lamplighter.gateway.dataplane.DataPlaneRoute;
import dev.lamplighter.gateway.dataplane.DeviceHttps;
import dev.lamplighter.gateway.topics.RequestThreads;
import dev.lamplighter.jobs.DeviceExecution;
import dev.lamplighter.jobs.DeviceJobService;
import dev.lamplighter.jobs.PendingExecutions;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jobs device API over HTTPS with the device's client certificate (AWS IoT's "HTTP TLS" jobs
 * endpoint), on the data-plane port: {@code GET /things/{thingName}/jobs}, {@code PUT
 * /things/{thingName}/jobs/$next}, {@code GET /things/{thingName}/jobs/{jobId}} and {@code POST
 * /things/{thingName}/jobs/{jobId}}, with iot-jobs-data's JSON. Each request is authorized by the
 * certificate's policies with AWS's job actions on the thing's ARN: {@code
 * iot:GetPendingJobExecutions}, {@code iot:StartNextPendingJobExecution}, {@code
 * iot:DescribeJobExecution}, {@code iot:UpdateJobExecution} (or their {@code iotjobsdata:} names).
 * An unregistered, inactive or untrusted certificate is answered 400
 * CertificateValidationException, an action its policies do not allow 403 ForbiddenException.
 *
 * <p>Threading: {@link #handle} reads the request on the event loop and serves it on the thing's
 * request thread, which may block on storage.
 */
public final class JobsOverHttps implements DataPlaneRoute {
  private static final Logger LOG = LoggerFactory.getLogger(JobsOverHttps.class);
  private static final Logger EVENTS = LoggerFactory.getLogger("lamplighter.events");
  private static final Pattern THING = Pattern.compile("[a-zA-Z0-9:_-]{1,128}");
  private static final Pattern JOB_ID = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

  private final DeviceJobService jobs;
  private final DeviceRequests authorization;
  private final RequestThreads threads;
  private final Clock clock;

  public JobsOverHttps(
      DeviceJobService jobs, DeviceRequests authorization, RequestThreads threads, Clock clock) {
    this.jobs = jobs;
    this.authorization = authorization;
    this.threads = threads;
    this.clock = clock;
  }

  private static final String PATH_PREFIX = "/things/";

  @Override
  public boolean serves(String path) {
    return path.startsWith(PATH_PREFIX);
  }

  /** What the event loop copies out of a request before handing it on. */
  private record Request(
      HttpMethod method,
      String thingName,
      String jobId,
      QueryStringDecoder uri,
      byte[] body,
      boolean keepAlive,
      X509Certificate certificate) {}

  @Override
  public void handle(ChannelHandlerContext ctx, FullHttpRequest http) {
    QueryStringDecoder uri = new QueryStringDecoder(http.uri());
    String[] parts = uri.path().substring(PATH_PREFIX.length()).split("/", -1);
    boolean keepAlive = HttpUtil.isKeepAlive(http);
    if (parts.length < 2 || parts.length > 3 || !parts[1].equals("jobs")) {
      error(
          ctx, keepAlive, ErrorCode.UNKNOWN_OPERATION, "No operation matches " + uri.path() + ".");
      return;
    }
    X509Certificate certificate = DeviceHttps.peerCertificate(ctx);
    if (certificate == null) {
      error(
          ctx,
          keepAlive,
          ErrorCode.CERTIFICATE_VALIDATION,
          "The request must present the device's client certificate.");
      return;
    }
    Request request =
        new Request(
            http.method(),
            parts[0],
            parts.length == 3 ? parts[2] : null,
            uri,
            ByteBufUtil.getBytes(http.content()),
            keepAlive,
            certificate);
    if (!threads.submit(request.thingName(), () -> serve(ctx, request))) {
      error(ctx, keepAlive, ErrorCode.THROTTLING, "Too many requests are waiting; try again.");
    }
  }

  private void serve(ChannelHandlerContext ctx, Request request) {
    try {
      respond(ctx, request.keepAlive(), HttpResponseStatus.OK, route(request));
    } catch (ServiceException refused) {
      error(ctx, request.keepAlive(), refused.code(), refused.getMessage());
    } catch (RequestFields.Invalid invalid) {
      error(ctx, request.keepAlive(), ErrorCode.INVALID_REQUEST, invalid.getMessage());
    } catch (RuntimeException failure) {
      LOG.error("Serving {} {} failed", request.method(), request.uri().path(), failure);
      error(
          ctx,
          request.keepAlive(),
          ErrorCode.SERVICE_UNAVAILABLE,
          "The request could not be served.");
    }
  }

  private ObjectNode route(Request request) {
    if (!THING.matcher(request.thingName()).matches()) {
      throw ErrorCode.INVALID_REQUEST.exception(
          "thingName %s must be 1 to 128 characters of [a-zA-Z0-9:_-].", request.thingName());
    }
    String jobId = request.jobId();
    HttpMethod method = request.method();
    if (jobId == null && method.equals(HttpMethod.GET)) {
      Scope scope = authorize(request, "GetPendingJobExecutions");
      return pending(jobs.pending(scope, request.thingName()));
    }
    if (DeviceJobService.NEXT.equals(jobId) && method.equals(HttpMethod.PUT)) {
      Scope scope = authorize(request, "StartNextPendingJobExecution");
      ObjectNode body = RequestFields.body(request.body());
      return withExecution(
          jobs.startNext(
              scope,
              request.thingName(),
              RequestFields.details(body),
              RequestFields.longValue(body, "stepTimeoutInMinutes")));
    }
    if (jobId != null && method.equals(HttpMethod.GET)) {
      Scope scope = authorize(request, "DescribeJobExecution");
      Boolean include =
          query(request, "includeJobDocument").map(Boolean::parseBoolean).orElse(null);
      Long number = query(request, "executionNumber").map(JobsOverHttps::number).orElse(null);
      return withExecution(
          jobs.describe(scope, request.thingName(), jobId, number, include == null || include));
    }
    if (jobId != null && method.equals(HttpMethod.POST) && JOB_ID.matcher(jobId).matches()) {
      Scope scope = authorize(request, "UpdateJobExecution");
      ObjectNode body = RequestFields.body(request.body());
      Boolean includeState = RequestFields.bool(body, "includeJobExecutionState");
      Boolean includeDocument = RequestFields.bool(body, "includeJobDocument");
      DeviceExecution updated =
          jobs.update(
              scope,
              RequestFields.executionUpdate(request.thingName(), jobId, body),
              Boolean.TRUE.equals(includeDocument));
      ObjectNode reply = JobsJson.MAPPER.createObjectNode();
      if (Boolean.TRUE.equals(includeState)) {
        reply.set("executionState", JobsJson.state(updated.execution()));
      }
      if (updated.document() != null) {
        reply.put("jobDocument", updated.document());
      }
      return reply;
    }
    throw ErrorCode.UNKNOWN_OPERATION.exception(
        "No operation matches %s %s.", method, request.uri().path());
  }

  private Scope authorize(Request request, String operation) {
    return DeviceHttps.authorize(
        authorization,
        request.certificate(),
        request.thingName(),
        operation,
        "iot:" + operation,
        "iotjobsdata:" + operation);
  }

  private static Optional<String> query(Request request, String name) {
    List<String> values = request.uri().parameters().get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private ObjectNode pending(PendingExecutions pending) {
    ObjectNode reply = JobsJson.MAPPER.createObjectNode();
    ArrayNode inProgress = reply.putArray("inProgressJobs");
    pending.inProgress().forEach(e -> inProgress.add(JobsJson.summary(e)));
    ArrayNode queued = reply.putArray("queuedJobs");
    pending.queued().forEach(e -> queued.add(JobsJson.summary(e)));
    return reply;
  }

  /** iot-jobs-data's JobExecution: as over MQTT, but the document is a string. */
  private ObjectNode withExecution(Optional<DeviceExecution> found) {
    ObjectNode reply = JobsJson.MAPPER.createObjectNode();
    if (found.isEmpty()) {
      return reply;
    }
    DeviceExecution device = found.get();
    ObjectNode execution =
        JobsJson.execution(new DeviceExecution(device.execution(), null), clock.instant());
    if (device.document() != null) {
      execution.put("jobDocument", device.document());
    }
    reply.set("execution", execution);
    return reply;
  }

  private static void respond(
      ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, ObjectNode body) {
    DeviceHttps.json(ctx, keepAlive, status, JobsJson.bytes(body));
  }

  private static void error(
      ChannelHandlerContext ctx, boolean keepAlive, ErrorCode code, String message) {
    DeviceHttps.error(ctx, keepAlive, code, message);
  }

  private static long number(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw ErrorCode.INVALID_REQUEST.exception("executionNumber %s is not a number.", text);
    }
  }
}
