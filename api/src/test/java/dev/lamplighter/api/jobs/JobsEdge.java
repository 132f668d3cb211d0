package dev.lamplighter.api.jobs;

import dev.lamplighter.api.ControlPlaneApi;
import dev.lamplighter.api.RawSignedRequests;
import dev.lamplighter.api.http.ApiMetrics;
import dev.lamplighter.api.http.Dispatcher;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.http.Route;
import dev.lamplighter.api.http.Router;
import dev.lamplighter.api.iot.IotRoutes;
import dev.lamplighter.api.jobsdata.JobsDataRoutes;
import dev.lamplighter.api.sigv4.SigV4Verifier;
import dev.lamplighter.api.wire.RequestDecoder;
import dev.lamplighter.api.wire.WireJson;
import dev.lamplighter.api.wire.WireModel;
import dev.lamplighter.core.page.PageTokenCodec;
import dev.lamplighter.core.random.IdSource;
import dev.lamplighter.core.tenancy.AccountId;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.DeviceJobService;
import dev.lamplighter.jobs.JobExecutionService;
import dev.lamplighter.jobs.JobService;
import dev.lamplighter.jobs.JobTemplateService;
import dev.lamplighter.registry.EventConfigurationService;
import dev.lamplighter.security.SigningCredential;
import dev.lamplighter.testkit.MutableClock;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iot.IotClient;
import software.amazon.awssdk.services.iotjobsdataplane.IotJobsDataPlaneClient;

/**
 * The API pipeline with the jobs rows of the {@code iot} route table, the event configuration rows
 * and the {@code iot-jobs-data} route table over {@link Fake} services, on a real HTTP listener on
 * a free port, built as {@link ControlPlaneApi} builds it; plus the AWS SDK's iot and iot-jobs-data
 * clients and signed raw requests pointed at it. The jobs' clock stands still at {@link #NOW}.
 */
public final class JobsEdge implements AutoCloseable {
  public static final String ACCOUNT = "111122223333";
  public static final String REGION = "eu-west-1";
  public static final Scope SCOPE = Scope.of(ACCOUNT, REGION);
  public static final String NOW = "2026-03-01T12:00:00Z";
  private static final String KEY = "AKIALAMPLIGHTJOBS01";
  private static final String SECRET = "jobs-secret-for-tests-00000000000000000000";

  public final Fake<JobService> jobs = Fake.of(JobService.class);
  public final Fake<JobExecutionService> executions = Fake.of(JobExecutionService.class);
  public final Fake<JobTemplateService> templates = Fake.of(JobTemplateService.class);
  public final Fake<DeviceJobService> device = Fake.of(DeviceJobService.class);
  public final Fake<EventConfigurationService> events = Fake.of(EventConfigurationService.class);
  public final MutableClock clock = MutableClock.at(NOW);

  private final Javalin http;
  private final RawSignedRequests raw = new RawSignedRequests(KEY, SECRET, REGION);

  public JobsEdge() {
    WireModel iot = WireModel.load(IotRoutes.SERVICE);
    WireModel jobsData = WireModel.load(JobsDataRoutes.SERVICE);
    PageTokens pages = new PageTokens(new PageTokenCodec(new byte[32]));
    List<Route> routes = new ArrayList<>();
    routes.addAll(
        IotRoutes.jobs(jobs.service(), executions.service(), templates.service(), pages, clock));
    routes.addAll(IotRoutes.eventConfigurations(events.service()));
    routes.addAll(JobsDataRoutes.of(device.service(), clock));
    Set<String> signingNames =
        Set.copyOf(
            List.of(iot, jobsData).stream().flatMap(m -> m.signingNames().stream()).toList());
    Dispatcher dispatcher =
        new Dispatcher(
            new SigV4Verifier(
                key ->
                    key.equals(KEY)
                        ? Optional.of(new SigningCredential(KEY, SECRET, AccountId.of(ACCOUNT)))
                        : Optional.empty(),
                Clock.systemUTC(),
                ControlPlaneApi.ALLOWED_CLOCK_SKEW,
                signingNames,
                true),
            new Router(List.of(iot, jobsData), routes),
            WireJson.mapper(),
            new ApiMetrics(new SimpleMeterRegistry()),
            IdSource.secure(),
            RequestDecoder.DEFAULT_MAX_BODY_BYTES);
    this.http =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.jetty.host = "127.0.0.1";
              config.jetty.port = 0;
              for (HandlerType method :
                  List.of(
                      HandlerType.GET,
                      HandlerType.POST,
                      HandlerType.PUT,
                      HandlerType.PATCH,
                      HandlerType.DELETE)) {
                config.routes.addHttpHandler(method, "/<path>", dispatcher);
              }
            });
    http.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + http.port());
  }

  /** The SDK's iot client (signing as {@code iot}), without retries. */
  public IotClient iot() {
    return IotClient.builder()
        .endpointOverride(endpoint())
        .region(Region.of(REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
        .httpClient(ApacheHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  /** The SDK's iot-jobs-data client (signing as {@code iot-jobs-data}), without retries. */
  public IotJobsDataPlaneClient jobsData() {
    return IotJobsDataPlaneClient.builder()
        .endpointOverride(endpoint())
        .region(Region.of(REGION))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
        .httpClient(ApacheHttpClient.create())
        .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
        .build();
  }

  /** A raw request signed for {@code signingName}, to see the exact JSON on the wire. */
  public HttpResponse<String> send(
      String signingName, String method, String pathAndQuery, String body) {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers =
        body == null ? Map.of() : Map.of("Content-Type", "application/json");
    return raw.send(signingName, method, endpoint().resolve(pathAndQuery), headers, bytes);
  }

  @Override
  public void close() {
    http.stop();
  }
}
