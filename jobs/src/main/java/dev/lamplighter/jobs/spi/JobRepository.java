package dev.lamplighter.jobs.spi;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobQuery;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Jobs, with their targets beside them. */
public interface JobRepository {

  /** Stores a new job (whose id is free) and its targets. */
  void insert(Scope scope, Job job, List<JobTarget> targets);

  Optional<Job> find(Scope scope, String jobId);

  /**
   * Replaces the stored job if its version is still {@code expectedVersion}; {@code next} carries
   * the new version.
   *
   * @return false when another write changed the job first (or it is gone)
   */
  boolean replace(Scope scope, Job next, long expectedVersion);

  /** Adds targets to a job. */
  void addTargets(Scope scope, String jobId, List<JobTarget> targets);

  /** Removes a job and its targets. */
  void delete(Scope scope, String jobId);

  /**
   * Jobs matching the query in job id order, paged after the last job id returned. A thing group
   * filter matches jobs with that group (by name or id) among their targets.
   */
  Page<Job> list(Scope scope, JobQuery query, PageRequest page);

  /** The id of a job's first thing-group target, or null when it targets things only. */
  Optional<String> firstGroupId(Scope scope, String jobId);

  /** How many jobs of the scope are DELETION_IN_PROGRESS. */
  int countDeleting(Scope scope);

  /**
   * Jobs the engine has work for, across scopes: SCHEDULED, IN_PROGRESS, or still winding down
   * (canceling or deleting executions); at most {@code limit}, in no particular order.
   */
  List<ScopedJob> needingWork(int limit);

  /**
   * Continuous jobs of the scope, SCHEDULED or IN_PROGRESS, with any of {@code groupNames} among
   * their targets.
   */
  List<Job> continuousTargeting(Scope scope, Collection<String> groupNames);
}
