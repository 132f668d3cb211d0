package dev.lamplighter.api.iot;

import dev.lamplighter.api.iot.JobShapes.AbortConfig;
import dev.lamplighter.api.iot.JobShapes.AbortCriteria;
import dev.lamplighter.api.iot.JobShapes.Configs;
import dev.lamplighter.api.iot.JobShapes.ExponentialRolloutRate;
import dev.lamplighter.api.iot.JobShapes.JobExecutionsRetryConfig;
import dev.lamplighter.api.iot.JobShapes.JobExecutionsRolloutConfig;
import dev.lamplighter.api.iot.JobShapes.MaintenanceWindow;
import dev.lamplighter.api.iot.JobShapes.PresignedUrlConfig;
import dev.lamplighter.api.iot.JobShapes.RateIncreaseCriteria;
import dev.lamplighter.api.iot.JobShapes.RetryCriteria;
import dev.lamplighter.api.iot.JobShapes.SchedulingConfig;
import dev.lamplighter.api.iot.JobShapes.TimeoutConfig;
import dev.lamplighter.jobs.JobConfigs;
import java.util.List;

/**
 * Maps the advanced configurations between their wire records and {@link JobConfigs}, both ways,
 * member by member. The request decoder has already checked required members, ranges and enum
 * values against the model; ranges AWS checks beyond the model are the services'.
 *
 * <p>The model's abort {@code action} has one value, {@code CANCEL}: it is not kept and always
 * written back. A template keeps its maintenance windows as a scheduling configuration with nothing
 * else set.
 */
final class JobConfigMapping {
  static final String ABORT_ACTION = "CANCEL";

  private JobConfigMapping() {}

  /** The configurations of a request, each null when the request leaves it out. */
  static JobConfigs toDomain(Configs wire) {
    return new JobConfigs(
        rollout(wire.jobExecutionsRolloutConfig()),
        abort(wire.abortConfig()),
        timeout(wire.timeoutConfig()),
        retry(wire.jobExecutionsRetryConfig()),
        scheduling(wire.schedulingConfig()),
        presignedUrl(wire.presignedUrlConfig()));
  }

  /** The configurations as wire records, each null when not set (see {@link Configs#described}). */
  static Configs toWire(JobConfigs configs) {
    return new Configs(
        rollout(configs.rollout()),
        abort(configs.abort()),
        timeout(configs.timeout()),
        retry(configs.retry()),
        scheduling(configs.scheduling()),
        presignedUrl(configs.presignedUrl()));
  }

  /** A template's maintenance windows as the scheduling configuration it keeps, or null. */
  static JobConfigs.Scheduling templateScheduling(List<MaintenanceWindow> windows) {
    return windows == null
        ? null
        : new JobConfigs.Scheduling(
            null, null, null, windows.stream().map(w -> window(w)).toList());
  }

  /** A template's maintenance windows, or null when it has none. */
  static List<MaintenanceWindow> templateWindows(JobConfigs.Scheduling scheduling) {
    return scheduling == null || scheduling.maintenanceWindows().isEmpty()
        ? null
        : scheduling.maintenanceWindows().stream().map(w -> window(w)).toList();
  }

  static JobConfigs.Rollout rollout(JobExecutionsRolloutConfig wire) {
    if (wire == null) {
      return null;
    }
    ExponentialRolloutRate rate = wire.exponentialRate();
    JobConfigs.ExponentialRate exponential = null;
    if (rate != null) {
      RateIncreaseCriteria criteria = rate.rateIncreaseCriteria();
      exponential =
          new JobConfigs.ExponentialRate(
              rate.baseRatePerMinute(),
              rate.incrementFactor(),
              criteria == null ? null : criteria.numberOfNotifiedThings(),
              criteria == null ? null : criteria.numberOfSucceededThings());
    }
    return new JobConfigs.Rollout(wire.maximumPerMinute(), exponential);
  }

