package dev.lamplighter.jobs.internal;

import dev.lamplighter.core.event.ChangeFollower;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
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
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives jobs forward in the background: schedules, target resolution, rollout at the configured
 * rate, timers, abort criteria, completion, cancellation and deletion of executions, and continuous
 * targeting from the change log.
 *
 * <p>Design: the engine keeps no state of its own in memory that matters after a crash. Every step
 * reads the store, writes one transaction, and logs what changed; after {@code kill -9} the next
 * {@link #tick} picks up where the store says the job is. Executions are created in two phases: the
 * targets' things first become held-back rows (invisible), then the rollout releases them at the
 * job's rate, each release logged (the devices' notifications follow the log). The rate counts from
 * an anchor kept in the job row, which the engine moves when it takes a job over, so a restart
 * never turns downtime into a burst.
 *
 * <p>Several nodes: one node at a time holds the engine's lease in the store and runs ticks; the
 * others wait and take over within {@link #LEASE_TTL} when it stops renewing. Device requests are
 * served on every node; they change executions with compare-and-set writes, like the engine.
 *
 * <p>Threading: one background thread runs {@link #tick} every tick interval, sooner when {@link
 * #wake woken}; tests call {@link #tick} themselves with a clock they move.
 */
public final class JobEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);
  private static final Logger EVENTS = LoggerFactory.getLogger("lamplighter.events");
  static final String LEASE = "job-engine";
  static final Duration LEASE_TTL = Duration.ofSeconds(15);
  static final int BATCH = 1000;
  private static final int JOBS_PER_TICK = 500;
  private static final int FOLLOW_BATCHES_PER_TICK = 20;
  private static final long JOB_BUDGET_NANOS = Duration.ofSeconds(2).toNanos();
  private static final Set<JobExecutionStatus> QUEUED = EnumSet.of(JobExecutionStatus.QUEUED);
  private static final Set<JobExecutionStatus> PENDING =
      EnumSet.of(JobExecutionStatus.QUEUED, JobExecutionStatus.IN_PROGRESS);

  private final JobsPorts ports;
  private final Registry registry;
  private final Clock clock;
  private final String nodeId;
  private final Duration tickInterval;
  private final Targets targets;
  private final ExecutionWriter writer;
  private final JobLog log;
  private final JobProgress progress;
  private final ContinuousTargets continuous;
  private final Set<ScopedJob> anchoredHere = new HashSet<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wakeUp = lock.newCondition();
  private final Thread thread;
  private volatile boolean running = true;
  private boolean woken;
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
    this.registry = registry;
    this.clock = clock;
    this.nodeId = nodeId;
    this.tickInterval = tickInterval;
    this.targets = new Targets(registry);
    this.writer = writer;
    this.log = log;
    this.progress = progress;
    this.continuous = new ContinuousTargets(ports, targets, writer, clock);
    this.thread = new Thread(this::run, "job-engine");
    this.thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Asks for a tick now (a job was created, changed or canceled on this node). */
  public void wake() {
    lock.lock();
    try {
      woken = true;
      wakeUp.signalAll();
    } finally {
      lock.unlock();
    }
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
      } catch (RuntimeException e) {
        LOG.error(
            "[{}] advancing job {} failed; trying again next tick", job.scope(), job.jobId(), e);
      }
    }
    return true;
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
    for (ScopedExecution due : ports.executions().timedOut(now, BATCH)) {
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
      deleteExecutions(scope, job);
    } else if (job.status() == JobStatus.CANCELED || job.status() == JobStatus.COMPLETED) {
      if (job.rollout().winding()) {
        cancelExecutions(scope, job);
      }
    } else if (endTimeReached(job, now)) {
      end(scope, job, now);
    } else if (job.status() == JobStatus.SCHEDULED) {
      resolveTargets(scope, job);
      if (mayRollOut(job, now)) {
        progress.tryReplace(
            scope, job, anchored(job.withStatus(JobStatus.IN_PROGRESS, now), now), null);
        EVENTS.info("[{}] job {} started its rollout", scope, jobId);
      }
    } else if (job.status() == JobStatus.IN_PROGRESS) {
      if (!mayRollOut(job, now)) {
        progress.tryReplace(scope, job, job.withStatus(JobStatus.SCHEDULED, now), null);
        return;
      }
      try {
        job = rollOut(scope, job, now);
      } catch (LostRace race) {
        return;
      }
      if (job != null) {
        abortOrComplete(scope, job, now);
      }
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
    Job next = anchored(job, clock.instant());
    return progress.tryReplace(scope, job, next, null)
        ? ports.jobs().find(scope, job.jobId()).orElse(job)
        : job;
  }

  private static Job anchored(Job job, Instant now) {
    Job.RolloutState state = job.rollout();
    return job.withRollout(
        new Job.RolloutState(
            state.targetsResolved(),
            state.rolledOut(),
            now,
            state.rolledOut(),
            state.rateStep(),
            state.winding(),
            state.cancelInProgress()));
  }

  private boolean mayRollOut(Job job, Instant now) {
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
      ports
          .transactions()
          .inTransaction(
              () ->
                  progress.tryReplace(
                      scope,
                      job,
                      job.canceled(null, "The job reached its scheduled end time.", force, now),
                      progress.details(scope, job)));
      return;
    }
    // STOP_ROLLOUT: nothing more is rolled out; what is out runs to its end.
    ports.transactions().inTransaction(() -> ports.executions().deleteHeldBack(scope, job.jobId()));
    Job stopped =
        job.status() == JobStatus.SCHEDULED ? job.withStatus(JobStatus.IN_PROGRESS, now) : job;
    Job.RolloutState state = stopped.rollout();
    Job resolved =
        stopped.withRollout(
            new Job.RolloutState(
                true,
                state.rolledOut(),
                state.anchorAt(),
                state.anchorCount(),
                state.rateStep(),
                false,
                false));
    if (resolved.equals(job) || progress.tryReplace(scope, job, resolved, null)) {
      Job current = ports.jobs().find(scope, job.jobId()).orElse(resolved);
      complete(scope, current, progress.details(scope, current), now, true);
    }
  }

  /** Creates held-back executions for every thing of every target, page by page. */
  private void resolveTargets(Scope scope, Job job) {
    if (job.rollout().targetsResolved()) {
      return;
    }
    Instant now = clock.instant();
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
    Job.RolloutState state = job.rollout();
    progress.tryReplace(
        scope,
        job,
        job.withRollout(
            new Job.RolloutState(
                true,
                state.rolledOut(),
                state.anchorAt(),
                state.anchorCount(),
                state.rateStep(),
                state.winding(),
                state.cancelInProgress())),
        null);
  }

  /**
   * Resolves targets if needed, then releases held-back executions as the rate allows, a batch per
   * transaction, within a time budget.
   *
   * @return the job as stored after the rollout, or null when another write changed it
   */
  private Job rollOut(Scope scope, Job job, Instant now) {
    if (!job.rollout().targetsResolved()) {
      resolveTargets(scope, job);
      job = ports.jobs().find(scope, job.jobId()).orElse(null);
      if (job == null) {
        return null;
      }
    }
    if (job.rollout().anchorAt() == null) {
      Job anchoredJob = anchored(job, now);
      if (!progress.tryReplace(scope, job, anchoredJob, null)) {
        return null;
      }
      job = ports.jobs().find(scope, job.jobId()).orElse(null);
      if (job == null) {
        return null;
      }
    }
    long started = System.nanoTime();
    while (System.nanoTime() - started < JOB_BUDGET_NANOS) {
      Job current = job;
      JobConfigs.Rollout rollout = current.configs().rollout();
      long succeeded =
          rollout != null
                  && rollout.exponentialRate() != null
                  && rollout.exponentialRate().numberOfSucceededThings() != null
              ? ports
                  .executions()
                  .statusCounts(scope, current.jobId())
                  .getOrDefault(JobExecutionStatus.SUCCEEDED, 0L)
              : 0;
      int step = RolloutRate.step(rollout, current.rollout().rolledOut(), succeeded);
      Job.RolloutState state = current.rollout();
      if (step != state.rateStep()) {
        state =
            new Job.RolloutState(
                state.targetsResolved(),
                state.rolledOut(),
                now,
                state.rolledOut(),
                step,
                state.winding(),
                state.cancelInProgress());
      }
      long allowance = RolloutRate.allowance(state, RolloutRate.perMinute(rollout, step), now);
      int size = (int) Math.min(allowance, BATCH);
      if (size == 0 && step == current.rollout().rateStep()) {
        return current;
      }
      Job.RolloutState before = state;
      Job released =
          ports
              .transactions()
              .inTransaction(
                  () -> {
                    List<JobExecution> out =
                        size == 0
                            ? List.of()
                            : ports.executions().releaseHeldBack(scope, current.jobId(), size, now);
                    for (JobExecution execution : out) {
                      log.execution(scope, execution, null);
                    }
                    Job next =
                        current.withRollout(
                            new Job.RolloutState(
                                before.targetsResolved(),
                                before.rolledOut() + out.size(),
                                before.anchorAt(),
                                before.anchorCount(),
                                before.rateStep(),
                                before.winding(),
                                before.cancelInProgress()));
                    if (out.isEmpty() && next.rollout().equals(current.rollout())) {
                      return current;
                    }
                    if (!ports.jobs().replace(scope, versioned(next, current), current.version())) {
                      throw new LostRace();
                    }
                    return ports.jobs().find(scope, current.jobId()).orElseThrow();
                  });
      if (released.rollout().rolledOut() == current.rollout().rolledOut()
          && released.rollout().rateStep() == current.rollout().rateStep()) {
        return released;
      }
      job = released;
    }
    return job;
  }

  private static Job versioned(Job next, Job current) {
    return new Job(
        next.jobId(),
        next.status(),
        next.targetSelection(),
        next.targets(),
        next.description(),
        next.document(),
        next.documentSource(),
        next.jobTemplateArn(),
        next.documentParameters(),
        next.configs(),
        next.namespaceId(),
        next.comment(),
        next.reasonCode(),
        next.forceCanceled(),
        next.destinationPackageVersions(),
        next.createdAt(),
        next.lastUpdatedAt(),
        next.completedAt(),
        next.rollout(),
        current.version() + 1);
  }

  /** Another write changed the job while a batch was released; the batch rolls back. */
  private static final class LostRace extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LostRace() {
      super("the job changed meanwhile", null, false, false);
    }
  }

  /** Cancels the job when an abort criterion is met; completes it when every execution ended. */
  private void abortOrComplete(Scope scope, Job job, Instant now) {
    JobProcessDetails details = progress.details(scope, job);
    Optional<String> abort = FailureRules.abortReason(job.configs().abort(), details);
    if (abort.isPresent()) {
      ports
          .transactions()
          .inTransaction(
              () ->
                  progress.tryReplace(
                      scope,
                      job,
                      job.canceled(FailureRules.ABORT_REASON_CODE, abort.get(), false, now),
                      details));
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
    ports
        .transactions()
        .inTransaction(
            () ->
                progress.tryReplace(scope, job, job.withStatus(JobStatus.COMPLETED, now), details));
    EVENTS.info("[{}] job {} completed", scope, job.jobId());
  }

  /** Winds a canceled job down: held-back executions go, pending ones are canceled, in batches. */
  private void cancelExecutions(Scope scope, Job job) {
    ports.transactions().inTransaction(() -> ports.executions().deleteHeldBack(scope, job.jobId()));
    Set<JobExecutionStatus> statuses = job.rollout().cancelInProgress() ? PENDING : QUEUED;
    long started = System.nanoTime();
    while (System.nanoTime() - started < JOB_BUDGET_NANOS) {
      Instant now = clock.instant();
      List<JobExecution> batch = ports.executions().inStatuses(scope, job.jobId(), statuses, BATCH);
      if (batch.isEmpty()) {
        Job.RolloutState state = job.rollout();
        progress.tryReplace(
            scope,
            job,
            job.withRollout(
                new Job.RolloutState(
                    state.targetsResolved(),
                    state.rolledOut(),
                    state.anchorAt(),
                    state.anchorCount(),
                    state.rateStep(),
                    false,
                    state.cancelInProgress())),
            null);
        return;
      }
      ports
          .transactions()
          .inTransaction(
              () -> {
                for (JobExecution execution : batch) {
                  writer.end(
                      scope,
                      null,
                      execution,
                      JobExecutionStatus.CANCELED,
                      execution.status() == JobExecutionStatus.IN_PROGRESS,
                      now);
                }
              });
    }
  }

  /** Deletes a job's executions in batches, then the job itself. */
  private void deleteExecutions(Scope scope, Job job) {
    long started = System.nanoTime();
    while (System.nanoTime() - started < JOB_BUDGET_NANOS) {
      boolean gone =
          ports
              .transactions()
              .inTransaction(
                  () -> {
                    List<JobExecution> deleted =
                        ports.executions().deleteSome(scope, job.jobId(), BATCH);
                    for (JobExecution execution : deleted) {
                      if (execution.rolledOut()) {
                        log.executionDeleted(scope, execution);
                      }
                    }
                    if (!deleted.isEmpty()) {
                      return false;
                    }
                    ports.jobs().delete(scope, job.jobId());
                    registry.tags().removeAll(scope, JobServiceImpl.arn(scope, job.jobId()));
                    log.jobDeleted(scope, job);
                    return true;
                  });
      if (gone) {
        EVENTS.info("[{}] job {} deleted", scope, job.jobId());
        anchoredHere.remove(new ScopedJob(scope, job.jobId()));
        return;
      }
    }
  }

  private void run() {
    while (running) {
      try {
        tick();
      } catch (RuntimeException e) {
        LOG.error("A job engine tick failed; trying again", e);
      }
      pause();
    }
    Instant now = clock.instant();
    if (leader) {
      try {
        ports.engine().releaseLease(LEASE, nodeId);
      } catch (RuntimeException e) {
        LOG.debug("Releasing the job engine lease at {} failed", now, e);
      }
    }
  }

  private void pause() {
    lock.lock();
    try {
      long left = tickInterval.toNanos();
      while (running && !woken && left > 0) {
        left = wakeUp.awaitNanos(left);
      }
      woken = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      running = false;
      wakeUp.signalAll();
    } finally {
      lock.unlock();
    }
    if (thread.isAlive()) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
