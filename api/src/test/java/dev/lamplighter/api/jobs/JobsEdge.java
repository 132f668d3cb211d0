package dev.lamplighter.api.jobs;

import dev.lamplighter.api.ControlPlaneApi;
import dev.lamplighter.api.EdgeServer;
import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.http.Route;
import dev.lamplighter.api.iot.IotRoutes;
import dev.lamplighter.api.jobsdata.JobsDataRoutes;
import dev.lamplighter.api.wire.WireModel;
import dev.lamplighter.core.page.PageTokenCodec;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.DeviceJobService;
import dev.lamplighter.jobs.JobExecutionService;
import dev.lamplighter.jobs.JobService;
import dev.lamplighter.jobs.JobTemplateService;
import dev.lamplighter.registry.EventConfigurationService;
import dev.lamplighter.testkit.MutableClock;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  private final EdgeServer edge;

  public JobsEdge() {
    PageTokens pages = new PageTokens(new PageTokenCodec(new byte[32]));
    List<Route> routes = new ArrayList<>();
    routes.addAll(
        IotRoutes.jobs(jobs.service(), executions.service(), templates.service(), pages, clock));
    routes.addAll(IotRoutes.eventConfigurations(events.service()));
    routes.addAll(JobsDataRoutes.of(device.service(), clock));
    this.edge =
        new EdgeServer(
            ACCOUNT,
            REGION,
            KEY,
            SECRET,
            List.of(WireModel.load(IotRoutes.SERVICE), WireModel.load(JobsDataRoutes.SERVICE)),
            routes);
  }

  /** The SDK's iot client (signing as {@code iot}), without retries. */
  public IotClient iot() {
    return edge.client(IotClient.builder()).build();
  }

  /** The SDK's iot-jobs-data client (signing as {@code iot-jobs-data}), without retries. */
  public IotJobsDataPlaneClient jobsData() {
    return edge.client(IotJobsDataPlaneClient.builder()).build();
  }

  /** A raw request signed for {@code signingName}, to see the exact JSON on the wire. */
  public HttpResponse<String> send(
      String signingName, String method, String pathAndQuery, String body) {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers =
        body == null ? Map.of() : Map.of("Content-Type", "application/json");
    return edge.send(signingName, method, pathAndQuery, headers, bytes);
  }

  @Override
  public void close() {
    edge.close();
  }
}