  static JobExecutionsRolloutConfig rollout(JobConfigs.Rollout rollout) {
    if (rollout == null) {
      return null;
    }
    JobConfigs.ExponentialRate rate = rollout.exponentialRate();
    return new JobExecutionsRolloutConfig(
        rollout.maximumPerMinute(),
        rate == null
            ? null
            : new ExponentialRolloutRate(
                rate.baseRatePerMinute(),
                rate.incrementFactor(),
                new RateIncreaseCriteria(
                    rate.numberOfNotifiedThings(), rate.numberOfSucceededThings())));
  }

  static JobConfigs.Abort abort(AbortConfig wire) {
    if (wire == null) {
      return null;
    }
    return new JobConfigs.Abort(
        wire.criteriaList().stream()
            .map(
                c ->
                    new JobConfigs.AbortCriteria(
                        JobConfigs.FailureType.valueOf(c.failureType()),
                        c.thresholdPercentage(),
                        c.minNumberOfExecutedThings()))
            .toList());
  }

  static AbortConfig abort(JobConfigs.Abort abort) {
    if (abort == null) {
      return null;
    }
    return new AbortConfig(
        abort.criteria().stream()
            .map(
                c ->
                    new AbortCriteria(
                        c.failureType().name(),
                        ABORT_ACTION,
                        c.thresholdPercentage(),
                        c.minNumberOfExecutedThings()))
            .toList());
  }

  static JobConfigs.Timeout timeout(TimeoutConfig wire) {
    return wire == null ? null : new JobConfigs.Timeout(wire.inProgressTimeoutInMinutes());
  }

  static TimeoutConfig timeout(JobConfigs.Timeout timeout) {
    return timeout == null ? null : new TimeoutConfig(timeout.inProgressTimeoutInMinutes());
  }

  static JobConfigs.Retry retry(JobExecutionsRetryConfig wire) {
    if (wire == null) {
      return null;
    }
    return new JobConfigs.Retry(
        wire.criteriaList().stream()
            .map(
                c ->
                    new JobConfigs.RetryCriteria(
                        JobConfigs.FailureType.valueOf(c.failureType()), c.numberOfRetries()))
            .toList());
  }

  static JobExecutionsRetryConfig retry(JobConfigs.Retry retry) {
    if (retry == null) {
      return null;
    }
    return new JobExecutionsRetryConfig(
        retry.criteria().stream()
            .map(c -> new RetryCriteria(c.failureType().name(), c.numberOfRetries()))
            .toList());
  }

  static JobConfigs.Scheduling scheduling(SchedulingConfig wire) {
    if (wire == null) {
      return null;
    }
    return new JobConfigs.Scheduling(
        wire.startTime(),
        wire.endTime(),
        wire.endBehavior() == null ? null : JobConfigs.EndBehavior.valueOf(wire.endBehavior()),
        wire.maintenanceWindows() == null
            ? List.of()
            : wire.maintenanceWindows().stream().map(w -> window(w)).toList());
  }

  static SchedulingConfig scheduling(JobConfigs.Scheduling scheduling) {
    if (scheduling == null) {
      return null;
    }
    return new SchedulingConfig(
        scheduling.startTime(),
        scheduling.endTime(),
        scheduling.endBehavior() == null ? null : scheduling.endBehavior().name(),
        scheduling.maintenanceWindows().isEmpty()
            ? null
            : scheduling.maintenanceWindows().stream().map(w -> window(w)).toList());
  }

  static JobConfigs.PresignedUrl presignedUrl(PresignedUrlConfig wire) {
    return wire == null ? null : new JobConfigs.PresignedUrl(wire.roleArn(), wire.expiresInSec());
  }

  static PresignedUrlConfig presignedUrl(JobConfigs.PresignedUrl presigned) {
    return presigned == null
        ? null
        : new PresignedUrlConfig(presigned.roleArn(), presigned.expiresInSec());
  }

  private static JobConfigs.MaintenanceWindow window(MaintenanceWindow wire) {
    return new JobConfigs.MaintenanceWindow(wire.startTime(), wire.durationInMinutes());
  }

  private static MaintenanceWindow window(JobConfigs.MaintenanceWindow window) {
    return new MaintenanceWindow(window.startTime(), window.durationInMinutes());
  }
}
