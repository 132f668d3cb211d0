package dev.lamplighter.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A job as stored.
 *
 * @param document the document before substitution: a managed template's document keeps its {@code
 *     ${aws:iot:parameter:…}} placeholders, filled from {@code documentParameters} on read
 * @param comment the reason given when the job was canceled (or aborted), or null
 * @param reasonCode the reason code given when the job was canceled (or aborted), or null
 * @param completedAt when it became COMPLETED or CANCELED, or null
 * @param rollout the engine's bookkeeping
 * @param version grows with every write of the job row
 */
public record Job(
    String jobId,
    JobStatus status,
    TargetSelection targetSelection,
    List<String> targets,
    String description,
    String document,
    String documentSource,
    String jobTemplateArn,
    Map<String, String> documentParameters,
    JobConfigs configs,
    String namespaceId,
    String comment,
    String reasonCode,
    boolean forceCanceled,
    List<String> destinationPackageVersions,
    Instant createdAt,
    Instant lastUpdatedAt,
    Instant completedAt,
    RolloutState rollout,
    long version) {
  public Job {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(targetSelection, "targetSelection");
    targets = List.copyOf(targets);
    documentParameters = documentParameters == null ? Map.of() : Map.copyOf(documentParameters);
    configs = configs == null ? JobConfigs.NONE : configs;
    destinationPackageVersions =
        destinationPackageVersions == null ? List.of() : List.copyOf(destinationPackageVersions);
    Objects.requireNonNull(rollout, "rollout");
  }

  /**
   * The engine's bookkeeping of a job.
   *
   * @param targetsResolved whether every target's things have an execution (those not rolled out
   *     yet are held back, invisible)
   * @param rolledOut how many executions were rolled out (notified)
   * @param anchorAt when the current rate started to count, or null before the rollout starts
   * @param anchorCount {@code rolledOut} at {@code anchorAt}
   * @param rateStep how many times an exponential rate was increased
   * @param winding the engine still cancels (CANCELED) or deletes (DELETION_IN_PROGRESS) the job's
   *     executions
   * @param cancelInProgress whether winding down also cancels IN_PROGRESS executions (force)
   */
  public record RolloutState(
      boolean targetsResolved,
      long rolledOut,
      Instant anchorAt,
      long anchorCount,
      int rateStep,
      boolean winding,
      boolean cancelInProgress) {
    public static final RolloutState START = new RolloutState(false, 0, null, 0, 0, false, false);

    /** Every target's things have an execution now. */
    public RolloutState resolved() {
      return new RolloutState(
          true, rolledOut, anchorAt, anchorCount, rateStep, winding, cancelInProgress);
    }

    /** Targets were added: their things need executions. */
    public RolloutState unresolved() {
      return new RolloutState(
          false, rolledOut, anchorAt, anchorCount, rateStep, winding, cancelInProgress);
    }

    /** The rate counts from {@code now}, at {@code step} increases. */
    public RolloutState anchored(Instant now, int step) {
      return new RolloutState(
          targetsResolved, rolledOut, now, rolledOut, step, winding, cancelInProgress);
    }

    /** {@code count} more executions were rolled out. */
    public RolloutState released(int count) {
      return new RolloutState(
          targetsResolved,
          rolledOut + count,
          anchorAt,
          anchorCount,
          rateStep,
          winding,
          cancelInProgress);
    }

    /** The engine is to wind the job's executions down (cancel them, with force those started). */
    public RolloutState windingDown(boolean force) {
      return new RolloutState(
          targetsResolved, rolledOut, anchorAt, anchorCount, rateStep, true, force);
    }

    /** Nothing is left to wind down. */
    public RolloutState wound() {
      return new RolloutState(
          targetsResolved, rolledOut, anchorAt, anchorCount, rateStep, false, cancelInProgress);
    }
  }

  /** A copy at another version (the store writes it with the version it carries). */
  public Job withVersion(long next) {
    return new Job(
        jobId,
        status,
        targetSelection,
        targets,
        description,
        document,
        documentSource,
        jobTemplateArn,
        documentParameters,
        configs,
        namespaceId,
        comment,
        reasonCode,
        forceCanceled,
        destinationPackageVersions,
        createdAt,
        lastUpdatedAt,
        completedAt,
        rollout,
        next);
  }

  /** A copy with another status and update time. */
  public Job withStatus(JobStatus next, Instant at) {
    return new Job(
        jobId,
        next,
        targetSelection,
        targets,
        description,
        document,
        documentSource,
        jobTemplateArn,
        documentParameters,
        configs,
        namespaceId,
        comment,
        reasonCode,
        forceCanceled,
        destinationPackageVersions,
        createdAt,
        at,
        next.isFinished() && completedAt == null ? at : completedAt,
        rollout,
        version);
  }

  /** A copy with other bookkeeping. */
  public Job withRollout(RolloutState next) {
    return new Job(
        jobId,
        status,
        targetSelection,
        targets,
        description,
        document,
        documentSource,
        jobTemplateArn,
        documentParameters,
        configs,
        namespaceId,
        comment,
        reasonCode,
        forceCanceled,
        destinationPackageVersions,
        createdAt,
        lastUpdatedAt,
        completedAt,
        next,
        version);
  }

  /** A copy canceled with the given reason. */
  public Job canceled(String newReasonCode, String newComment, boolean force, Instant at) {
    return new Job(
        jobId,
        JobStatus.CANCELED,
        targetSelection,
        targets,
        description,
        document,
        documentSource,
        jobTemplateArn,
        documentParameters,
        configs,
        namespaceId,
        newComment,
        newReasonCode,
        force,
        destinationPackageVersions,
        createdAt,
        at,
        at,
        rollout.windingDown(force),
        version);
  }

  /** A copy with other description and configurations (UpdateJob). */
  public Job updated(String newDescription, JobConfigs newConfigs, Instant at) {
    return new Job(
        jobId,
        status,
        targetSelection,
        targets,
        newDescription,
        document,
        documentSource,
        jobTemplateArn,
        documentParameters,
        newConfigs,
        namespaceId,
        comment,
        reasonCode,
        forceCanceled,
        destinationPackageVersions,
        createdAt,
        at,
        completedAt,
        rollout,
        version);
  }

  /** A copy with more targets (AssociateTargetsWithJob). */
  public Job withTargets(List<String> newTargets, String newComment, Instant at) {
    return new Job(
        jobId,
        status,
        targetSelection,
        newTargets,
        description,
        document,
        documentSource,
        jobTemplateArn,
        documentParameters,
        configs,
        namespaceId,
        newComment == null ? comment : newComment,
        reasonCode,
        forceCanceled,
        destinationPackageVersions,
        createdAt,
        at,
        completedAt,
        rollout.unresolved(),
        version);
  }
}
