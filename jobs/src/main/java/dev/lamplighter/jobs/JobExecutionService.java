package dev.lamplighter.jobs;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import java.util.Map;

/**
 * Job executions in the control plane. Executions the engine holds back (not rolled out yet) do not
 * exist for these methods.
 *
 * <p>Threading: safe from any thread; each write is one durable transaction with a change log entry
 * (resource type JOB_EXECUTION).
 */
public interface JobExecutionService {

  /**
   * DescribeJobExecution.
   *
   * @param executionNumber the execution meant, or null for the thing's current one
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown job,
   *     thing execution or execution number
   */
  JobExecution describe(Scope scope, String jobId, String thingName, Long executionNumber);

  /**
   * CancelJobExecution.
   *
   * @param statusDetails replaces the details (at most 10 pairs), or null
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown
   *     execution; INVALID_STATE_TRANSITION for an IN_PROGRESS one without force or a terminal one;
   *     VERSION_CONFLICT for a stale expected version; INVALID_REQUEST for more than 10 details
   */
  JobExecution cancel(
      Scope scope,
      String jobId,
      String thingName,
      boolean force,
      Long expectedVersion,
      Map<String, String> statusDetails);

  /**
   * DeleteJobExecution.
   *
   * @param force whether an execution that is not terminal may be deleted
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown execution
   *     or number; INVALID_STATE_TRANSITION for one not terminal, without force
   */
  void delete(Scope scope, String jobId, String thingName, long executionNumber, boolean force);

  /**
   * ListJobExecutionsForJob, in thing name order.
   *
   * @param status only executions in this status, or null
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown job
   */
  Page<JobExecution> listForJob(
      Scope scope, String jobId, JobExecutionStatus status, PageRequest page);

  /**
   * ListJobExecutionsForThing, in job id order.
   *
   * @param status only executions in this status, or null
   * @param jobId only this job's execution, or null
   */
  Page<JobExecution> listForThing(
      Scope scope, String thingName, JobExecutionStatus status, String jobId, PageRequest page);
}
