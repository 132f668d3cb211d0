package dev.lamplighter.gateway.shadow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lamplighter.core.error.ErrorCode;
import dev.lamplighter.core.error.ServiceException;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.gateway.auth.DeviceRequests;
import dev.lamplighter.gateway.dataplane.DataPlaneRoute;
import dev.lamplighter.gateway.dataplane.DeviceHttps;
import dev.lamplighter.gateway.topics.RequestThreads;
import dev.lamplighter.shadow.ShadowId;
import dev.lamplighter.shadow.ShadowService;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Device Shadow REST API over HTTPS with the device's client certificate, on the data-plane
 * port, as AWS IoT's data endpoint serves it to devices: {@code GET|POST|DELETE
 * /things/{thingName}/shadow[?name=]} and {@code GET
 * /api/things/shadow/ListNamedShadowsForThing/{thingName}}, with iot-data's documents. Each request
 * is authorized by the certificate's policies with AWS's actions on the thing's ARN: {@code
 * iot:GetThingShadow}, {@code iot:UpdateThingShadow}, {@code iot:DeleteThingShadow}, {@code
 * iot:ListNamedShadowsForThing}. An update made here publishes on the shadow's topics like any.
 *
 * <p>Threading: {@link #handle} reads the request on the event loop and serves it on the thing's
 * request thread, which may block on storage.
 */
public final class ShadowsOverHttps implements DataPlaneRoute {
  private static final Logger LOG = LoggerFactory.getLogger(ShadowsOverHttps.class);
  private static final Pattern SHADOW = Pattern.compile("/things/([^/]+)/shadow");
  private static final String LIST_PREFIX = "/api/things/shadow/ListNamedShadowsForThing/";
  private static final int DEFAULT_PAGE = 25;
  private static final int MAX_PAGE = 100;

  private final ShadowService shadows;
  private final DeviceRequests authorization;
  private final RequestThreads threads;
  private final Clock clock;

  public ShadowsOverHttps(
      ShadowService shadows, DeviceRequests authorization, RequestThreads threads, Clock clock) {
    this.shadows = shadows;
    this.authorization = authorization;
    this.threads = threads;
    this.clock = clock;
  }

  @Override
  public boolean serves(String path) {
    return SHADOW.matcher(path).matches() || path.startsWith(LIST_PREFIX);
  }

  /** What the event loop copies out of a request before handing it on. */
  private record Request(
      HttpMethod method,
      String thingName,
      boolean list,
      QueryStringDecoder uri,
      byte[] body,
      boolean keepAlive,
      X509Certificate certificate) {}

  @Override
  public void handle(ChannelHandlerContext ctx, FullHttpRequest http) {
    QueryStringDecoder uri = new QueryStringDecoder(http.uri());
    boolean keepAlive = HttpUtil.isKeepAlive(http);
    Matcher shadow = SHADOW.matcher(uri.path());
    boolean list = !shadow.matches();
    String thingName = list ? uri.path().substring(LIST_PREFIX.length()) : shadow.group(1);
    X509Certificate certificate = DeviceHttps.peerCertificate(ctx);
    if (certificate == null) {
      DeviceHttps.error(
          ctx,
          keepAlive,
          ErrorCode.CERTIFICATE_VALIDATION,
          "The request must present the device's client certificate.");
      return;
    }
    Request request =
        new Request(
            http.method(),
            thingName,
            list,
            uri,
            ByteBufUtil.getBytes(http.content()),
            keepAlive,
            certificate);
    if (!threads.submit(thingName, () -> serve(ctx, request))) {
      DeviceHttps.error(
          ctx, keepAlive, ErrorCode.THROTTLING, "Too many requests are waiting; try again.");
    }
  }

  private void serve(ChannelHandlerContext ctx, Request request) {
    try {
      DeviceHttps.json(
          ctx,
          request.keepAlive(),
          HttpResponseStatus.OK,
          ShadowMqttApi.bytes(request.list() ? list(request) : shadowOperation(request)));
    } catch (ServiceException refused) {
      DeviceHttps.error(ctx, request.keepAlive(), refused.code(), refused.getMessage());
    } catch (RuntimeException failure) {
      LOG.error("Serving {} {} failed", request.method(), request.uri().path(), failure);
      DeviceHttps.error(
          ctx,
          request.keepAlive(),
          ErrorCode.SERVICE_UNAVAILABLE,
          "The request could not be served.");
    }
  }

  private ObjectNode shadowOperation(Request request) {
    ShadowId id = ShadowId.of(request.thingName(), query(request, "name"));
    HttpMethod method = request.method();
    if (method.equals(HttpMethod.GET)) {
      Scope scope = authorize(request, "GetThingShadow");
      return shadows.get(scope, id).document(clock.instant().getEpochSecond());
    }
    if (method.equals(HttpMethod.POST)) {
      Scope scope = authorize(request, "UpdateThingShadow");
      return shadows.update(scope, id, request.body());
    }
    if (method.equals(HttpMethod.DELETE)) {
      Scope scope = authorize(request, "DeleteThingShadow");
      return shadows.delete(scope, id, null);
    }
    throw ErrorCode.METHOD_NOT_ALLOWED.exception(
        "%s is not allowed on %s.", method, request.uri().path());
  }

  private ObjectNode list(Request request) {
    if (!request.method().equals(HttpMethod.GET)) {
      throw ErrorCode.METHOD_NOT_ALLOWED.exception(
          "%s is not allowed on %s.", request.method(), request.uri().path());
    }
    String thingName = ShadowId.classic(request.thingName()).thingName();
    Scope scope = authorize(request, "ListNamedShadowsForThing");
    String next = query(request, "nextToken");
    int size = pageSize(query(request, "pageSize"));
    Page<String> names =
        shadows.listNamed(
            scope,
            thingName,
            next == null ? PageRequest.first(size) : PageRequest.after(next, size));
    ObjectNode reply = ShadowMqttApi.MAPPER.createObjectNode();
    ArrayNode results = reply.putArray("results");
    names.items().forEach(results::add);
    names.next().ifPresent(cursor -> reply.put("nextToken", cursor));
    reply.put("timestamp", clock.instant().getEpochSecond());
    return reply;
  }

  private Scope authorize(Request request, String operation) {
    return DeviceHttps.authorize(
        authorization, request.certificate(), request.thingName(), operation, "iot:" + operation);
  }

  private static int pageSize(String text) {
    if (text == null) {
      return DEFAULT_PAGE;
    }
    try {
      int size = Integer.parseInt(text);
      if (size >= 1 && size <= MAX_PAGE) {
        return size;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ErrorCode.INVALID_REQUEST.exception("pageSize must be 1 to %d: %s", MAX_PAGE, text);
  }

  private static String query(Request request, String name) {
    List<String> values = request.uri().parameters().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
