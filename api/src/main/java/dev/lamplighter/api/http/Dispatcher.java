package dev.lamplighter.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.api.sigv4.SigV4Verifier;
import dev.lamplighter.api.sigv4.SignedRequest;
import dev.lamplighter.api.sigv4.VerifiedCaller;
import dev.lamplighter.api.wire.Protocol;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.random.IdSource;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jetbrains.annotations.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline for every AWS API request on the control-plane port.
 *
 * <p>In order: read the body within the size limit; verify the SigV4 signature (which also names
 * the caller's account, region and signing service); find the operation by service, method and
 * path; decode and validate the input against the wire model; call the operation's handler; write
 * its output as JSON. Any failure becomes the AWS error shape; an unexpected one is logged with the
 * request id and answered as InternalFailureException, and the server goes on serving.
 */
public final class Dispatcher implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
  private static final Logger EVENTS = LoggerFactory.getLogger("lamplighter.events");
  static final String REQUEST_ID_HEADER = "x-amzn-RequestId";
  private static final byte[] EMPTY_OBJECT = {'{', '}'};
  private static final String JSON = "application/json";
  private static final String AMZ_JSON = "application/x-amz-json-1.1";
  private static final String TARGET_HEADER = "X-Amz-Target";

  private final SigV4Verifier verifier;
  private final Router router;
  private final ObjectMapper mapper;
  private final ApiMetrics metrics;
  private final IdSource ids;
  private final int maxBodyBytes;

  public Dispatcher(
      SigV4Verifier verifier,
      Router router,
      ObjectMapper mapper,
      ApiMetrics metrics,
      IdSource ids,
      int maxBodyBytes) {
    this.verifier = verifier;
    this.router = router;
    this.mapper = mapper;
    this.metrics = metrics;
    this.ids = ids;
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  public void handle(@NotNull Context ctx) {
    long started = System.nanoTime();
    String requestId = ids.randomUuid().toString();
    ctx.header(REQUEST_ID_HEADER, requestId);
    String operation = ApiMetrics.UNKNOWN_OPERATION;
    // A JSON-protocol request names its operation in X-Amz-Target; its answers, errors included,
    // are application/x-amz-json-1.1 even when it fails before its operation is found.
    boolean amzJson = ctx.header(TARGET_HEADER) != null;
    int status;
    try {
      byte[] body =
          RequestBody.read(
              ctx.req().getInputStream(), ctx.req().getContentLengthLong(), maxBodyBytes);
      SignedRequest signed =
          new SignedRequest(
              ctx.method().name(),
              ctx.req().getRequestURI(),
              ctx.req().getQueryString(),
              headers(ctx),
              body);
      VerifiedCaller caller = authenticate(signed, requestId);
      Router.Match match =
          router.find(
              caller.service(), signed.method(), signed.rawPath(), ctx.header(TARGET_HEADER));
      operation = match.operation().name();
      amzJson = match.decoder().protocol() == Protocol.JSON;
      ObjectNode input =
          match
              .decoder()
              .decode(
                  match.operation(), match.labels(), ctx.queryParamMap(), signed.headers(), body);
      Object output = match.route().handler().handle(new Call(operation, caller, input, mapper));
      status = match.operation().responseCode().orElse(200);
      write(ctx, status, body(output), amzJson);
    } catch (ServiceException failure) {
      status = respond(ctx, errorOf(ErrorResponse.of(failure, mapper), amzJson), amzJson);
    } catch (IOException | RuntimeException unexpected) {
      LOG.error("[{}] {} {} failed", requestId, ctx.method(), ctx.path(), unexpected);
      status = respond(ctx, errorOf(ErrorResponse.internal(requestId, mapper), amzJson), amzJson);
    }
    metrics.record(operation, status, System.nanoTime() - started);
  }

  /** The response body: a document as it is, any other output as the operation's JSON. */
  private byte[] body(Object output) throws IOException {
    if (output == null) {
      return EMPTY_OBJECT;
    }
    if (output instanceof JsonDocument document) {
      return document.bytes();
    }
    return mapper.writeValueAsBytes(output);
  }

  private VerifiedCaller authenticate(SignedRequest signed, String requestId) {
    try {
      return verifier.verify(signed);
    } catch (ServiceException refused) {
      EVENTS.info(
          "[{}] authentication refused: {} {} ({})",
          requestId,
          signed.method(),
          signed.rawPath(),
          refused.code().awsType());
      throw refused;
    }
  }

  private ErrorResponse errorOf(ErrorResponse error, boolean amzJson) {
    return amzJson ? error.forJsonProtocol(mapper) : error;
  }

  private static int respond(Context ctx, ErrorResponse error, boolean amzJson) {
    ctx.header(ErrorResponse.ERROR_TYPE_HEADER, error.errorType());
    try {
      write(ctx, error.status(), error.body(), amzJson);
    } catch (IOException e) {
      LOG.debug("Could not send an error response: {}", e.getMessage());
    }
    return error.status();
  }

  /**
   * Writes the body straight to the servlet response with its length, instead of through the
   * framework's result stream, which copies it once more.
   */
  private static void write(Context ctx, int status, byte[] body, boolean amzJson)
      throws IOException {
    HttpServletResponse response = ctx.res();
    response.setStatus(status);
    response.setContentType(amzJson ? AMZ_JSON : JSON);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  private static Map<String, List<String>> headers(Context ctx) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      headers.put(name, new ArrayList<>(Collections.list(ctx.req().getHeaders(name))));
    }
    return headers;
  }

  /** Answers requests that fail before reaching the pipeline, such as an unknown path. */
  public static ServiceException unknownOperation(String method, String path) {
    return ErrorCode.UNKNOWN_OPERATION.exception("No operation matches %s %s.", method, path);
  }
}
