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
    Copy copy = new Copy(this);
    copy.version = next;
    return copy.build();
  }

  /** A copy with another status and update time. */
  public Job withStatus(JobStatus next, Instant at) {
    Copy copy = new Copy(this);
    copy.status = next;
    copy.lastUpdatedAt = at;
    copy.completedAt = next.isFinished() && completedAt == null ? at : completedAt;
    return copy.build();
  }

  /** A copy with other bookkeeping. */
  public Job withRollout(RolloutState next) {
    Copy copy = new Copy(this);
    copy.rollout = next;
    return copy.build();
  }

  /** A copy canceled with the given reason. */
  public Job canceled(String newReasonCode, String newComment, boolean force, Instant at) {
    Copy copy = new Copy(this);
    copy.status = JobStatus.CANCELED;
    copy.comment = newComment;
    copy.reasonCode = newReasonCode;
    copy.forceCanceled = force;
    copy.lastUpdatedAt = at;
    copy.completedAt = at;
    copy.rollout = rollout.windingDown(force);
    return copy.build();
  }

  /** A copy with other description and configurations (UpdateJob). */
  public Job updated(String newDescription, JobConfigs newConfigs, Instant at) {
    Copy copy = new Copy(this);
    copy.description = newDescription;
    copy.configs = newConfigs;
    copy.lastUpdatedAt = at;
    return copy.build();
  }

  /** A copy with more targets (AssociateTargetsWithJob). */
  public Job withTargets(List<String> newTargets, String newComment, Instant at) {
    Copy copy = new Copy(this);
    copy.targets = newTargets;
    copy.comment = newComment == null ? comment : newComment;
    copy.lastUpdatedAt = at;
    copy.rollout = rollout.unresolved();
    return copy.build();
  }

  /** A job's fields to change some of, so each copy above names only what it changes. */
  private static final class Copy {
    private final Job job;
    private JobStatus status;
    private List<String> targets;
    private String description;
    private JobConfigs configs;
    private String comment;
    private String reasonCode;
    private boolean forceCanceled;
    private Instant lastUpdatedAt;
    private Instant completedAt;
    private RolloutState rollout;
    private long version;

    Copy(Job job) {
      this.job = job;
      status = job.status;
      targets = job.targets;
      description = job.description;
      configs = job.configs;
      comment = job.comment;
      reasonCode = job.reasonCode;
      forceCanceled = job.forceCanceled;
      lastUpdatedAt = job.lastUpdatedAt;
      completedAt = job.completedAt;
      rollout = job.rollout;
      version = job.version;
    }

    Job build() {
      return new Job(
          job.jobId,
          status,
          job.targetSelection,
          targets,
          description,
          job.document,
          job.documentSource,
          job.jobTemplateArn,
          job.documentParameters,
          configs,
          job.namespaceId,
          comment,
          reasonCode,
          forceCanceled,
          job.destinationPackageVersions,
          job.createdAt,
          lastUpdatedAt,
          completedAt,
          rollout,
          version);
    }
  }
}
