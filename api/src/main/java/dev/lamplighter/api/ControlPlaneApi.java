package dev.lamplighter.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lamplighter.api.http.ApiMetrics;
import dev.lamplighter.api.http.Dispatcher;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.http.Route;
import dev.lamplighter.api.http.Router;
import dev.lamplighter.api.iot.IotRoutes;
import dev.lamplighter.api.iotdata.IotDataRoutes;
import dev.lamplighter.api.jobsdata.JobsDataRoutes;
import dev.lamplighter.api.sigv4.SigV4Verifier;
import dev.lamplighter.api.tunneling.TunnelingRoutes;
import dev.lamplighter.api.wire.WireJson;
import dev.lamplighter.api.wire.WireModel;
import dev.lamplighter.core.messaging.DeviceMessaging;
import dev.lamplighter.core.page.PageTokenCodec;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.index.FleetIndex;
import dev.lamplighter.jobs.Jobs;
import dev.lamplighter.registry.Registry;
import dev.lamplighter.security.Security;
import dev.lamplighter.shadow.ShadowService;
import dev.lamplighter.tunnels.TunnelService;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The AWS-compatible API of the control-plane port: the {@code iot} service, the HTTP sides of
 * {@code iot-data} and {@code iot-jobs-data}, and {@code IoTSecuredTunneling}, told apart by the
 * service their requests are signed for. It owns every path of the listener except the ones the
 * server registers before it (health and metrics).
 */
public final class ControlPlaneApi {
  /** SigV4 allows requests signed up to 15 minutes before or after the server's clock. */
  public static final Duration ALLOWED_CLOCK_SKEW = Duration.ofMinutes(15);

  private static final List<HandlerType> METHODS =
      List.of(
          HandlerType.GET,
          HandlerType.POST,
          HandlerType.PUT,
          HandlerType.PATCH,
          HandlerType.DELETE,
          HandlerType.HEAD);

  private final Dispatcher dispatcher;

  public ControlPlaneApi(
      Registry registry,
      Security security,
      FleetIndex fleetIndex,
      Jobs jobs,
      DeviceMessaging messaging,
      ShadowService shadows,
      TunnelService tunnels,
      ApiConfig config,
      PageTokenCodec pageTokens,
      MeterRegistry meters,
      Clock clock,
      IdSource ids) {
    List<WireModel> models =
        List.of(
            WireModel.load(IotRoutes.SERVICE),
            WireModel.load(IotDataRoutes.SERVICE),
            WireModel.load(JobsDataRoutes.SERVICE),
            WireModel.load(TunnelingRoutes.SERVICE));
    PageTokens pages = new PageTokens(pageTokens);
    List<Route> routes =
        new ArrayList<>(
            IotRoutes.of(registry, security, fleetIndex, jobs, config.endpoints(), pages, clock));
    routes.addAll(IotDataRoutes.of(messaging, shadows, pages, clock));
    routes.addAll(JobsDataRoutes.of(jobs.device(), clock));
    routes.addAll(TunnelingRoutes.of(tunnels, messaging, pages));
    Set<String> signingNames =
        Set.copyOf(models.stream().flatMap(m -> m.signingNames().stream()).toList());
    ObjectMapper mapper = WireJson.mapper();
    this.dispatcher =
        new Dispatcher(
            new SigV4Verifier(
                security.accounts()::activeCredential,
                clock,
                ALLOWED_CLOCK_SKEW,
                signingNames,
                true),
            new Router(models, routes),
            mapper,
            new ApiMetrics(meters),
            ids,
            config.maxRequestBytes());
  }

  /** Routes every remaining path of the listener to the API pipeline. */
  public void configure(JavalinConfig javalin) {
    for (HandlerType method : METHODS) {
      javalin.routes.addHttpHandler(method, "/", dispatcher);
      javalin.routes.addHttpHandler(method, "/<path>", dispatcher);
    }
  }
}
