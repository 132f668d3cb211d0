package dev.lamplighter.jobs.internal;

import dev.lamplighter.core.event.ChangeFollower;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.core.work.BackgroundLoop;
import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobConfigs;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.JobExecutionStatus;
import dev.lamplighter.jobs.JobProcessDetails;
import dev.lamplighter.jobs.JobStatus;
import dev.lamplighter.jobs.TargetSelection;
import dev.lamplighter.jobs.spi.JobsPorts;
import dev.lamplighter.jobs.spi.ScopedExecution;
import dev.lamplighter.jobs.spi.ScopedJob;
import dev.lamplighter.registry.Registry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives jobs forward in the background: schedules, target resolution and rollout at the configured
 * rate ({@link JobRollout}), timers, abort criteria, completion, winding canceled and deleted jobs
 * down ({@link JobWindDown}), and continuous targeting from the change log ({@link
 * ContinuousTargets}).
 *
 * <p>Design: the engine keeps no state of its own in memory that matters after a crash. Every step
 * reads the store, writes one transaction, and logs what changed; after {@code kill -9} the next
 * {@link #tick} picks up where the store says the job is. The rate counts from an anchor kept in
 * the job row, which the engine moves when it takes a job over, so a restart never turns downtime
 * into a burst.
 *
 * <p>Several nodes: one node at a time holds the engine's lease in the store and runs ticks; the
 * others wait and take over within {@link #LEASE_TTL} when it stops renewing. Device requests are
 * served on every node; they change executions with compare-and-set writes, like the engine.
 *
 * <p>Threading: a {@link BackgroundLoop} runs {@link #tick} every tick interval, sooner when {@link
 * #wake woken}; tests call {@link #tick} themselves with a clock they move.
 */
public final class JobEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);
  private static final Logger EVENTS = LoggerFactory.getLogger("lamplighter.events");
  static final String LEASE = "job-engine";
  static final Duration LEASE_TTL = Duration.ofSeconds(15);
  private static final int JOBS_PER_TICK = 500;
  private static final int FOLLOW_BATCHES_PER_TICK = 20;

  private final JobsPorts ports;
  private final Clock clock;
  private final String nodeId;
  private final Duration tickInterval;
  private final ExecutionWriter writer;
  private final JobProgress progress;
  private final JobRollout rollout;
  private final JobWindDown windDown;
  private final ContinuousTargets continuous;
  private final Set<ScopedJob> anchoredHere = new HashSet<>();
  private final BackgroundLoop loop;
  private boolean leader;
  private ChangeFollower follower;

  JobEngine(
      JobsPorts ports,
      Registry registry,
      Clock clock,
      String nodeId,
      Duration tickInterval,
      ExecutionWriter writer,
      JobLog log,
      JobProgress progress) {
    this.ports = ports;
    this.clock = clock;
    this.nodeId = nodeId;
    this.tickInterval = tickInterval;
    this.writer = writer;
    this.progress = progress;
    Targets targets = new Targets(registry);
    this.rollout = new JobRollout(ports, targets, log, progress);
    this.windDown = new JobWindDown(ports, registry, clock, writer, log, progress);
    this.continuous = new ContinuousTargets(ports, targets, writer, clock);
    this.loop = new BackgroundLoop("job-engine", this::round, this::releaseLease);
  }

  void start() {
    loop.start();
  }

  /** Asks for a tick now (a job was created, changed or canceled on this node). */
  public void wake() {
    loop.wake();
  }

  /**
   * One pass: renew the lease, follow memberships for continuous jobs, time out executions, then
   * move every job that needs work one step further.
   *
   * @return whether this node holds the lease
   */
  public boolean tick() {
    Instant now = clock.instant();
    if (!ports.engine().tryLease(LEASE, nodeId, now, now.plus(LEASE_TTL))) {
      if (leader) {
        LOG.info("Job engine lease lost to another node");
      }
      leader = false;
      follower = null;
      anchoredHere.clear();
      return false;
    }
    if (!leader) {
      LOG.info("Job engine running on this node ({})", nodeId);
      leader = true;
    }
    followMemberships();
    timeOut(now);
    for (ScopedJob job : ports.jobs().needingWork(JOBS_PER_TICK)) {
      try {
        advance(job.scope(), job.jobId());
      } catch (JobRollout.LostRace race) {
        LOG.debug("[{}] job {} changed during its rollout; next tick", job.scope(), job.jobId());
      } catch (RuntimeException e) {
        LOG.error(
            "[{}] advancing job {} failed; trying again next tick", job.scope(), job.jobId(), e);
      }
    }
    return true;
  }

  private Duration round() {
    try {
      tick();
    } catch (RuntimeException e) {
      LOG.error("A job engine tick failed; trying again", e);
    }
    // A rollout cut short by its time budget goes on at once, after the other jobs had their turn.
    return rollout.cutShort() ? Duration.ZERO : tickInterval;
  }

  private void followMemberships() {
    if (follower == null) {
      long position = ports.engine().position(ContinuousTargets.POSITION);
      if (position == 0) {
        position = ports.changeLog().head();
        ports.engine().savePosition(ContinuousTargets.POSITION, position);
      }
      follower =
          new ChangeFollower(
              ports.changeLog(),
              position,
              new ChangeFollower.Settings(
                  "job-continuous-targets", 500, tickInterval, tickInterval),
              continuous);
    }
    for (int i = 0; i < FOLLOW_BATCHES_PER_TICK && follower.pollOnce() > 0; i++) {
      // Each batch commits with the follower's position.
    }
  }

  private void timeOut(Instant now) {
    for (ScopedExecution due : ports.executions().timedOut(now, JobRollout.BATCH)) {
      ports
          .transactions()
          .inTransaction(
              () -> {
                Optional<JobExecution> current =
                    ports.executions().find(due.scope(), due.jobId(), due.thingName());
                if (current.isEmpty()
                    || current.get().status() != JobExecutionStatus.IN_PROGRESS
                    || current.get().timesOutAt() == null
                    || current.get().timesOutAt().isAfter(now)) {
                  return;
                }
                Job job = ports.jobs().find(due.scope(), due.jobId()).orElse(null);
                writer.end(
                    due.scope(), job, current.get(), JobExecutionStatus.TIMED_OUT, false, now);
                EVENTS.info(
                    "[{}] job execution {} on {} timed out",
                    due.scope(),
                    due.jobId(),
                    due.thingName());
              });
    }
  }

  /** Moves one job a step: whatever its status and bookkeeping call for now. */
  private void advance(Scope scope, String jobId) {
    Optional<Job> found = ports.jobs().find(scope, jobId);
    if (found.isEmpty()) {
      return;
    }
    Job job = reanchorIfNew(scope, found.get());
    Instant now = clock.instant();
    if (job.status() == JobStatus.DELETION_IN_PROGRESS) {
      if (windDown.deleteExecutions(scope, job)) {
        EVENTS.info("[{}] job {} deleted", scope, jobId);
        anchoredHere.remove(new ScopedJob(scope, jobId));
      }
    } else if (!job.status().isActive()) {
      if (job.rollout().winding()) {
        windDown.cancelExecutions(scope, job);
      }
    } else if (endTimeReached(job, now)) {
      end(scope, job, now);
    } else if (job.status() == JobStatus.SCHEDULED) {
      rollout.resolveTargets(scope, job, now);
      if (mayRollOut(job, now)) {
        Job started = ports.jobs().find(scope, jobId).orElse(job);
        Job next = started.withStatus(JobStatus.IN_PROGRESS, now);
        progress.tryReplace(
            scope,
            started,
            next.withRollout(next.rollout().anchored(now, next.rollout().rateStep())),
            null);
        EVENTS.info("[{}] job {} started its rollout", scope, jobId);
      }
    } else if (!mayRollOut(job, now)) {
      progress.tryReplace(scope, job, job.withStatus(JobStatus.SCHEDULED, now), null);
    } else {
      rollout.rollOut(scope, job, now).ifPresent(current -> abortOrComplete(scope, current, now));
    }
  }

  /**
   * The first time this node handles a job whose rollout had started, its rate counts from now: the
   * time no node was running it (a crash, a lease handover) must not become a burst.
   */
  private Job reanchorIfNew(Scope scope, Job job) {
    ScopedJob key = new ScopedJob(scope, job.jobId());
    if (!anchoredHere.add(key) || job.rollout().anchorAt() == null || !job.status().isActive()) {
      return job;
    }
    Job next = job.withRollout(job.rollout().anchored(clock.instant(), job.rollout().rateStep()));
    return progress.tryReplace(scope, job, next, null)
        ? ports.jobs().find(scope, job.jobId()).orElse(job)
        : job;
  }

  private static boolean mayRollOut(Job job, Instant now) {
    JobConfigs.Scheduling scheduling = job.configs().scheduling();
    if (scheduling == null) {
      return true;
    }
    Instant start = Schedules.parse(scheduling.startTime(), "startTime");
    if (start != null && now.isBefore(start)) {
      return false;
    }
    return Schedules.inWindow(scheduling.maintenanceWindows(), now);
  }

  private static boolean endTimeReached(Job job, Instant now) {
    JobConfigs.Scheduling scheduling = job.configs().scheduling();
    if (scheduling == null || scheduling.endTime() == null || !job.status().isActive()) {
      return false;
    }
    return !now.isBefore(Schedules.parse(scheduling.endTime(), "endTime"));
  }

  /** The job reached its endTime: its end behavior applies, then it finishes like any job. */
  private void end(Scope scope, Job job, Instant now) {
    JobConfigs.EndBehavior behavior = job.configs().scheduling().endBehavior();
    if (behavior == JobConfigs.EndBehavior.CANCEL
        || behavior == JobConfigs.EndBehavior.FORCE_CANCEL) {
      boolean force = behavior == JobConfigs.EndBehavior.FORCE_CANCEL;
      progress.tryReplace(
          scope,
          job,
          job.canceled(null, "The job reached its scheduled end time.", force, now),
          progress.details(scope, job));
      return;
    }
    // STOP_ROLLOUT: nothing more is rolled out; what is out runs to its end.
    ports.transactions().inTransaction(() -> ports.executions().deleteHeldBack(scope, job.jobId()));
    Job stopped =
        (job.status() == JobStatus.SCHEDULED ? job.withStatus(JobStatus.IN_PROGRESS, now) : job)
            .withRollout(job.rollout().resolved().wound());
    if (stopped.equals(job) || progress.tryReplace(scope, job, stopped, null)) {
      Job current = ports.jobs().find(scope, job.jobId()).orElse(stopped);
      complete(scope, current, progress.details(scope, current), now, true);
    }
  }

  /** Cancels the job when an abort criterion is met; completes it when every execution ended. */
  private void abortOrComplete(Scope scope, Job job, Instant now) {
    JobProcessDetails details = progress.details(scope, job);
    Optional<String> abort = FailureRules.abortReason(job.configs().abort(), details);
    if (abort.isPresent()) {
      progress.tryReplace(
          scope,
          job,
          job.canceled(FailureRules.ABORT_REASON_CODE, abort.get(), false, now),
          details);
      EVENTS.info("[{}] job {} aborted: {}", scope, job.jobId(), abort.get());
      wake();
      return;
    }
    complete(scope, job, details, now, false);
  }

  /**
   * A snapshot job whose executions all ended is COMPLETED; a continuous one only once its endTime
   * passed (or its rollout was stopped).
   */
  private void complete(
      Scope scope, Job job, JobProcessDetails details, Instant now, boolean rolloutStopped) {
    boolean continuousOpen =
        job.targetSelection() == TargetSelection.CONTINUOUS
            && !rolloutStopped
            && !endTimeReached(job.withStatus(JobStatus.IN_PROGRESS, now), now);
    if (job.status() != JobStatus.IN_PROGRESS
        || continuousOpen
        || !job.rollout().targetsResolved()
        || details.pending() > 0
        || ports.executions().countHeldBack(scope, job.jobId()) > 0) {
      return;
    }
    if (progress.tryReplace(scope, job, job.withStatus(JobStatus.COMPLETED, now), details)) {
      EVENTS.info("[{}] job {} completed", scope, job.jobId());
    }
  }

  private void releaseLease() {
    if (leader) {
      try {
        ports.engine().releaseLease(LEASE, nodeId);
      } catch (RuntimeException e) {
        LOG.debug("Releasing the job engine lease failed", e);
      }
    }
  }

  @Override
  public void close() {
    loop.close();
  }
}
