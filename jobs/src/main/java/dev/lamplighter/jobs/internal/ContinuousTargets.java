package dev.lamplighter.jobs.internal;

import dev.lamplighter.core.arn.ResourceType;
import dev.lamplighter.core.event.ChangeEvent;
import dev.lamplighter.core.event.ChangeFollower;
import dev.lamplighter.core.event.ChangeKind;
import dev.lamplighter.core.page.Page;
import dev.lamplighter.core.page.PageRequest;
import dev.lamplighter.core.tenancy.Scope;
import dev.lamplighter.jobs.Job;
import dev.lamplighter.jobs.JobExecution;
import dev.lamplighter.jobs.JobExecutionStatus;
import dev.lamplighter.jobs.JobStatus;
import dev.lamplighter.jobs.spi.JobsPorts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Follows group memberships in the change log for continuous jobs: a thing that joins a target
 * group (or a descendant of one) gets an execution at once, again after its last one ended; a thing
 * that leaves, so that no target covers it any more, has its QUEUED execution REMOVED. A deleted
 * thing's QUEUED executions of every job are REMOVED. Each batch's writes commit with the engine's
 * position in the log, so after a crash nothing is applied twice or skipped.
 */
final class ContinuousTargets implements ChangeFollower.Consumer {
  static final String POSITION = "jobs-continuous-targets";

  private final JobsPorts ports;
  private final Targets targets;
  private final ExecutionWriter writer;
  private final Clock clock;

  ContinuousTargets(JobsPorts ports, Targets targets, ExecutionWriter writer, Clock clock) {
    this.ports = ports;
    this.targets = targets;
    this.writer = writer;
    this.clock = clock;
  }

  @Override
  public void apply(List<ChangeEvent> batch) {
    ports
        .transactions()
        .inTransaction(
            () -> {
              for (ChangeEvent event : batch) {
                applyOne(event);
              }
              ports.engine().savePosition(POSITION, batch.get(batch.size() - 1).sequence());
            });
  }

  private void applyOne(ChangeEvent event) {
    if (event.type() == ResourceType.THING_GROUP) {
      switch (event.kind()) {
        case MEMBER_ADDED ->
            MembershipStates.thingName(event.stateJson())
                .ifPresent(thing -> joined(event.scope(), event.name(), thing));
        case MEMBER_REMOVED ->
            MembershipStates.thingName(event.stateJson())
                .ifPresent(thing -> left(event.scope(), event.name(), thing));
        case DELETED -> groupDeleted(event.scope(), event.name());
        default -> {}
      }
    } else if (event.type() == ResourceType.THING && event.kind() == ChangeKind.DELETED) {
      thingDeleted(event.scope(), event.name());
    }
  }

  private void joined(Scope scope, String groupName, String thingName) {
    List<String> lineage = targets.lineageOf(scope, groupName);
    if (lineage.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    for (Job job : ports.jobs().continuousTargeting(scope, lineage)) {
      if (ended(job, now)) {
        continue;
      }
      Optional<JobExecution> existing = ports.executions().find(scope, job.jobId(), thingName);
      if (existing.isEmpty()) {
        if (job.status() == JobStatus.IN_PROGRESS) {
          writer.insert(scope, JobExecution.queued(job.jobId(), thingName, now));
        } else {
          ports.executions().insertHeldBack(scope, job.jobId(), List.of(thingName), now);
        }
      } else if (existing.get().rolledOut() && existing.get().status().isTerminal()) {
        writer.write(scope, null, existing.get(), existing.get().next(now), now);
      }
    }
  }

  private void left(Scope scope, String groupName, String thingName) {
    List<String> lineage = targets.lineageOf(scope, groupName);
    List<Job> jobs =
        ports.jobs().continuousTargeting(scope, lineage.isEmpty() ? List.of(groupName) : lineage);
    for (Job job : jobs) {
      removeIfUncovered(scope, job, thingName);
    }
  }

  private void groupDeleted(Scope scope, String groupName) {
    for (Job job : ports.jobs().continuousTargeting(scope, List.of(groupName))) {
      PageRequest page = PageRequest.first(500);
      while (true) {
        Page<JobExecution> queued =
            ports.executions().listForJob(scope, job.jobId(), JobExecutionStatus.QUEUED, page);
        for (JobExecution execution : queued.items()) {
          removeIfUncovered(scope, job, execution.thingName());
        }
        if (queued.next().isEmpty()) {
          break;
        }
        page = PageRequest.after(queued.next().get(), 500);
      }
    }
  }

  private void removeIfUncovered(Scope scope, Job job, String thingName) {
    Optional<JobExecution> existing = ports.executions().find(scope, job.jobId(), thingName);
    if (existing.isEmpty() || existing.get().status() != JobExecutionStatus.QUEUED) {
      return;
    }
    if (targets.covers(scope, job.targets(), thingName)) {
      return;
    }
    if (!existing.get().rolledOut()) {
      ports.executions().delete(scope, job.jobId(), thingName);
      return;
    }
    writer.end(scope, null, existing.get(), JobExecutionStatus.REMOVED, false, clock.instant());
  }

  private void thingDeleted(Scope scope, String thingName) {
    PageRequest page = PageRequest.first(100);
    while (true) {
      Page<JobExecution> queued =
          ports.executions().listForThing(scope, thingName, JobExecutionStatus.QUEUED, null, page);
      for (JobExecution execution : queued.items()) {
        writer.end(scope, null, execution, JobExecutionStatus.REMOVED, false, clock.instant());
      }
      if (queued.next().isEmpty()) {
        return;
      }
      page = PageRequest.after(queued.next().get(), 100);
    }
  }

  private static boolean ended(Job job, Instant now) {
    if (job.configs().scheduling() == null || job.configs().scheduling().endTime() == null) {
      return false;
    }
    return !now.isBefore(Schedules.parse(job.configs().scheduling().endTime(), "endTime"));
  }
}
