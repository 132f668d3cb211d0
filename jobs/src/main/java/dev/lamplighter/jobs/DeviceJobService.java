package dev.lamplighter.jobs;

import dev.lamplighter.core.tenancy.Scope;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The Jobs API of devices, served over MQTT ({@code $aws/things/{thingName}/jobs/…}) and HTTPS
 * ({@code iot-jobs-data}). Pending executions are ordered IN_PROGRESS first, then by the time they
 * were queued; the first of them is "next" ({@code $next}).
 *
 * <p>Threading: safe from any thread; writes are durable transactions with change log entries, from
 * which devices' notifications ({@code notify}, {@code notify-next}) are published.
 */
public interface DeviceJobService {

  /** The jobId that names a thing's next pending execution in {@link #describe}. */
  String NEXT = "$next";

  /** GetPendingJobExecutions. An unknown thing has none. */
  PendingExecutions pending(Scope scope, String thingName);

  /**
   * The pending executions and the next one (with its document) of several things at once, for
   * their notifications: one store read for all of them, each job's document rendered once.
   *
   * @return every thing asked about, those with nothing pending included
   */
  Map<String, ThingJobs> thingJobs(Scope scope, Collection<String> thingNames);

  /**
   * StartNextPendingJobExecution: the next pending execution, set IN_PROGRESS if it was QUEUED (its
   * details replaced when given, its step timer set), with its document; empty when none is
   * pending.
   *
   * @throws dev.lamplighter.core.error.ServiceException INVALID_REQUEST for a step timeout out of
   *     range or malformed details
   */
  Optional<DeviceExecution> startNext(
      Scope scope, String thingName, Map<String, String> statusDetails, Long stepTimeoutInMinutes);

  /**
   * DescribeJobExecution; {@code jobId} may be {@link #NEXT}, which is empty when nothing is
   * pending.
   *
   * @param executionNumber the execution meant, or null for the current one
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown job,
   *     execution or number
   */
  Optional<DeviceExecution> describe(
      Scope scope,
      String thingName,
      String jobId,
      Long executionNumber,
      boolean includeJobDocument);

  /**
   * UpdateJobExecution.
   *
   * @return the execution after the update, with its document when asked for
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown
   *     execution; INVALID_REQUEST for a status a device may not set, malformed details or a step
   *     timeout out of range; {@link ExecutionStateException} INVALID_STATE_TRANSITION from a
   *     terminal status, or EXECUTION_VERSION_MISMATCH for a stale expected version
   */
  DeviceExecution update(Scope scope, ExecutionUpdate update, boolean includeJobDocument);
}
