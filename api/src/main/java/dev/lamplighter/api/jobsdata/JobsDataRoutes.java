package dev.lamplighter.api.jobsdata;

import dev.lamplighter.api.http.Operation;
import dev.lamplighter.api.http.Route;
import dev.lamplighter.jobs.DeviceJobService;
import java.time.Clock;
import java.util.List;

/**
 * The route table of the {@code iot-jobs-data} service: one row per AWS operation. Method and URI
 * come from the wire model and are shown in the comment above each row. Requests reach it when
 * their signature is scoped to the service's signing name, {@code iot-jobs-data}.
 */
public final class JobsDataRoutes {
  public static final String SERVICE = "iot-jobs-data";

  private JobsDataRoutes() {}

  /**
   * @param clock the server's clock, against which execution timers are reported
   */
  public static List<Route> of(DeviceJobService device, Clock clock) {
    DeviceJobOperations operations = new DeviceJobOperations(device, clock);
    return List.of(
        // GET /things/{thingName}/jobs/{jobId}
        jobsData("DescribeJobExecution", operations::describe),
        // GET /things/{thingName}/jobs
        jobsData("GetPendingJobExecutions", operations::pending),
        // PUT /things/{thingName}/jobs/$next
        jobsData("StartNextPendingJobExecution", operations::startNext),
        // POST /things/{thingName}/jobs/{jobId}
        jobsData("UpdateJobExecution", operations::update));
  }

  private static Route jobsData(String operation, Operation handler) {
    return new Route(SERVICE, operation, handler);
  }
}
