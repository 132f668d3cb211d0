package dev.lamplighter.api.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lamplighter.api.http.PageTokens;
import dev.lamplighter.api.http.Route;
import dev.lamplighter.api.http.Router;
import dev.lamplighter.api.iot.IotRoutes;
import dev.lamplighter.api.jobsdata.JobsDataRoutes;
import dev.lamplighter.api.wire.OperationSpec;
import dev.lamplighter.api.wire.WireModel;
import dev.lamplighter.core.page.PageTokenCodec;
import dev.lamplighter.jobs.DeviceJobService;
import dev.lamplighter.jobs.JobExecutionService;
import dev.lamplighter.jobs.JobService;
import dev.lamplighter.jobs.JobTemplateService;
import dev.lamplighter.registry.EventConfigurationService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every jobs operation of {@code iot} and every operation of {@code iot-jobs-data} has a row, and a
 * request shaped as the model says reaches that row (no {@code UnknownOperationException}).
 */
class JobsRouteTableTest {
  static final List<String> IOT_JOB_OPERATIONS =
      List.of(
          "CreateJob",
          "DescribeJob",
          "UpdateJob",
          "CancelJob",
          "DeleteJob",
          "ListJobs",
          "GetJobDocument",
          "AssociateTargetsWithJob",
          "CancelJobExecution",
          "DeleteJobExecution",
          "DescribeJobExecution",
          "ListJobExecutionsForJob",
          "ListJobExecutionsForThing",
          "CreateJobTemplate",
          "DescribeJobTemplate",
          "ListJobTemplates",
          "DeleteJobTemplate",
          "ListManagedJobTemplates",
          "DescribeManagedJobTemplate",
          "UpdateEventConfigurations",
          "DescribeEventConfigurations");

  private static final WireModel IOT = WireModel.load(IotRoutes.SERVICE);
  private static final WireModel JOBS_DATA = WireModel.load(JobsDataRoutes.SERVICE);
  private static final Map<String, String> LABELS =
      Map.of(
          "jobId", "job-1",
          "thingName", "lamp-1",
          "jobTemplateId", "template-1",
          "templateName", "AWS-Reboot",
          "executionNumber", "3");

  private final List<Route> iotRows = iotRows();
  private final List<Route> jobsDataRows =
      JobsDataRoutes.of(Fake.of(DeviceJobService.class).service(), Clock.systemUTC());
  private final Router router = router();

  @Test
  void iotRows_areExactlyTheJobAndEventConfigurationOperations() {
    assertThat(iotRows)
        .extracting(Route::operation)
        .containsExactlyInAnyOrderElementsOf(IOT_JOB_OPERATIONS);
    assertThat(iotRows).extracting(Route::service).containsOnly("iot");
  }

  @Test
  void jobsDataRows_coverEveryOperationOfTheModel() {
    assertThat(jobsDataRows)
        .extracting(Route::operation)
        .containsExactlyInAnyOrderElementsOf(
            JOBS_DATA.operations().stream().map(OperationSpec::name).toList());
    assertThat(jobsDataRows).extracting(Route::service).containsOnly("iot-jobs-data");
  }

  @Test
  void everyIotJobOperation_isRoutedToItsRow() {
    for (String name : IOT_JOB_OPERATIONS) {
      OperationSpec spec = IOT.operation(name);
      Router.Match match = router.find("iot", spec.method(), samplePath(spec), null);
      assertThat(match.operation().name()).as(spec.method() + " " + spec.uri()).isEqualTo(name);
      assertThat(match.route().operation()).isEqualTo(name);
    }
  }

  @Test
  void everyJobsDataOperation_isRoutedToItsRow_whenSignedForIotJobsData() {
    assertThat(JOBS_DATA.signingNames()).containsExactly("iot-jobs-data");
    for (OperationSpec spec : JOBS_DATA.operations()) {
      Router.Match match = router.find("iot-jobs-data", spec.method(), samplePath(spec), null);
      assertThat(match.operation().name())
          .as(spec.method() + " " + spec.uri())
          .isEqualTo(spec.name());
      assertThat(match.route().service()).isEqualTo("iot-jobs-data");
    }
  }

  @Test
  void nextPendingExecution_isALiteralForStartNext_andAJobIdForDescribe() {
    assertThat(router.find("iot-jobs-data", "PUT", "/things/lamp-1/jobs/%24next", null))
        .extracting(m -> m.operation().name())
        .isEqualTo("StartNextPendingJobExecution");
    Router.Match describe =
        router.find("iot-jobs-data", "GET", "/things/lamp-1/jobs/%24next", null);
    assertThat(describe.operation().name()).isEqualTo("DescribeJobExecution");
    assertThat(describe.labels()).containsEntry("jobId", "$next");
  }

  @Test
  void samePathsSignedForIot_reachTheControlPlaneOperations() {
    assertThat(router.find("iot", "GET", "/things/lamp-1/jobs/job-1", null))
        .extracting(m -> m.route().service())
        .isEqualTo("iot");
    assertThat(router.find("iot", "GET", "/things/lamp-1/jobs", null).operation().name())
        .isEqualTo("ListJobExecutionsForThing");
    assertThat(router.find("iot-jobs-data", "GET", "/things/lamp-1/jobs", null).operation().name())
        .isEqualTo("GetPendingJobExecutions");
  }

  private static String samplePath(OperationSpec spec) {
    String path = spec.uri().split("\\?")[0];
    for (String label : spec.template().labels()) {
      path = path.replace("{" + label + "}", LABELS.getOrDefault(label, "x-1"));
    }
    return path;
  }

  private static List<Route> iotRows() {
    List<Route> rows = new ArrayList<>();
    rows.addAll(
        IotRoutes.jobs(
            Fake.of(JobService.class).service(),
            Fake.of(JobExecutionService.class).service(),
            Fake.of(JobTemplateService.class).service(),
            new PageTokens(new PageTokenCodec(new byte[32])),
            Clock.systemUTC()));
    rows.addAll(IotRoutes.eventConfigurations(Fake.of(EventConfigurationService.class).service()));
    return rows;
  }

  private Router router() {
    List<Route> all = new ArrayList<>(iotRows);
    all.addAll(jobsDataRows);
    return new Router(List.of(IOT, JOBS_DATA), all);
  }
}
