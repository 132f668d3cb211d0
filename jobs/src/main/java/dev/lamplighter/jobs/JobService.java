package dev.lamplighter.jobs;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import java.util.List;

/**
 * Jobs in the control plane. Every method acts within the caller's scope only.
 *
 * <p>Threading: safe from any thread; each write is one durable transaction with change log entries
 * (resource type JOB). Executions are created, rolled out and wound down by the engine in the
 * background, so CreateJob returns before every target's execution exists.
 */
public interface JobService {

  /**
   * CreateJob. The targets are checked (each thing or thing group must exist in the scope) and the
   * document resolved: inline, from {@code documentSource}, or from a custom or managed template
   * (whose parameters are checked against their regexes).
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_ALREADY_EXISTS for a job id in
   *     use; RESOURCE_NOT_FOUND for an unknown target, template or document source; INVALID_REQUEST
   *     for a document that is not a JSON object or is over 32 KB, targets that are not thing or
   *     thing-group ARNs of the scope (or more than 100), both or neither of document and source,
   *     parameters that are missing, unknown, malformed or given without a managed template, and
   *     configurations out of AWS's ranges
   */
  Job create(Scope scope, NewJob job);

  /**
   * DescribeJob.
   *
   * @param beforeSubstitution whether the document keeps its {@code ${aws:iot:parameter:…}}
   *     placeholders
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown job
   */
  JobDetails describe(Scope scope, String jobId, boolean beforeSubstitution);

  /**
   * GetJobDocument.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown job
   */
  String document(Scope scope, String jobId, boolean beforeSubstitution);

  /**
   * UpdateJob: description and the rollout, abort, timeout, retry and presigned-URL configurations.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown job;
   *     INVALID_REQUEST for a job that is finished or being deleted, or configurations out of range
   */
  Job update(Scope scope, JobUpdate update);

  /**
   * CancelJob: the job becomes CANCELED at once; the engine then cancels its QUEUED executions
   * (and, with {@code force}, its IN_PROGRESS ones).
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown job;
   *     INVALID_REQUEST for a job that is already COMPLETED, CANCELED or being deleted
   */
  Job cancel(Scope scope, String jobId, String reasonCode, String comment, boolean force);

  /**
   * DeleteJob: the job becomes DELETION_IN_PROGRESS; the engine deletes its executions, then the
   * job, after which its id may be used again.
   *
   * @param force whether a job that is not finished may be deleted
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown job;
   *     INVALID_STATE_TRANSITION for a job that is not finished, without force; INVALID_REQUEST for
   *     a job already being deleted; LIMIT_EXCEEDED when 10 jobs are being deleted already
   */
  void delete(Scope scope, String jobId, boolean force);

  /**
   * ListJobs, in job id order.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown thing
   *     group filter
   */
  Page<JobSummary> list(Scope scope, JobQuery query, PageRequest page);

  /**
   * AssociateTargetsWithJob: more targets for an IN_PROGRESS continuous job.
   *
   * @throws dev.lamplighter.core.error.ServiceException RESOURCE_NOT_FOUND for an unknown job or
   *     target; INVALID_REQUEST for a snapshot job, a job not IN_PROGRESS, or malformed targets;
   *     LIMIT_EXCEEDED beyond 100 targets
   */
  Job associateTargets(Scope scope, String jobId, List<String> targets, String comment);
}
