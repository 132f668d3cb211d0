package dev.lamplighter.bench.jobs;

import software.amazon.awssdk.services.iot.model.DescribeJobResponse;
import software.amazon.awssdk.services.iot.model.JobProcessDetails;

/** Job counts from the control plane's answers. */
final class ControlPlane {
  private ControlPlane() {}

  /** Every execution DescribeJob counts, whatever its status. */
  static long executions(DescribeJobResponse described) {
    JobProcessDetails details = described.job().jobProcessDetails();
    if (details == null) {
      return 0;
    }
    return zero(details.numberOfQueuedThings())
        + zero(details.numberOfInProgressThings())
        + zero(details.numberOfSucceededThings())
        + zero(details.numberOfFailedThings())
        + zero(details.numberOfRejectedThings())
        + zero(details.numberOfCanceledThings())
        + zero(details.numberOfRemovedThings())
        + zero(details.numberOfTimedOutThings());
  }

  static long zero(Integer value) {
    return value == null ? 0 : value;
  }
}
