package dev.lamplighter.jobs.internal;

import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.JobExecutionStatus;
import dev.lamplighter.jobs.spi.JobsPorts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A job's executions coming into being: its targets resolved into held-back executions (a page of
 * things per transaction), then released at the job's rate (a batch per transaction, each release
 * logged and counted in the job's bookkeeping in the same transaction).
 */
final class JobRollout {
  static final int BATCH = 1000;

  /**
   * Most executions released in one transaction. Large, because the devices told of one batch
   * answer at once, and on SQLite's single writer the next batch would wait behind their writes.
   */
  static final int RELEASE_BATCH = 5000;

  private static final long BUDGET_NANOS = Duration.ofSeconds(2).toNanos();

  private final JobsPorts ports;
  private final Targets targets;
  private final JobLog log;
  private final JobProgress progress;
  private boolean cutShort;

  JobRollout(JobsPorts ports, Targets targets, JobLog log, JobProgress progress) {
    this.ports = ports;
    this.targets = targets;
    this.log = log;
    this.progress = progress;
  }

  /** Creates held-back executions for every thing of every target, page by page. */
  void resolveTargets(Scope scope, Job job, Instant now) {
    if (job.rollout().targetsResolved()) {
      return;
    }
    for (String target : job.targets()) {
      PageRequest page = PageRequest.first(BATCH);
      while (true) {
        Page<String> things = targets.things(scope, target, page);
        if (!things.items().isEmpty()) {
          ports
              .transactions()
              .inTransaction(
                  () -> ports.executions().insertHeldBack(scope, job.jobId(), things.items(), now));
        }
        if (things.next().isEmpty()) {
          break;
        }
        page = PageRequest.after(things.next().get(), BATCH);
      }
    }
    progress.tryReplace(scope, job, job.withRollout(job.rollout().resolved()), null);
  }

  /**
   * Resolves the targets if needed, then releases held-back executions as the rate allows, within a
   * time budget.
   *
   * @return the job as stored afterwards, or empty when another write changed it meanwhile
   */
  Optional<Job> rollOut(Scope scope, Job job, Instant now) {
    Optional<Job> current = Optional.of(job);
    if (!job.rollout().targetsResolved()) {
      resolveTargets(scope, job, now);
      current = reread(scope, job);
    }
    if (current.isPresent() && current.get().rollout().anchorAt() == null) {
      Job unanchored = current.get();
      current =
          progress.tryReplace(
                  scope,
                  unanchored,
                  unanchored.withRollout(unanchored.rollout().anchored(now, 0)),
                  null)
              ? reread(scope, unanchored)
              : Optional.empty();
    }
    long started = System.nanoTime();
    while (current.isPresent()) {
      if (System.nanoTime() - started >= BUDGET_NANOS) {
        cutShort = true;
        return current;
      }
      Job before = current.get();
      Job.RolloutState state = nextState(scope, before, now);
      long allowance =
          RolloutRate.allowance(
              state, RolloutRate.perMinute(before.configs().rollout(), state.rateStep()), now);
      int size = (int) Math.min(allowance, RELEASE_BATCH);
      if (size == 0 && state.equals(before.rollout())) {
        return current;
      }
      Optional<Job> after = release(scope, before, state, size, now);
      if (after.isEmpty() || after.get().rollout().equals(before.rollout())) {
        return after;
      }
      current = after;
    }
    return current;
  }

  /**
   * Whether a rollout since the last call stopped at its time budget with executions it may still
   * release now; clears the flag.
   */
  boolean cutShort() {
    boolean was = cutShort;
    cutShort = false;
    return was;
  }

  /** The job's bookkeeping with the rate step its progress has reached (re-anchored if it grew). */
  private Job.RolloutState nextState(Scope scope, Job job, Instant now) {
    JobConfigs.Rollout rollout = job.configs().rollout();
    boolean countsSuccesses =
        rollout != null
            && rollout.exponentialRate() != null
            && rollout.exponentialRate().numberOfSucceededThings() != null;
    long succeeded =
        countsSuccesses
            ? ports
                .executions()
                .statusCounts(scope, job.jobId())
                .getOrDefault(JobExecutionStatus.SUCCEEDED, 0L)
            : 0;
    int step = RolloutRate.step(rollout, job.rollout().rolledOut(), succeeded);
    return step == job.rollout().rateStep() ? job.rollout() : job.rollout().anchored(now, step);
  }

  /** Releases up to {@code size} executions with the job's new bookkeeping, in one transaction. */
  private Optional<Job> release(
      Scope scope, Job job, Job.RolloutState state, int size, Instant now) {
    return ports
        .transactions()
        .inTransaction(
            () -> {
              List<JobExecution> out =
                  size == 0
                      ? List.of()
                      : ports.executions().releaseHeldBack(scope, job.jobId(), size, now);
              out.forEach(execution -> log.execution(scope, execution, null));
              Job next = job.withRollout(state.released(out.size())).withVersion(job.version() + 1);
              if (next.rollout().equals(job.rollout())) {
                return Optional.of(job);
              }
              if (!ports.jobs().replace(scope, next, job.version())) {
                // Another write changed the job: this batch rolls back and is tried next tick.
                throw new LostRace();
              }
              return Optional.of(next);
            });
  }

  private Optional<Job> reread(Scope scope, Job job) {
    return ports.jobs().find(scope, job.jobId());
  }

  /** Rolls a release back when the job changed under it. */
  static final class LostRace extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LostRace() {
      super("the job changed meanwhile", null, false, false);
    }
  }
}
